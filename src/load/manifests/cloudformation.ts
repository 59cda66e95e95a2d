// Loads AWS SAM and plain CloudFormation templates (YAML or JSON, cdk.out/*.template.json) into the
// model: functions with SAM Globals applied, their roles and policy statements, and every resource.
import { posix } from 'node:path';
import { inputFinding, INPUT_RULES } from '../../model/finding.js';
import type { Location } from '../../model/location.js';
import { locationAtStart } from '../../model/location.js';
import { locationOf, locationOfKey, locationOfValue, recordMember, recordPosition } from '../../model/positions.js';
import type {
  EnvironmentVariable,
  EventModel,
  FunctionModel,
  Located,
  NormalizedEventType,
  ResourceModel,
  RoleModel,
  ServiceModel,
} from '../../model/project.js';
import { expandPolicyTemplate, isPolicyTemplateName } from '../../model/sam-policy-templates.js';
import { describeValue, isIntrinsic, isUnresolved } from '../../model/values.js';
import { quote } from '../../util/quote.js';
import type { ManifestContext, ManifestLoader } from './context.js';
import { readInlineCode } from './inline-code.js';
import { grantFor, SAM_DESTINATION_GRANTS, SAM_POLLER_POLICIES } from '../../data/platform-grants.js';
import { managedPolicies } from '../../model/managed-policies.js';
import { platformStatement, statementFromData } from '../../model/policy.js';
import { TemplateIam, type IamResource } from './template-iam.js';
import { readConnector } from './sam-connectors.js';
import { checkIntrinsicReferences } from './intrinsic-references.js';
import { attributeCdkStatements, bundleSource, constructPathOf, NO_CDK_SITES } from './cdk-template.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const SAM_FUNCTION = 'AWS::Serverless::Function';
const LAMBDA_FUNCTION = 'AWS::Lambda::Function';

/** SAM refuses these in `Globals.Function`; they never reach a function from there. */
const NON_GLOBAL_FUNCTION_PROPERTIES = new Set(['Role', 'Policies', 'Events', 'FunctionName']);

const SAM_EVENT_TYPES: Record<string, NormalizedEventType> = {
  Api: 'api',
  HttpApi: 'http-api',
  SQS: 'sqs',
  Kinesis: 'kinesis',
  DynamoDB: 'dynamodb-stream',
  SNS: 'sns',
  S3: 's3',
  Schedule: 'schedule',
  ScheduleV2: 'schedule',
  EventBridgeRule: 'eventbridge',
  CloudWatchEvent: 'eventbridge',
};

/** The property of each SAM event type that names what triggers the function. */
const SAM_EVENT_SOURCE: Record<string, string> = {
  SQS: 'Queue',
  Kinesis: 'Stream',
  DynamoDB: 'Stream',
  SNS: 'Topic',
  S3: 'Bucket',
  MSK: 'Stream',
  DocumentDB: 'Cluster',
  EventBridgeRule: 'EventBusName',
  CloudWatchEvent: 'EventBusName',
};

/** True for a template SAM transforms: `Transform: AWS::Serverless-2016-10-31`, alone or in a list. */
export function isSamTemplate(document: unknown): boolean {
  if (!isRecord(document)) return false;
  const transform = document.Transform;
  return transform === SAM_TRANSFORM || (Array.isArray(transform) && transform.includes(SAM_TRANSFORM));
}

/**
 * The service name: the CDK stack name for `cdk.out/<Stack>.template.json`; the folder name for a
 * template named `template.*` in a folder (`services/orders/template.yaml` → `orders`); otherwise the
 * file name without its extension (`template.yaml` at the root → `template`, `infra/api.yaml` → `api`).
 */
export function templateServiceName(file: string): string {
  const base = posix.basename(file);
  const cdkStack = /^(.+)\.template\.json$/.exec(base);
  if (cdkStack?.[1]) return cdkStack[1];
  const stem = base.replace(/\.(ya?ml|json|template)$/i, '');
  const dir = posix.dirname(file);
  if (stem.toLowerCase() === 'template' && dir !== '.' && dir !== '') return posix.basename(dir);
  return stem;
}

export const loadCloudFormation: ManifestLoader = (document, context) => {
  if (!isRecord(document)) {
    const message = `${quote(context.file)} is not a CloudFormation template: its top level must be a mapping.`;
    context.report(inputFinding(INPUT_RULES.invalidManifest, 'warning', message, locationOf(document) ?? locationAtStart(context.file)));
    return undefined;
  }
  return new TemplateLoader(context, document).load();
};

/** What the platform grants of a generated role depend on, known before the FunctionModel exists. */
interface FunctionFacts {
  name: string;
  location: Location;
  events: EventModel[];
}

interface TemplateResource extends IamResource {
  raw: Record<string, unknown>;
}

class TemplateLoader {
  private readonly service: ServiceModel;
  private readonly resources = new Map<string, TemplateResource>();
  private readonly externalRoles = new Map<string, RoleModel>();
  private readonly iam: TemplateIam;
  private templateRoles: RoleModel[] = [];

  constructor(
    private readonly ctx: ManifestContext,
    private readonly document: Record<string, unknown>,
  ) {
    this.service = {
      id: ctx.file,
      name: templateServiceName(ctx.file),
      kind: isSamTemplate(document) ? 'sam' : 'cloudformation',
      manifest: ctx.file,
      dir: ctx.dir,
      location: locationOf(document) ?? locationAtStart(ctx.file),
      functions: [],
      roles: [],
      resources: [],
      document,
    };
    if (ctx.options.region) this.service.region = ctx.options.region;
    if (ctx.options.stage) this.service.stage = ctx.options.stage;
    this.iam = new TemplateIam(ctx, this.service, this.resources, (id, name, kind, location) => this.newRole(id, name, kind, location));
  }

  load(): ServiceModel {
    const { document } = this;
    const resources = document.Resources;
    if (resources === undefined) {
      this.invalid(`${quote(this.ctx.file)} has no Resources section.`, this.service.location);
      return this.service;
    }
    if (!isRecord(resources)) {
      this.invalid(`Resources in ${quote(this.ctx.file)} must be a mapping of logical ids to resources.`, this.keyLocation(document, 'Resources'));
      return this.service;
    }
    for (const finding of checkIntrinsicReferences(document, this.ctx.file, this.service.kind === 'sam')) this.ctx.report(finding);
    this.readResources(resources, this.service.kind === 'sam');
    this.templateRoles = this.iam.readRoles();
    this.iam.attachPolicies();
    const globals = this.readGlobals(document);
    for (const resource of this.resources.values()) {
      if (resource.type === SAM_FUNCTION || resource.type === LAMBDA_FUNCTION) this.service.functions.push(this.readFunction(resource, globals));
    }
    this.addEventsFromOtherResources();
    if (this.service.kind === 'sam') this.addConnectorGrants();
    this.service.roles = [...this.templateRoles, ...this.service.roles, ...this.externalRoles.values()].sort(
      (a, b) => a.location.line - b.location.line || a.location.column - b.location.column || (a.id < b.id ? -1 : 1),
    );
    // Synthesized by the CDK: named by construct path, generated statements tied to the app's calls when found.
    if (this.service.functions.some((fn) => fn.cdk)) attributeCdkStatements(this.service, this.ctx.cdkSites?.() ?? NO_CDK_SITES);
    const bundled = this.service.functions.filter((fn) => fn.cdk?.code === 'bundle');
    if (bundled.length > 0) {
      const names = bundled.map((fn) => quote(fn.name));
      this.ctx.report(
        inputFinding(
          INPUT_RULES.analysedBundle,
          'note',
          `${names.length === 1 ? `The code of ${names[0]} is` : `The code of ${names.length} functions (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}) is`} analysed from its bundle in the cloud assembly, which has no source map: findings point into the bundle. Bundle with \`sourceMap: true\` (NodejsFunction \`bundling\`) and synthesize again to have them on your source.`,
          this.service.location,
        ),
      );
    }
    return this.service;
  }

  // ---- resources ----

  private readResources(resources: Record<string, unknown>, sam: boolean): void {
    let reportedMissingTransform = false;
    for (const [logicalId, raw] of Object.entries(resources)) {
      const location = this.keyLocation(resources, logicalId);
      if (!isRecord(raw)) {
        this.invalid(`Resource ${quote(logicalId)} must be a mapping with a Type; it is ignored.`, location);
        continue;
      }
      const type = raw.Type;
      if (typeof type !== 'string') {
        this.invalid(`Resource ${quote(logicalId)} has no Type (a string such as AWS::S3::Bucket); it is ignored.`, location);
        continue;
      }
      if (!isKnownTypeShape(type)) {
        this.invalid(`Resource ${quote(logicalId)} has the unknown type ${quote(type)}; types look like AWS::Service::Resource or Custom::Name.`, locationOfValue(raw, 'Type') ?? location);
      }
      if (type.startsWith('AWS::Serverless::') && !sam && !reportedMissingTransform) {
        reportedMissingTransform = true;
        this.invalid(`${quote(logicalId)} is an ${type}, but the template lacks "Transform: ${SAM_TRANSFORM}", so CloudFormation will reject it.`, locationOfValue(raw, 'Type') ?? location);
      }
      let properties: Record<string, unknown> = {};
      if (raw.Properties !== undefined && raw.Properties !== null) {
        if (isMapping(raw.Properties)) properties = raw.Properties;
        else this.invalid(`Properties of ${quote(logicalId)} must be a mapping; they are ignored.`, locationOfValue(raw, 'Properties') ?? location);
      }
      const model: ResourceModel = { logicalId, type, properties, location, service: this.service };
      if (isRecord(raw.Metadata)) model.metadata = raw.Metadata;
      this.service.resources.push(model);
      this.resources.set(logicalId, { logicalId, type, raw, properties, path: `Resources.${logicalId}`, model });
    }
  }

  // ---- functions ----

  private readGlobals(document: Record<string, unknown>): Record<string, unknown> | undefined {
    const globals = document.Globals;
    if (globals === undefined || globals === null) return undefined;
    if (!isRecord(globals)) {
      this.invalid('Globals must be a mapping (Function, Api, ...); it is ignored.', locationOfKey(document, 'Globals') ?? this.service.location);
      return undefined;
    }
    const fn = globals.Function;
    if (fn === undefined || fn === null) return undefined;
    if (!isMapping(fn)) {
      this.invalid('Globals.Function must be a mapping of function properties; it is ignored.', locationOfKey(globals, 'Function') ?? this.service.location);
      return undefined;
    }
    const usable: Record<string, unknown> = {};
    recordPosition(usable, locationOf(fn) ?? this.service.location);
    for (const [key, value] of Object.entries(fn)) {
      if (NON_GLOBAL_FUNCTION_PROPERTIES.has(key)) {
        this.invalid(`${key} cannot be set in Globals.Function (SAM rejects it); set it on each function.`, this.keyLocation(fn, key));
        continue;
      }
      usable[key] = value;
      recordMember(usable, key, locationOfKey(fn, key), locationOfValue(fn, key) ?? this.service.location);
    }
    return usable;
  }

  private readFunction(resource: TemplateResource, globals: Record<string, unknown> | undefined): FunctionModel {
    const { logicalId } = resource;
    const isSamFunction = resource.type === SAM_FUNCTION;
    const own = resource.properties;
    const properties = isSamFunction && globals ? (mergeGlobal(globals, own) as Record<string, unknown>) : own;
    const location = resource.model.location;
    const located = (parent: unknown, key: string): Located | undefined => {
      if (!isRecord(parent) || parent[key] === undefined || parent[key] === null) return undefined;
      return { value: parent[key], location: locationOfValue(parent, key) ?? location };
    };

    const events = isSamFunction ? this.readSamEvents(logicalId, own) : [];
    const url = properties.FunctionUrlConfig;
    if (isSamFunction && url !== undefined && url !== null) {
      events.push({
        type: 'FunctionUrlConfig',
        normalizedType: 'function-url',
        location: this.keyLocation(properties, 'FunctionUrlConfig'),
        properties: isRecord(url) ? url : {},
      });
    }
    const role = this.roleOf(logicalId, location, resource, own, properties, events);
    const fn: FunctionModel = {
      id: `${this.ctx.file}#${logicalId}`,
      name: logicalId,
      service: this.service,
      location,
      environment: this.readEnvironment(own, isSamFunction ? globals : undefined),
      events,
      role,
      vpc: runsInVpc(properties.VpcConfig),
      tags: readTags(properties.Tags),
      properties,
    };
    role.functions.push(fn);
    const handler = located(properties, 'Handler');
    if (handler) fn.handler = handler;
    const codeDir = isSamFunction ? this.samCodeDir(logicalId, properties) : this.lambdaCodeDir(logicalId, resource);
    if (codeDir !== undefined) fn.codeDir = codeDir;
    const constructPath = constructPathOf(resource.raw.Metadata);
    if (constructPath !== undefined) this.readCdkFunction(fn, constructPath, logicalId, resource);
    const runtime = located(properties, 'Runtime');
    if (runtime) fn.runtime = runtime;
    const inline = isSamFunction ? located(properties, 'InlineCode') : located(properties.Code, 'ZipFile');
    const inlineCode = inline && readInlineCode(this.ctx, logicalId, runtime?.value, inline);
    if (inlineCode) fn.inlineCode = inlineCode;
    const memorySize = located(properties, 'MemorySize');
    if (memorySize) fn.memorySize = memorySize;
    const timeout = located(properties, 'Timeout');
    if (timeout) fn.timeout = timeout;
    const tracing = isSamFunction ? located(properties, 'Tracing') : located(properties.TracingConfig, 'Mode');
    if (tracing) fn.tracing = tracing;
    const deadLetter = isSamFunction ? located(properties.DeadLetterQueue, 'TargetArn') : located(properties.DeadLetterConfig, 'TargetArn');
    if (deadLetter) fn.deadLetterTarget = deadLetter;
    const kmsKeyArn = located(properties, 'KmsKeyArn');
    if (kmsKeyArn) fn.kmsKeyArn = kmsKeyArn;
    return fn;
  }

  private readEnvironment(own: Record<string, unknown>, globals: Record<string, unknown> | undefined): EnvironmentVariable[] {
    const variablesOf = (properties: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
      const environment = properties?.Environment;
      if (!isMapping(environment)) return undefined;
      const variables = environment.Variables;
      return isMapping(variables) ? variables : undefined;
    };
    const result: EnvironmentVariable[] = [];
    const local = variablesOf(own);
    const global = variablesOf(globals);
    for (const [name, value] of Object.entries(global ?? {})) {
      if (local && Object.hasOwn(local, name)) continue; // the function's own value wins
      result.push({ name, value, location: locationOfValue(global, name) ?? this.service.location, origin: 'globals' });
    }
    for (const [name, value] of Object.entries(local ?? {})) {
      result.push({ name, value, location: locationOfValue(local, name) ?? this.service.location, origin: 'function' });
    }
    return result;
  }

  private readSamEvents(logicalId: string, own: Record<string, unknown>): EventModel[] {
    const events = own.Events;
    if (events === undefined || events === null) return [];
    if (!isMapping(events)) {
      this.invalid(`Events of ${quote(logicalId)} must be a mapping of event names to { Type, Properties }.`, this.keyLocation(own, 'Events'));
      return [];
    }
    const result: EventModel[] = [];
    for (const [name, event] of Object.entries(events)) {
      const location = this.keyLocation(events, name);
      if (!isRecord(event) || typeof event.Type !== 'string') {
        this.invalid(`Event ${quote(name)} of ${quote(logicalId)} needs a Type (SQS, Api, S3, ...).`, location);
        continue;
      }
      let properties: Record<string, unknown> = {};
      if (isMapping(event.Properties)) properties = event.Properties;
      else if (event.Properties !== undefined && event.Properties !== null) {
        this.invalid(`Properties of event ${quote(name)} of ${quote(logicalId)} must be a mapping.`, locationOfValue(event, 'Properties') ?? location);
      }
      const model: EventModel = { type: event.Type, normalizedType: SAM_EVENT_TYPES[event.Type] ?? 'other', location, properties };
      const sourceKey = SAM_EVENT_SOURCE[event.Type];
      if (sourceKey && properties[sourceKey] !== undefined) model.source = properties[sourceKey];
      result.push(model);
    }
    return result;
  }

  /** SAM: CodeUri (a folder relative to the template), else the template's folder; none for S3, inline or image code. */
  private samCodeDir(logicalId: string, properties: Record<string, unknown>): string | undefined {
    if (properties.PackageType === 'Image' || properties.InlineCode !== undefined) return undefined;
    const codeUri = properties.CodeUri;
    if (codeUri === undefined || codeUri === null) return this.ctx.dir;
    if (typeof codeUri !== 'string' || codeUri.startsWith('s3://')) return undefined; // `{ Bucket, Key }` or S3: not in the project
    return this.localCodeDir(logicalId, 'CodeUri', codeUri, this.keyLocation(properties, 'CodeUri'));
  }

  /** Lambda: `Code: ./src` (a template before `aws cloudformation package`), or a CDK asset folder from Metadata. */
  private lambdaCodeDir(logicalId: string, resource: TemplateResource): string | undefined {
    const code = resource.properties.Code;
    if (typeof code === 'string') return this.localCodeDir(logicalId, 'Code', code, this.keyLocation(resource.properties, 'Code'));
    if (!isRecord(code) || code.ZipFile !== undefined || code.ImageUri !== undefined) return undefined; // inline or image code
    const asset = isRecord(resource.raw.Metadata) ? resource.raw.Metadata['aws:asset:path'] : undefined;
    if (typeof asset === 'string' && isRecord(resource.raw.Metadata)) {
      return this.localCodeDir(logicalId, 'aws:asset:path', asset, locationOfValue(resource.raw.Metadata, 'aws:asset:path') ?? resource.model.location);
    }
    return undefined;
  }

  /**
   * A CDK function is named by its construct path; the code of a bundled asset is read from the source its source
   * map leads to (findings land on `lambda/create.ts`, not on the bundle), else from the bundle itself.
   */
  private readCdkFunction(fn: FunctionModel, constructPath: string, logicalId: string, resource: TemplateResource): void {
    fn.name = constructPath;
    fn.cdk = { constructPath, logicalId };
    const metadata = isRecord(resource.raw.Metadata) ? resource.raw.Metadata : {};
    if (fn.codeDir === undefined || typeof fn.handler?.value !== 'string' || typeof metadata['aws:asset:path'] !== 'string') return;
    const source = bundleSource(this.ctx, fn.codeDir, fn.handler.value);
    if (source) {
      fn.codeDir = source.dir;
      fn.handler = { value: source.handler, location: fn.handler.location };
      fn.cdk.code = 'source';
    } else if (metadata['aws:asset:is-bundled'] === true) {
      fn.cdk.code = 'bundle';
    }
  }

  private localCodeDir(logicalId: string, key: string, value: string, location: Location): string | undefined {
    const dir = this.ctx.resolvePath(value);
    if (dir === undefined) {
      this.ctx.report(
        inputFinding(INPUT_RULES.skippedFile, 'warning', `${key} ${value} of ${logicalId} points outside the project root, so its code is not analysed.`, location),
      );
    }
    return dir;
  }

  // ---- the role a function runs with ----

  private roleOf(
    logicalId: string,
    location: Location,
    resource: TemplateResource,
    own: Record<string, unknown>,
    properties: Record<string, unknown>,
    events: EventModel[],
  ): RoleModel {
    const roleValue = own.Role;
    if (roleValue === undefined || roleValue === null) {
      if (resource.type === SAM_FUNCTION) return this.generatedRole(logicalId, location, own, properties, events);
      this.invalid(`${quote(logicalId)} has no Role; an AWS::Lambda::Function needs the ARN of its execution role.`, location);
      return this.externalRole(`(no role of ${logicalId})`, location);
    }
    const roleLocation = locationOfValue(own, 'Role') ?? location;
    const roleId = this.referencedLogicalId(roleValue, roleLocation);
    const templateRole = roleId ? this.iam.rolesByLogicalId.get(roleId) : undefined;
    if (templateRole) return templateRole;
    return this.externalRole(describeValue(roleValue), roleLocation);
  }

  /** The logical id a `!GetAtt X.Arn`, `!Ref X` or `!Sub ...${X.Arn}` names, when X is a role of this template. */
  private referencedLogicalId(value: unknown, location: Location): string | undefined {
    if (!isIntrinsic(value)) return undefined;
    if (typeof value.Ref === 'string') return value.Ref;
    const getAtt = value['Fn::GetAtt'];
    if (getAtt !== undefined) {
      const parts = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split('.') : [];
      // A malformed !GetAtt is reported once for the whole template by checkIntrinsicReferences.
      if (parts.length !== 2 || typeof parts[0] !== 'string') return undefined;
      return parts[0];
    }
    const sub = value['Fn::Sub'];
    const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (text === undefined) return undefined;
    for (const [, logicalId] of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.Arn)?\}/g)) {
      if (logicalId && this.iam.rolesByLogicalId.has(logicalId)) return logicalId;
    }
    return undefined;
  }

  private externalRole(display: string, location: Location): RoleModel {
    let role = this.externalRoles.get(display);
    if (!role) {
      role = this.newRole(display, display, 'external', location);
      role.incomplete = true;
      this.externalRoles.set(display, role);
    }
    return role;
  }

  /** The role SAM generates for a function without `Role`: `<Logical>Role` with Policies and the platform grants. */
  private generatedRole(
    logicalId: string,
    location: Location,
    own: Record<string, unknown>,
    properties: Record<string, unknown>,
    events: EventModel[],
  ): RoleModel {
    const name = `${logicalId}Role`;
    const policiesLocation = own.Policies !== undefined ? locationOfKey(own, 'Policies') : undefined;
    const role = this.newRole(name, name, 'sam-generated', policiesLocation ?? location);
    this.service.roles.push(role);
    this.readSamPolicies(role, logicalId, own);
    this.addPlatformStatements(role, { name: logicalId, location, events }, properties);
    return role;
  }

  private readSamPolicies(role: RoleModel, logicalId: string, own: Record<string, unknown>): void {
    const policies = own.Policies;
    if (policies === undefined || policies === null) return;
    const base = `Resources.${logicalId}.Properties.Policies`;
    if (Array.isArray(policies)) {
      policies.forEach((item, index) => this.readSamPolicy(role, item, `${base}[${index}]`, locationOfValue(policies, index) ?? role.location));
    } else {
      this.readSamPolicy(role, policies, base, locationOfValue(own, 'Policies') ?? role.location);
    }
  }

  /** One entry of SAM `Policies`: a managed policy name or ARN, a policy document, or a policy template. */
  private readSamPolicy(role: RoleModel, item: unknown, path: string, location: Location): void {
    if (typeof item === 'string' || isUnresolved(item)) {
      this.iam.addManagedPolicy(role, item, path, location, true);
      return;
    }
    if (isIntrinsic(item)) {
      const branches = item['Fn::If'];
      if (Array.isArray(branches) && branches.length === 3) {
        // `!If [Cond, A, B]`: either may be deployed, so both count (an unknown branch cannot be judged away).
        [1, 2].forEach((index) => {
          const branch = branches[index];
          if (isIntrinsic(branch) && branch.Ref === 'AWS::NoValue') return;
          this.readSamPolicy(role, branch, `${path}.Fn::If[${index}]`, locationOfValue(branches, index) ?? location);
        });
        return;
      }
      this.iam.addManagedPolicy(role, item, path, location, true);
      return;
    }
    if (!isRecord(item)) {
      role.incomplete = true;
      this.invalid(`${quote(path)} must be a managed policy name, a policy document or a policy template.`, location);
      return;
    }
    if (Object.hasOwn(item, 'Statement')) {
      this.iam.readDocument(role, item, path, location);
      return;
    }
    const keys = Object.keys(item);
    const templateName = keys.length === 1 ? keys[0] : undefined;
    if (templateName !== undefined && isPolicyTemplateName(templateName)) {
      const at = { path, location: locationOfKey(item, templateName) ?? location };
      const expansion = expandPolicyTemplate(templateName, item[templateName], at);
      if (!expansion.ok) {
        this.invalid(`${quote(path)}: ${expansion.reason}.`, at.location);
        role.incomplete = true;
        return;
      }
      if (expansion.missingParameters.length > 0) {
        this.invalid(`${templateName} needs ${expansion.missingParameters.join(', ')}; SAM rejects the template without it.`, at.location);
      }
      role.statements.push(...expansion.statements);
      return;
    }
    const what = keys.length === 1 ? `the unknown SAM policy template ${keys[0]}` : 'not a policy document (no Statement) nor a single policy template';
    this.invalid(`${quote(path)} is ${what}; its grants are not known.`, location);
    role.incomplete = true;
  }

  /** What SAM adds to a role it generates (samtranslator sam_resources.py `_construct_role`, eventsources/pull.py). */
  private addPlatformStatements(role: RoleModel, fn: FunctionFacts, properties: Record<string, unknown>): void {
    const base = `Resources.${fn.name}`;
    const managed = (policy: string, reason: string, location: Location): void => {
      managedPolicies()[policy]?.document.Statement.forEach((statement, index) => {
        role.statements.push(statementFromData(statement, `${base}#${policy}.Statement[${index}]`, location, { kind: 'platform', reason }));
      });
    };
    const grant = (path: string, actions: readonly string[], resources: unknown[], reason: string, location: Location): void => {
      role.statements.push(platformStatement(path, actions, resources, location, reason));
    };

    managed('AWSLambdaBasicExecutionRole', 'SAM attaches AWSLambdaBasicExecutionRole to every role it generates', fn.location);
    if (properties.Tracing !== undefined && properties.Tracing !== null && properties.Tracing !== 'Disabled') {
      managed('AWSXrayWriteOnlyAccess', 'SAM attaches AWSXrayWriteOnlyAccess when Tracing is set', locationOfValue(properties, 'Tracing') ?? fn.location);
    }
    if (properties.VpcConfig !== undefined && properties.VpcConfig !== null) {
      managed('AWSLambdaVPCAccessExecutionRole', 'SAM attaches AWSLambdaVPCAccessExecutionRole with VpcConfig', this.keyLocation(properties, 'VpcConfig'));
    }
    const polled = new Set<string>();
    for (const event of fn.events) {
      const policy = grantFor(SAM_POLLER_POLICIES, event.type);
      if (!policy || polled.has(policy)) continue;
      polled.add(policy);
      managed(policy, `SAM attaches ${policy} for the ${event.type} event source`, event.location);
    }
    const dlq = properties.DeadLetterQueue;
    if (isMapping(dlq) && dlq.TargetArn !== undefined) {
      const action = dlq.Type === 'SQS' ? 'sqs:SendMessage' : dlq.Type === 'SNS' ? 'sns:Publish' : undefined;
      const location = this.keyLocation(properties, 'DeadLetterQueue');
      if (action) grant(`${base}#DeadLetterQueue`, [action], [dlq.TargetArn], 'SAM lets the function send failed events to its DeadLetterQueue', location);
      else if (typeof dlq.Type === 'string' || dlq.Type === undefined) this.invalid(`DeadLetterQueue of ${quote(fn.name)} needs Type: SQS or SNS.`, locationOfValue(dlq, 'Type') ?? location);
    }
    this.addDestinationStatements(fn, properties, grant);
    if (properties.KmsKeyArn !== undefined && properties.KmsKeyArn !== null) {
      grant(`${base}#KmsKeyArn`, ['kms:Decrypt'], [properties.KmsKeyArn], 'Lambda decrypts the environment variables with KmsKeyArn', locationOfValue(properties, 'KmsKeyArn') ?? fn.location);
    }
  }

  private addDestinationStatements(
    fn: FunctionFacts,
    properties: Record<string, unknown>,
    grant: (path: string, actions: readonly string[], resources: unknown[], reason: string, location: Location) => void,
  ): void {
    const config = properties.EventInvokeConfig;
    const destinations = isRecord(config) ? config.DestinationConfig : undefined;
    if (!isMapping(destinations)) return;
    for (const outcome of ['OnSuccess', 'OnFailure']) {
      const destination = destinations[outcome];
      if (!isMapping(destination) || typeof destination.Type !== 'string') continue;
      const location = this.keyLocation(destinations, outcome);
      const path = `Resources.${fn.name}#EventInvokeConfig.${outcome}`;
      const reason = `SAM lets the function send ${outcome} results to its ${destination.Type} destination`;
      // Without Destination, SAM creates the queue or topic itself (`<Fn>EventInvokeConfig<Outcome>Queue`).
      const generated = `${fn.name}EventInvokeConfig${outcome}`;
      const target =
        destination.Destination ??
        (destination.Type === 'SQS' ? { 'Fn::GetAtt': [`${generated}Queue`, 'Arn'] } : destination.Type === 'SNS' ? { Ref: `${generated}Topic` } : undefined);
      if (target === undefined) continue;
      if (destination.Type === 'S3Bucket') {
        grant(`${path}[0]`, ['s3:PutObject'], [{ 'Fn::Join': ['/', [target, '*']] }], reason, location);
        grant(`${path}[1]`, ['s3:ListBucket'], [target], reason, location);
        continue;
      }
      const actions = grantFor(SAM_DESTINATION_GRANTS, destination.Type);
      if (actions) grant(path, actions, [target], reason, location);
    }
  }

  // ---- SAM connectors ----

  /** `AWS::Serverless::Connector` resources and `Connectors:` embedded in a function: statements of the function's role. */
  private addConnectorGrants(): void {
    const typeOf = (logicalId: string): string | undefined => this.resources.get(logicalId)?.type;
    const byName = new Map(this.service.functions.map((fn) => [fn.name, fn]));
    const add = (name: string, properties: unknown, path: string, location: Location, embeddedSource?: string): void => {
      if (!isMapping(properties)) {
        this.invalid(`Connector ${quote(name)} needs Properties (Destination and Permissions).`, location);
        return;
      }
      const { grant, problems } = readConnector(name, properties, path, location, typeOf, embeddedSource);
      const source = grant?.source ?? embeddedSource;
      const role = source === undefined ? undefined : byName.get(source)?.role;
      for (const problem of problems) {
        this.invalid(problem.message, problem.location);
        if (problem.incomplete && role) role.incomplete = true;
      }
      if (grant && role && role.kind !== 'external') role.statements.push(...grant.statements);
    };
    for (const resource of this.resources.values()) {
      if (resource.type === 'AWS::Serverless::Connector') {
        add(resource.logicalId, resource.raw.Properties, `Resources.${resource.logicalId}.Properties`, resource.model.location);
      }
      const embedded = resource.raw.Connectors;
      if (embedded === undefined || embedded === null) continue;
      if (!isMapping(embedded)) {
        this.invalid(`Connectors of ${quote(resource.logicalId)} must be a mapping of connector names to { Properties }.`, this.keyLocation(resource.raw, 'Connectors'));
        continue;
      }
      for (const [name, connector] of Object.entries(embedded)) {
        const location = this.keyLocation(embedded, name);
        const properties = isMapping(connector) ? connector.Properties : undefined;
        add(name, properties, `Resources.${resource.logicalId}.Connectors.${name}.Properties`, location, resource.logicalId);
      }
    }
  }

  // ---- events declared as separate resources (plain CloudFormation, CDK) ----

  private addEventsFromOtherResources(): void {
    const byLogicalId = new Map(this.service.functions.map((fn) => [fn.cdk?.logicalId ?? fn.name, fn]));
    const functionFor = (value: unknown): FunctionModel | undefined => {
      if (isIntrinsic(value)) {
        if (typeof value.Ref === 'string') return byLogicalId.get(value.Ref);
        const getAtt = value['Fn::GetAtt'];
        if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt[1] === 'Arn' && typeof getAtt[0] === 'string') return byLogicalId.get(getAtt[0]);
        return undefined;
      }
      if (typeof value !== 'string') return undefined;
      return this.service.functions.find((fn) => fn.properties.FunctionName === value);
    };
    for (const resource of this.resources.values()) {
      const { properties, model } = resource;
      if (resource.type === 'AWS::Lambda::EventSourceMapping') {
        const fn = functionFor(properties.FunctionName);
        if (!fn) continue;
        const event: EventModel = { type: resource.type, normalizedType: this.mappingSourceType(properties.EventSourceArn), location: model.location, properties };
        if (properties.EventSourceArn !== undefined) event.source = properties.EventSourceArn;
        fn.events.push(event);
      } else if (resource.type === 'AWS::Lambda::Url') {
        functionFor(properties.TargetFunctionArn)?.events.push({ type: resource.type, normalizedType: 'function-url', location: model.location, properties });
      } else if (resource.type === 'AWS::Events::Rule' && Array.isArray(properties.Targets)) {
        for (const target of properties.Targets) {
          const fn = isRecord(target) ? functionFor(target.Arn) : undefined;
          if (!fn) continue;
          const normalizedType = properties.ScheduleExpression !== undefined ? 'schedule' : 'eventbridge';
          const event: EventModel = { type: resource.type, normalizedType, location: model.location, properties };
          if (properties.EventBusName !== undefined) event.source = properties.EventBusName;
          fn.events.push(event);
        }
      }
    }
  }

  private mappingSourceType(arn: unknown): NormalizedEventType {
    if (isIntrinsic(arn)) {
      const getAtt = arn['Fn::GetAtt'];
      if (!Array.isArray(getAtt) || typeof getAtt[0] !== 'string') return 'other';
      const type = this.resources.get(getAtt[0])?.type;
      if (type === 'AWS::SQS::Queue') return 'sqs';
      if (type === 'AWS::Kinesis::Stream') return 'kinesis';
      if ((type === 'AWS::DynamoDB::Table' || type === 'AWS::DynamoDB::GlobalTable' || type === 'AWS::Serverless::SimpleTable') && getAtt[1] === 'StreamArn') return 'dynamodb-stream';
      return 'other';
    }
    if (typeof arn !== 'string') return 'other';
    if (/^arn:[^:]+:sqs:/.test(arn)) return 'sqs';
    if (/^arn:[^:]+:kinesis:/.test(arn)) return 'kinesis';
    if (/^arn:[^:]+:dynamodb:.*\/stream\//.test(arn)) return 'dynamodb-stream';
    return 'other';
  }

  // ---- helpers ----

  private newRole(id: string, name: string, kind: RoleModel['kind'], location: Location): RoleModel {
    return { id: `${this.ctx.file}#${id}`, name, kind, service: this.service, location, functions: [], statements: [], managedPolicies: [], incomplete: false };
  }

  private keyLocation(parent: unknown, key: string): Location {
    return locationOfKey(parent, key) ?? locationOf(parent) ?? this.service.location;
  }

  private invalid(message: string, location: Location): void {
    this.ctx.report(inputFinding(INPUT_RULES.invalidManifest, 'warning', message, location));
  }
}

/**
 * SAM's Globals merge (samtranslator plugins/globals/globals.py): mappings merge key by key with the
 * function winning, lists concatenate (globals first), anything else (scalars, intrinsics) is the
 * function's. The merged objects keep the positions of the values they were taken from.
 */
function mergeGlobal(global: unknown, local: unknown): unknown {
  if (isMergeableRecord(global) && isMergeableRecord(local)) {
    const merged: Record<string, unknown> = {};
    const position = locationOf(local) ?? locationOf(global);
    if (position) recordPosition(merged, position);
    for (const [key, value] of Object.entries(global)) {
      if (Object.hasOwn(local, key)) continue;
      merged[key] = value;
      copyMember(global, merged, key);
    }
    for (const [key, value] of Object.entries(local)) {
      merged[key] = Object.hasOwn(global, key) ? mergeGlobal(global[key], value) : value;
      copyMember(local, merged, key);
    }
    return merged;
  }
  if (Array.isArray(global) && Array.isArray(local)) {
    const merged = [...global, ...local];
    const position = locationOf(local) ?? locationOf(global);
    if (position) recordPosition(merged, position);
    global.forEach((_, index) => copyArrayMember(global, index, merged, index));
    local.forEach((_, index) => copyArrayMember(local, index, merged, global.length + index));
    return merged;
  }
  return local === undefined ? global : local;
}

function copyMember(from: Record<string, unknown>, to: Record<string, unknown>, key: string): void {
  const valueLocation = locationOfValue(from, key);
  if (valueLocation) recordMember(to, key, locationOfKey(from, key), valueLocation);
}

function copyArrayMember(from: unknown[], fromIndex: number, to: unknown[], toIndex: number): void {
  const valueLocation = locationOfValue(from, fromIndex);
  if (valueLocation) recordMember(to, toIndex, undefined, valueLocation);
}

function isMergeableRecord(value: unknown): value is Record<string, unknown> {
  return isMapping(value);
}

const SAM_RESOURCE_TYPES = new Set(['Function', 'Api', 'HttpApi', 'SimpleTable', 'StateMachine', 'LayerVersion', 'Application', 'Connector', 'GraphQLApi', 'CapacityProvider']);

/** `AWS::S3::Bucket`, `Custom::Thing`, `Org::Service::Type(::MODULE)`; under AWS::Serverless only SAM's own types. */
function isKnownTypeShape(type: string): boolean {
  if (type.startsWith('AWS::Serverless::')) return SAM_RESOURCE_TYPES.has(type.slice('AWS::Serverless::'.length));
  if (/^Custom::[\w@-]+$/.test(type)) return true;
  return /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/.test(type);
}

function runsInVpc(config: unknown): boolean {
  // `!If [InVpc, {...}, !Ref AWS::NoValue]` may or may not apply: not claimed.
  if (!isMapping(config)) return false;
  return !(Array.isArray(config.SubnetIds) && config.SubnetIds.length === 0);
}

/** SAM writes tags as a mapping, AWS::Lambda::Function as a list of { Key, Value }. */
function readTags(tags: unknown): Record<string, unknown> {
  if (Array.isArray(tags)) {
    const result: Record<string, unknown> = {};
    for (const tag of tags) if (isRecord(tag) && typeof tag.Key === 'string') result[tag.Key] = tag.Value;
    return result;
  }
  return isMapping(tags) ? tags : {};
}

/** A mapping that is not an intrinsic function call. */
function isMapping(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !isIntrinsic(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value);
}
