// Builds the service model of a Serverless Framework `serverless.yml` (v3 and v4 shapes): functions with
// provider defaults applied, the generated and referenced roles with their statements, and resources.
import { posix } from 'node:path';
import { inputFinding, INPUT_RULES } from '../../model/finding.js';
import { locationAtStart, type Location } from '../../model/location.js';
import { locationOf, locationOfKey, locationOfValue, originOfValue, recordMember, recordPosition } from '../../model/positions.js';
import type {
  EnvironmentVariable,
  EventModel,
  FunctionModel,
  Located,
  NormalizedEventType,
  ResourceModel,
  RoleModel,
  ServiceModel,
  StatementOrigin,
} from '../../model/project.js';
import { describeValue, isIntrinsic, isUnresolved, Unresolved } from '../../model/values.js';
import { quote } from '../../util/quote.js';
import type { ManifestContext, ManifestLoader } from './context.js';
import { managedPolicies, type ManagedPolicyData } from '../../model/managed-policies.js';
import { platformStatement, statementFromData } from '../../model/policy.js';
import { TemplateIam, type IamResource } from './template-iam.js';
import { resolveServerlessVariables } from './serverless-variables.js';
import { grantFor, LOG_ACTIONS, SERVERLESS_DESTINATION_GRANTS, SERVERLESS_EVENT_SOURCE_GRANTS, SERVERLESS_XRAY_GRANT } from '../../data/platform-grants.js';

/** The logical id of the role the framework generates for functions without their own. */
export const PROVIDER_ROLE_ID = 'IamRoleLambdaExecution';

const PER_FUNCTION_PLUGIN = 'serverless-iam-roles-per-function';
const PSEUDO_PARAMETERS_PLUGIN = 'serverless-pseudo-parameters';
const TRACING_PLUGIN = 'serverless-plugin-tracing';

const EVENT_TYPES: Record<string, NormalizedEventType> = {
  http: 'api',
  httpApi: 'http-api',
  sqs: 'sqs',
  sns: 'sns',
  s3: 's3',
  schedule: 'schedule',
  eventBridge: 'eventbridge',
  cloudwatchEvent: 'eventbridge',
  websocket: 'websocket',
  alb: 'alb',
};



export const loadServerless: ManifestLoader = (document, context) => new ServerlessLoader(context).load(document);


/** What the provider says about the shared role. */
type ProviderRoleSpec =
  | { kind: 'generated'; role: RoleModel; declared: boolean }
  | { kind: 'reference'; value: unknown; location: Location };

class ServerlessLoader {
  private service!: ServiceModel;
  private document: Record<string, unknown> = {};
  private provider: Record<string, unknown> = {};
  private serviceName: string | undefined;
  private stage: string | undefined;
  private readonly resources = new Map<string, IamResource>();
  /** Every role, keyed by id, in the order it was made. */
  private readonly roles = new Map<string, RoleModel>();
  /** The template reader of `resources.Resources`: its roles and policies, and the roles a `role:` or `Roles:` names. */
  private iam!: TemplateIam;
  /** Platform grants already added, per role, so a shared cause adds one statement. */
  private readonly platformPaths = new Set<string>();

  /** The plugin names of `plugins:` (a list, or `modules:` of the mapping form); undefined when not readable. */
  private plugins: string[] | undefined = [];

  constructor(private readonly ctx: ManifestContext) {}

  /** Whether a plugin (or a fork whose name contains it) is listed; undefined when `plugins:` cannot be read. */
  private hasPlugin(name: string): boolean | undefined {
    if (this.plugins === undefined) return undefined;
    return this.plugins.some((plugin) => plugin.includes(name));
  }

  load(raw: unknown): ServiceModel | undefined {
    const start = locationAtStart(this.ctx.file);
    if (!isMapping(raw)) {
      this.invalid(`${quote(this.ctx.file)} is not a Serverless Framework manifest: its top level must be a mapping.`, locationOf(raw) ?? start);
      return undefined;
    }
    // Azure, Google, OpenWhisk, Cloudflare... services share the file name but none of the AWS model.
    const providerName = isMapping(raw.provider) ? raw.provider.name : raw.provider;
    if (typeof providerName === 'string' && providerName.trim().toLowerCase() !== 'aws' && !providerName.includes('${')) {
      this.ctx.report(
        inputFinding(
          INPUT_RULES.skippedFile,
          'note',
          `Skipped ${this.ctx.file}: its provider is ${providerName}; noops-lint checks AWS services only.`,
          (isMapping(raw.provider) ? locationOfValue(raw.provider, 'name') : locationOfValue(raw, 'provider')) ?? start,
        ),
      );
      return undefined;
    }
    const resolved = resolveServerlessVariables(raw, this.ctx);
    this.document = isMapping(resolved.document) ? resolved.document : raw;
    this.plugins = listedPlugins(this.document.plugins);
    // serverless-pseudo-parameters turns `#{AWS::Region}` (and any `#{X}`) into `!Sub ${AWS::Region}`.
    if (isMapping(resolved.document) && this.hasPlugin(PSEUDO_PARAMETERS_PLUGIN) === true) substitutePseudoParameters(this.document, 0);
    const document = this.document;
    this.service = {
      id: this.ctx.file,
      name: this.readServiceName(),
      kind: 'serverless',
      manifest: this.ctx.file,
      dir: this.ctx.dir,
      location: locationOfKey(document, 'service') ?? locationOf(document) ?? start,
      functions: [],
      roles: [],
      resources: [],
      document,
    };
    if (typeof resolved.stage === 'string') this.service.stage = this.stage = resolved.stage;
    if (typeof resolved.region === 'string') this.service.region = resolved.region;

    const provider = document.provider;
    if (isMapping(provider)) this.provider = provider;
    else if (provider !== undefined && provider !== null && !isUnresolved(provider)) {
      this.invalid('provider must be a mapping (name, runtime, iam, ...); it is ignored.', this.keyLocation(document, 'provider'));
    }

    this.readResources();
    this.iam = new TemplateIam(this.ctx, this.service, this.resources, (id, name, kind, location) => this.newRole(id, name, kind, location));
    this.iam.readRoles();
    const providerRole = this.readProviderRole();
    this.readFunctions(providerRole);
    if (providerRole.kind === 'generated') this.addServiceLogStatements(providerRole.role);
    this.iam.attachPolicies();

    // The generated role exists when a function uses it, or (so its statements are still checked) when it declares grants.
    this.service.roles = [...this.roles.values()].filter(
      (role) => role.kind !== 'serverless-provider' || role.functions.length > 0 || (providerRole.kind === 'generated' && providerRole.declared),
    );
    return this.service;
  }

  // ---- service ----

  private readServiceName(): string {
    const value = this.document.service;
    const named = isPlainMapping(value) ? value.name : value;
    if (typeof named === 'string' && named !== '') {
      this.serviceName = named;
      return named;
    }
    if (named === undefined || named === null) {
      this.invalid(`${quote(this.ctx.file)} has no service name (service: my-service).`, locationOf(this.document) ?? locationAtStart(this.ctx.file));
    } else if (!isUnresolved(named)) {
      this.invalid('service must be a name (a string).', this.keyLocation(this.document, 'service'));
    }
    if (isUnresolved(named)) return named.text;
    return posix.basename(this.ctx.dir) || 'service';
  }

  // ---- resources ----

  private readResources(): void {
    const section = this.document.resources;
    if (section === undefined || section === null || isUnresolved(section)) return;
    // `resources:` is a mapping, or a list of mappings the framework merges (`- ${file(./table.yml)}`).
    const parts = Array.isArray(section) ? section.map((part, index) => ({ part, path: `resources[${index}]` })) : [{ part: section, path: 'resources' }];
    for (const { part, path } of parts) {
      if (isUnresolved(part)) continue;
      if (!isMapping(part)) {
        this.invalid(`${quote(path)} must be a mapping with Resources (CloudFormation resources).`, this.keyLocation(this.document, 'resources'));
        continue;
      }
      const resources = part.Resources;
      if (resources === undefined || resources === null || isUnresolved(resources)) continue;
      if (!isMapping(resources)) {
        this.invalid(`${quote(`${path}.Resources`)} must be a mapping of logical ids to resources.`, this.keyLocation(part, 'Resources'));
        continue;
      }
      for (const [logicalId, raw] of Object.entries(resources)) this.readResource(resources, logicalId, raw, `${path}.Resources.${logicalId}`);
    }
  }

  private readResource(resources: Record<string, unknown>, logicalId: string, raw: unknown, path: string): void {
    const location = this.keyLocation(resources, logicalId);
    if (isUnresolved(raw)) return;
    if (!isMapping(raw)) {
      this.invalid(`Resource ${quote(logicalId)} must be a mapping with a Type; it is ignored.`, location);
      return;
    }
    const type = raw.Type;
    if (typeof type !== 'string') {
      if (!isUnresolved(type)) this.invalid(`Resource ${quote(logicalId)} has no Type (a string such as AWS::SQS::Queue); it is ignored.`, location);
      return;
    }
    let properties: Record<string, unknown> = {};
    if (isMapping(raw.Properties)) properties = raw.Properties;
    else if (raw.Properties !== undefined && raw.Properties !== null && !isUnresolved(raw.Properties)) {
      this.invalid(`Properties of ${quote(logicalId)} must be a mapping; they are ignored.`, this.keyLocation(raw, 'Properties'));
    }
    const model: ResourceModel = { logicalId, type, properties, location, service: this.service };
    if (isMapping(raw.Metadata)) model.metadata = raw.Metadata;
    if (this.resources.has(logicalId)) {
      this.invalid(`Resource ${quote(logicalId)} is defined twice; the last definition wins.`, location);
      this.service.resources = this.service.resources.filter((resource) => resource.logicalId !== logicalId);
    }
    this.service.resources.push(model);
    this.resources.set(logicalId, { logicalId, type, properties, path, model });
  }

  // ---- roles ----

  /**
   * The provider's role: generated (`provider.iam.role.statements`, legacy `provider.iamRoleStatements`)
   * or an existing one (`provider.iam.role: arn:…`, legacy `provider.role`).
   */
  private readProviderRole(): ProviderRoleSpec {
    const provider = this.provider;
    const iam = isPlainMapping(provider.iam) ? provider.iam : undefined;
    const roleSpec = iam?.role;
    if (iam && roleSpec !== undefined && roleSpec !== null && !isPlainMapping(roleSpec)) {
      return { kind: 'reference', value: roleSpec, location: this.keyLocation(iam, 'role') };
    }
    if (Object.hasOwn(provider, 'role') && provider.role !== undefined && provider.role !== null) {
      return { kind: 'reference', value: provider.role, location: this.keyLocation(provider, 'role') };
    }
    const roleMapping = iam && isMapping(roleSpec) ? roleSpec : undefined;
    let location: Location;
    if (iam && roleMapping) location = this.keyLocation(iam, 'role');
    else if (Object.hasOwn(provider, 'iamRoleStatements')) location = this.keyLocation(provider, 'iamRoleStatements');
    else location = locationOfKey(this.document, 'provider') ?? this.service.location;
    const role = this.newRole(PROVIDER_ROLE_ID, PROVIDER_ROLE_ID, 'serverless-provider', location);
    this.iam.register(PROVIDER_ROLE_ID, role);

    // provider.iam.role.statements wins over the legacy key when both are written.
    if (roleMapping && Object.hasOwn(roleMapping, 'statements')) this.readStatementList(role, roleMapping, 'statements', 'provider.iam.role.statements');
    else if (Object.hasOwn(provider, 'iamRoleStatements')) this.readStatementList(role, provider, 'iamRoleStatements', 'provider.iamRoleStatements');
    if (roleMapping && Object.hasOwn(roleMapping, 'managedPolicies')) this.readManagedPolicies(role, roleMapping, 'managedPolicies', 'provider.iam.role.managedPolicies');
    else if (Object.hasOwn(provider, 'iamManagedPolicies')) this.readManagedPolicies(role, provider, 'iamManagedPolicies', 'provider.iamManagedPolicies');
    const declared = role.statements.length > 0 || role.managedPolicies.length > 0;
    return { kind: 'generated', role, declared };
  }

  /** The role a `role:` value names: a role under resources, the provider role, or an external one. */
  private referencedRole(value: unknown, location: Location): RoleModel {
    let logicalId: string | undefined;
    if (typeof value === 'string' && !value.startsWith('arn:')) logicalId = value;
    else if (isIntrinsic(value)) {
      const getAtt = value['Fn::GetAtt'];
      if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') logicalId = getAtt[0];
      else if (typeof getAtt === 'string') logicalId = getAtt.split('.')[0];
      else if (typeof value.Ref === 'string') logicalId = value.Ref;
    }
    if (logicalId !== undefined) {
      const known = this.iam.rolesByLogicalId.get(logicalId);
      if (known) return known;
    }
    const name = logicalId ?? (typeof value === 'string' ? (/:role\/(?:.*\/)?([^/]+)$/.exec(value)?.[1] ?? value) : describeValue(value));
    const id = logicalId ?? describeValue(value);
    const existing = this.roles.get(`${this.ctx.file}#${id}`);
    if (existing) return existing;
    const role = this.newRole(id, name, 'external', location);
    role.incomplete = true;
    return role;
  }

  /** The role serverless-iam-roles-per-function generates for a function with `iamRoleStatements`. */
  private functionRole(fn: FunctionModel, definition: Record<string, unknown>, providerRole: ProviderRoleSpec): RoleModel {
    const path = `functions.${fn.name}`;
    const logicalId = `${normalizedFunctionName(fn.name)}${PROVIDER_ROLE_ID}`;
    const role = this.newRole(logicalId, logicalId, 'serverless-function', this.keyLocation(definition, 'iamRoleStatements'));
    this.iam.register(logicalId, role);
    this.readStatementList(role, definition, 'iamRoleStatements', `${path}.iamRoleStatements`);
    const pluginSettings = isMapping(this.document.custom) ? this.document.custom[PER_FUNCTION_PLUGIN] : undefined;
    const inherit = definition.iamRoleStatementsInherit ?? (isMapping(pluginSettings) ? pluginSettings.defaultInherit : undefined);
    if (inherit === true && providerRole.kind === 'generated') {
      role.statements.push(...providerRole.role.statements);
      role.managedPolicies.push(...providerRole.role.managedPolicies);
      if (providerRole.role.incomplete) role.incomplete = true;
    }
    const logGroup = this.logGroupName(fn, definition);
    const resources = logGroup === undefined ? [new Unresolved(`/aws/lambda/${fn.name}`, 'the function name depends on an unresolved value')] : [logsArn(`${logGroup}:*`)];
    this.grant(role, `${path}.iamRoleStatements#logs`, LOG_ACTIONS, resources, role.location, 'the plugin lets the function write its logs');
    return role;
  }

  // ---- statements ----

  private readStatementList(role: RoleModel, parent: Record<string, unknown>, key: string, path: string): void {
    this.iam.readStatements(role, parent, key, path, this.keyLocation(parent, key));
  }

  private readManagedPolicies(role: RoleModel, parent: Record<string, unknown>, key: string, path: string): void {
    this.iam.readManagedPolicyList(role, parent, key, path, false);
  }

  private addDataStatements(role: RoleModel, policy: ManagedPolicyData, name: string, path: string, location: Location, origin: StatementOrigin): void {
    policy.document.Statement.forEach((statement, index) => {
      role.statements.push(statementFromData(statement, `${path}#${name}.Statement[${index}]`, location, origin));
    });
  }

  /** A statement the framework adds (origin platform), once per role and cause. */
  private grant(role: RoleModel, path: string, actions: readonly string[], resources: unknown[], location: Location, reason: string, resourceLocation = location): void {
    const key = `${role.id}|${path}`;
    if (this.platformPaths.has(key)) return;
    this.platformPaths.add(key);
    role.statements.push(platformStatement(path, actions, resources, location, reason, resourceLocation));
  }

  /** The generated role's log permissions: the service's `/aws/lambda/<service>-<stage>*` groups and custom-named functions' groups. */
  private addServiceLogStatements(role: RoleModel): void {
    if (role.functions.length === 0) return;
    const prefix = this.serviceName !== undefined && this.stage !== undefined ? `${this.serviceName}-${this.stage}` : undefined;
    const resources: unknown[] = [];
    let canonical = false;
    for (const fn of role.functions) {
      const custom = fn.properties.name;
      if (custom === undefined || custom === null || (typeof custom === 'string' && prefix !== undefined && custom.startsWith(prefix))) canonical = true;
      else if (typeof custom === 'string') resources.push(logsArn(`/aws/lambda/${custom}:*`));
      else resources.push(new Unresolved(describeValue(custom), 'the function name is not known statically'));
    }
    if (canonical) {
      resources.unshift(prefix === undefined ? new Unresolved('/aws/lambda/${service}-${stage}*', 'the service name or stage is not known statically') : logsArn(`/aws/lambda/${prefix}*:*`));
    }
    this.grant(role, `${PROVIDER_ROLE_ID}#logs`, LOG_ACTIONS, resources, role.location, 'the framework lets its functions write their logs');
  }

  // ---- functions ----

  private readFunctions(providerRole: ProviderRoleSpec): void {
    const section = this.document.functions;
    if (section === undefined || section === null || isUnresolved(section)) return;
    // `functions:` is a mapping, or a list of mappings the framework merges (`- ${file(./fns.yml)}`).
    const groups = Array.isArray(section) ? section : [section];
    const definedNames = new Set<string>();
    for (const group of groups) {
      if (isUnresolved(group)) continue;
      if (!isPlainMapping(group)) {
        this.invalid('functions must be a mapping of function names to their definitions; it is ignored.', Array.isArray(section) ? (locationOf(group) ?? this.keyLocation(this.document, 'functions')) : this.keyLocation(this.document, 'functions'));
        continue;
      }
      for (const [name, definition] of Object.entries(group)) {
        const location = this.keyLocation(group, name);
        if (isUnresolved(definition)) continue;
        if (!isPlainMapping(definition)) {
          this.invalid(`Function ${quote(name)} must be a mapping (handler, events, ...); it is ignored.`, location);
          continue;
        }
        // A Set, not a scan of the list: a manifest with tens of thousands of functions would be quadratic.
        if (definedNames.has(name)) {
          this.invalid(`Function ${quote(name)} is defined twice; the last definition wins.`, location);
          this.service.functions = this.service.functions.filter((fn) => fn.name !== name);
          for (const role of this.roles.values()) role.functions = role.functions.filter((fn) => fn.name !== name);
        }
        definedNames.add(name);
        this.service.functions.push(this.readFunction(name, definition, location, providerRole));
      }
    }
  }

  private readFunction(name: string, definition: Record<string, unknown>, location: Location, providerRole: ProviderRoleSpec): FunctionModel {
    const provider = this.provider;
    const path = `functions.${name}`;
    const fn = {
      id: `${this.ctx.file}#${name}`,
      name,
      service: this.service,
      location,
      codeDir: this.ctx.dir,
      environment: this.readEnvironment(definition),
      events: this.readEvents(name, definition),
      vpc: this.isInVpc(definition),
      tags: { ...(isMapping(provider.tags) ? provider.tags : {}), ...(isMapping(definition.tags) ? definition.tags : {}) },
      properties: definition,
    } as FunctionModel;

    const handler = definition.handler;
    if (handler !== undefined && handler !== null) {
      if (typeof handler === 'string' || isUnresolved(handler)) fn.handler = this.located(definition, 'handler');
      else this.invalid(`The handler of ${quote(name)} must be a string such as src/handler.main.`, this.valueLocation(definition, 'handler'));
    } else if (definition.image === undefined) {
      this.invalid(`Function ${quote(name)} has neither a handler nor an image.`, location);
    }
    const runtime = this.withProviderDefault(definition, 'runtime', (value) => typeof value === 'string', 'a runtime name such as nodejs22.x');
    if (runtime) fn.runtime = runtime;
    const memorySize = this.withProviderDefault(definition, 'memorySize', isWholeNumber, 'a number of megabytes');
    if (memorySize) fn.memorySize = memorySize;
    const timeout = this.withProviderDefault(definition, 'timeout', isWholeNumber, 'a number of seconds');
    if (timeout) fn.timeout = timeout;
    const tracing = this.readTracing(definition);
    if (tracing) fn.tracing = tracing;
    const kmsKey = this.firstLocated([
      [definition, 'kmsKeyArn'],
      [definition, 'awsKmsKeyArn'],
      [provider, 'kmsKeyArn'],
    ]);
    if (kmsKey) fn.kmsKeyArn = kmsKey;
    const destinations = isPlainMapping(definition.destinations) ? definition.destinations : undefined;
    const deadLetter = this.firstLocated([
      [definition, 'onError'],
      ...(destinations ? [[destinations, 'onFailure'] as [Record<string, unknown>, string]] : []),
    ]);
    if (deadLetter) fn.deadLetterTarget = deadLetter;

    if (definition.role !== undefined && definition.role !== null) {
      if (Object.hasOwn(definition, 'iamRoleStatements')) {
        this.invalid(`Function ${quote(name)} has both role and iamRoleStatements; ${PER_FUNCTION_PLUGIN} refuses this, and role is used.`, this.keyLocation(definition, 'iamRoleStatements'));
      }
      fn.role = this.referencedRole(definition.role, this.keyLocation(definition, 'role'));
    } else if (Object.hasOwn(definition, 'iamRoleStatements') && this.hasPlugin(PER_FUNCTION_PLUGIN) !== false) {
      fn.role = this.functionRole(fn, definition, providerRole);
    } else if (providerRole.kind === 'generated') {
      if (Object.hasOwn(definition, 'iamRoleStatements')) {
        this.invalid(
          `The iamRoleStatements of ${quote(name)} are ignored: the Serverless Framework reads them only with the ${PER_FUNCTION_PLUGIN} plugin, which plugins does not list, so the function runs with the provider role.`,
          this.keyLocation(definition, 'iamRoleStatements'),
        );
      }
      fn.role = providerRole.role;
    } else {
      fn.role = this.referencedRole(providerRole.value, providerRole.location);
    }
    fn.role.functions.push(fn);
    if (fn.role.kind === 'serverless-provider' || fn.role.kind === 'serverless-function') this.addPlatformStatements(fn, definition, path);
    return fn;
  }

  private readEnvironment(definition: Record<string, unknown>): EnvironmentVariable[] {
    const variables = new Map<string, EnvironmentVariable>();
    const read = (parent: Record<string, unknown>, origin: EnvironmentVariable['origin']): void => {
      const environment = parent.environment;
      if (environment === undefined || environment === null || isUnresolved(environment)) return;
      if (!isPlainMapping(environment)) {
        this.invalid('environment must be a mapping of variable names to values.', this.keyLocation(parent, 'environment'));
        return;
      }
      for (const [name, value] of Object.entries(environment)) {
        variables.set(name, { name, value, location: this.valueLocation(environment, name), origin });
      }
    };
    read(this.provider, 'provider');
    read(definition, 'function');
    return [...variables.values()];
  }

  private readEvents(name: string, definition: Record<string, unknown>): EventModel[] {
    const events: EventModel[] = [];
    const list = definition.events;
    if (list !== undefined && list !== null && !isUnresolved(list)) {
      if (!Array.isArray(list)) {
        this.invalid(`events of ${quote(name)} must be a list (- httpApi: GET /items).`, this.keyLocation(definition, 'events'));
      } else {
        list.forEach((item, index) => {
          const location = locationOfValue(list, index) ?? this.keyLocation(definition, 'events');
          if (isUnresolved(item)) return;
          const keys = isPlainMapping(item) ? Object.keys(item) : [];
          const [type] = keys;
          if (!isPlainMapping(item) || keys.length !== 1 || type === undefined) {
            this.invalid(`Event ${index} of ${quote(name)} must be a mapping with one event type (sqs, httpApi, schedule, ...).`, location);
            return;
          }
          events.push(this.readEvent(item, type, locationOf(item) ?? location));
        });
      }
    }
    // A function URL is a function property, not an event, in the framework.
    const url = definition.url;
    if (url !== undefined && url !== null && url !== false) {
      events.push({ type: 'url', normalizedType: 'function-url', location: this.keyLocation(definition, 'url'), properties: isMapping(url) ? url : {} });
    }
    return events;
  }

  private readEvent(item: Record<string, unknown>, type: string, location: Location): EventModel {
    const value = item[type];
    const valueLocation = this.valueLocation(item, type);
    const mapping = isPlainMapping(value) ? value : undefined;
    let normalizedType: NormalizedEventType = EVENT_TYPES[type] ?? 'other';
    let properties: Record<string, unknown> = mapping ?? {};
    let source: unknown;
    // The short forms (`- sqs: arn:…`, `- httpApi: GET /x`, `- schedule: rate(1 hour)`) become the long form's keys.
    const short = (key: string): Record<string, unknown> => {
      const synthesized: Record<string, unknown> = { [key]: value };
      recordPosition(synthesized, valueLocation);
      recordMember(synthesized, key, undefined, valueLocation);
      return synthesized;
    };
    switch (type) {
      case 'sqs':
      case 'stream':
        if (!mapping) properties = short('arn');
        source = properties.arn;
        break;
      case 'sns':
        if (!mapping) properties = typeof value === 'string' && !value.startsWith('arn:') ? short('topicName') : short('arn');
        source = properties.arn ?? properties.topicName;
        break;
      case 's3':
        if (!mapping) properties = short('bucket');
        source = properties.bucket;
        break;
      case 'schedule':
        if (!mapping) properties = short('rate');
        source = properties.rate;
        break;
      case 'eventBridge':
        source = properties.eventBus;
        break;
      case 'http':
      case 'httpApi':
        if (!mapping && typeof value === 'string') {
          const [method, ...rest] = value.trim().split(/\s+/);
          properties = rest.length > 0 ? { method, path: rest.join(' ') } : { method: value, path: value };
          recordPosition(properties, valueLocation);
          for (const key of Object.keys(properties)) recordMember(properties, key, undefined, valueLocation);
        }
        break;
      case 'websocket':
        if (!mapping) properties = short('route');
        break;
      case 'alexaSkill':
        // - alexaSkill: amzn1.ask.skill.xx (the skill id) or { appId, enabled }
        if (!mapping && typeof value === 'string') properties = short('appId');
        break;
      default:
        break;
    }
    if (type === 'stream') normalizedType = this.streamType(properties);
    const event: EventModel = { type, normalizedType, location, properties };
    if (source !== undefined && source !== null) event.source = source;
    return event;
  }

  /** `type: dynamodb|kinesis`, else the ARN's service, else the type of the resource it points at. */
  private streamType(properties: Record<string, unknown>): NormalizedEventType {
    if (properties.type === 'dynamodb') return 'dynamodb-stream';
    if (properties.type === 'kinesis') return 'kinesis';
    const arn = properties.arn;
    if (typeof arn === 'string') {
      if (/^arn:[^:]*:dynamodb:/.test(arn)) return 'dynamodb-stream';
      if (/^arn:[^:]*:kinesis:/.test(arn)) return 'kinesis';
      return 'other';
    }
    if (isIntrinsic(arn)) {
      const getAtt = arn['Fn::GetAtt'];
      const target = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split('.') : undefined;
      if (target && typeof target[0] === 'string') {
        const type = this.resources.get(target[0])?.type;
        if (type === 'AWS::Kinesis::Stream') return 'kinesis';
        if (type === 'AWS::DynamoDB::Table' || type === 'AWS::DynamoDB::GlobalTable' || target[1] === 'StreamArn') return 'dynamodb-stream';
      }
      const text = JSON.stringify(arn);
      if (text.includes(':dynamodb:')) return 'dynamodb-stream';
      if (text.includes(':kinesis:')) return 'kinesis';
    }
    return 'other';
  }

  /** The framework gives a VpcConfig when both security groups and subnets are set (function first, then provider). */
  private isInVpc(definition: Record<string, unknown>): boolean {
    const own = definition.vpc;
    const shared = this.provider.vpc;
    if (isUnknownValue(own) || (own === undefined && isUnknownValue(shared))) return true;
    const pick = (key: string): unknown => (isMapping(own) && own[key] !== undefined ? own[key] : isMapping(shared) ? shared[key] : undefined);
    const groups = pick('securityGroupIds');
    const subnets = pick('subnetIds');
    return groups !== undefined && groups !== null && subnets !== undefined && subnets !== null;
  }

  /** Function `tracing` (true → Active), else `provider.tracing.lambda`; false falls back to the provider as the framework does. */
  private readTracing(definition: Record<string, unknown>): Located | undefined {
    const own = definition.tracing;
    const providerTracing = this.provider.tracing;
    let located: Located | undefined;
    if (own !== undefined && own !== null && own !== false) located = this.located(definition, 'tracing');
    else if (isMapping(providerTracing) && providerTracing.lambda !== undefined && providerTracing.lambda !== null && providerTracing.lambda !== false) {
      located = this.located(providerTracing, 'lambda');
    } else if (providerTracing === true && this.hasPlugin(TRACING_PLUGIN) === true) {
      // serverless-plugin-tracing: `provider.tracing: true` sets TracingConfig Mode Active on every function.
      located = this.located(this.provider, 'tracing');
    }
    if (!located) return undefined;
    if (located.value === true) return { value: 'Active', location: located.location };
    if (typeof located.value === 'string' || isUnresolved(located.value) || isIntrinsic(located.value)) return located;
    this.invalid('tracing must be true, Active or PassThrough.', located.location);
    return undefined;
  }

  /** What the framework (or the per-function plugin) adds to the role it generates for this function. */
  private addPlatformStatements(fn: FunctionModel, definition: Record<string, unknown>, path: string): void {
    const role = fn.role;
    fn.events.forEach((event, index) => {
      if (event.normalizedType === 'websocket') {
        // lib/plugins/aws/package/compile/events/websockets: the role may post to the connections of its APIs.
        const resource = { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:*:*:*/@connections/*' };
        this.grant(role, 'provider#websockets', ['execute-api:ManageConnections'], [resource], event.location, 'the framework lets functions of a WebSocket API post to its connections');
        return;
      }
      const arn = event.properties.arn;
      if (arn === undefined || arn === null) return;
      const arnLocation = locationOfValue(event.properties, 'arn') ?? event.location;
      const where = `${path}.events[${index}]`;
      if (event.normalizedType === 'sqs') {
        this.grant(role, `${where}#sqs`, SERVERLESS_EVENT_SOURCE_GRANTS.sqs, [arn], event.location, 'the framework lets the function poll its SQS event source', arnLocation);
      } else if (event.normalizedType === 'dynamodb-stream' || event.normalizedType === 'kinesis') {
        const service = event.normalizedType === 'kinesis' ? 'kinesis' : 'dynamodb';
        this.grant(role, `${where}#stream`, SERVERLESS_EVENT_SOURCE_GRANTS[event.normalizedType], [arn], event.location, `the framework lets the function read its ${service === 'kinesis' ? 'Kinesis' : 'DynamoDB'} stream event source`, arnLocation);
      }
    });

    // Any `vpc` (the function's or the provider's) attaches AWSLambdaVPCAccessExecutionRole, once per role.
    const providerHasVpc = isMapping(this.provider.vpc) || isUnknownValue(this.provider.vpc);
    const ownVpc = Object.hasOwn(definition, 'vpc');
    const vpcOwner =
      providerHasVpc && (role.kind === 'serverless-provider' || !ownVpc)
        ? { parent: this.provider, path: 'provider' }
        : ownVpc
          ? { parent: definition, path }
          : undefined;
    const vpcPolicy = managedPolicies().AWSLambdaVPCAccessExecutionRole;
    if (vpcOwner && vpcPolicy && !this.platformPaths.has(`${role.id}|vpc`)) {
      this.platformPaths.add(`${role.id}|vpc`);
      this.addDataStatements(role, vpcPolicy, 'AWSLambdaVPCAccessExecutionRole', `${vpcOwner.path}.vpc`, this.keyLocation(vpcOwner.parent, 'vpc'), {
        kind: 'platform',
        reason: 'the framework attaches AWSLambdaVPCAccessExecutionRole when a function runs in a VPC',
      });
    }

    // serverless-plugin-tracing adds no IAM statement: the user grants X-Ray (`provider.tracing: true` is its switch).
    if (fn.tracing && !(this.provider.tracing === true && !Object.hasOwn(definition, 'tracing'))) {
      const owner = Object.hasOwn(definition, 'tracing') && definition.tracing !== false ? `${path}.tracing` : 'provider.tracing.lambda';
      this.grant(role, `${owner}#xray`, SERVERLESS_XRAY_GRANT, ['*'], fn.tracing.location, 'the framework lets a traced function send its traces to X-Ray');
    }
    if (fn.kmsKeyArn && typeof fn.kmsKeyArn.value === 'string') {
      const owner = Object.hasOwn(definition, 'kmsKeyArn') || Object.hasOwn(definition, 'awsKmsKeyArn') ? `${path}.kmsKeyArn` : 'provider.kmsKeyArn';
      this.grant(role, `${owner}#kms`, ['kms:Decrypt'], [fn.kmsKeyArn.value], fn.kmsKeyArn.location, 'the framework lets the function decrypt its environment with kmsKeyArn');
    }
    const onError = definition.onError;
    if (typeof onError === 'string') {
      this.grant(role, `${path}.onError#dead-letter`, ['sns:Publish'], [onError], this.keyLocation(definition, 'onError'), 'the framework lets the function publish failed events to its onError topic', this.valueLocation(definition, 'onError'));
    }
    const destinations = definition.destinations;
    if (isPlainMapping(destinations)) {
      for (const outcome of ['onSuccess', 'onFailure']) {
        const target = destinations[outcome];
        const destination = this.destinationGrant(target);
        if (!destination) continue;
        this.grant(role, `${path}.destinations.${outcome}#destination`, [destination.action], [destination.resource], this.keyLocation(destinations, outcome), `the framework lets the function send ${outcome} results to its destination`, this.valueLocation(destinations, outcome));
      }
    }
    const fileSystem = definition.fileSystemConfig;
    if (isMapping(fileSystem) && fileSystem.arn !== undefined) {
      this.grant(role, `${path}.fileSystemConfig#efs`, ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], [fileSystem.arn], this.keyLocation(definition, 'fileSystemConfig'), 'the framework lets the function mount its EFS file system');
    }
  }

  /** `destinations.onFailure`: an ARN (by service) or the name of a function of this service. */
  private destinationGrant(target: unknown): { action: string; resource: unknown } | undefined {
    let arn: unknown = target;
    let type: unknown;
    if (isPlainMapping(target)) {
      arn = target.arn;
      type = target.type;
    }
    const typedAction = grantFor(SERVERLESS_DESTINATION_GRANTS, type);
    if (typedAction && arn !== undefined && arn !== null) return { action: typedAction, resource: arn };
    if (typeof arn !== 'string') return undefined;
    if (!arn.startsWith('arn:')) {
      const definitions = this.document.functions;
      const local = isMapping(definitions) ? definitions[arn] : undefined;
      const customName = isMapping(local) && typeof local.name === 'string' ? local.name : undefined;
      const functionName = customName ?? (this.serviceName !== undefined && this.stage !== undefined ? `${this.serviceName}-${this.stage}-${arn}` : undefined);
      const resource = functionName === undefined ? new Unresolved(arn, 'the function name depends on an unresolved value') : { 'Fn::Sub': `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${functionName}` };
      return { action: 'lambda:InvokeFunction', resource };
    }
    if (arn.includes(':function:')) return { action: 'lambda:InvokeFunction', resource: arn };
    if (arn.includes(':sqs:')) return { action: 'sqs:SendMessage', resource: arn };
    if (arn.includes(':sns:')) return { action: 'sns:Publish', resource: arn };
    if (arn.includes(':event-bus/')) return { action: 'events:PutEvents', resource: arn };
    return undefined;
  }

  /** `/aws/lambda/<name>` for the function's log group, or undefined when its name is not known. */
  private logGroupName(fn: FunctionModel, definition: Record<string, unknown>): string | undefined {
    if (typeof definition.name === 'string') return `/aws/lambda/${definition.name}`;
    if (definition.name !== undefined && definition.name !== null) return undefined;
    if (this.serviceName === undefined || this.stage === undefined) return undefined;
    return `/aws/lambda/${this.serviceName}-${this.stage}-${fn.name}`;
  }

  // ---- helpers ----

  /** The function's own value, else the provider's, validated. */
  private withProviderDefault(definition: Record<string, unknown>, key: string, isValid: (value: unknown) => boolean, expected: string): Located | undefined {
    for (const parent of [definition, this.provider]) {
      const value = parent[key];
      if (value === undefined || value === null) continue;
      if (isValid(value) || isUnresolved(value) || isIntrinsic(value)) return this.located(parent, key);
      this.invalid(`${key} must be ${expected}.`, this.valueLocation(parent, key));
      return undefined;
    }
    return undefined;
  }

  private firstLocated(candidates: [Record<string, unknown>, string][]): Located | undefined {
    for (const [parent, key] of candidates) {
      const value = parent[key];
      if (value !== undefined && value !== null) return this.located(parent, key);
    }
    return undefined;
  }

  private located(parent: Record<string, unknown>, key: string): Located {
    const origin = originOfValue(parent, key);
    return origin ? { value: parent[key], location: this.valueLocation(parent, key), origin } : { value: parent[key], location: this.valueLocation(parent, key) };
  }

  private newRole(id: string, name: string, kind: RoleModel['kind'], location: Location): RoleModel {
    const role: RoleModel = { id: `${this.ctx.file}#${id}`, name, kind, service: this.service, location, functions: [], statements: [], managedPolicies: [], incomplete: false };
    this.roles.set(role.id, role);
    return role;
  }

  private valueLocation(parent: unknown, key: string): Location {
    return locationOfValue(parent, key) ?? this.keyLocation(parent, key);
  }

  private keyLocation(parent: unknown, key: string): Location {
    return locationOfKey(parent, key) ?? locationOf(parent) ?? this.service?.location ?? locationAtStart(this.ctx.file);
  }

  private invalid(message: string, location: Location): void {
    this.ctx.report(inputFinding(INPUT_RULES.invalidManifest, 'warning', message, location));
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unresolved);
}

/** A mapping that is not an intrinsic function (`!GetAtt` and friends are mappings too). */
function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return isMapping(value) && !isIntrinsic(value);
}

/** A value written but not known statically: it may well be a VPC configuration. */
function isUnknownValue(value: unknown): boolean {
  return isUnresolved(value) || isIntrinsic(value);
}

function isWholeNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function logsArn(logGroup: string): Record<string, unknown> {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${logGroup}` };
}

/** The framework's normalized function name in logical ids: `get-order` → `GetDashorder`. */
function normalizedFunctionName(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
}

/** `plugins: [a, b]` or `plugins: { localPath, modules: [a, b] }`; undefined when the list cannot be read statically. */
function listedPlugins(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const list = isPlainMapping(value) ? value.modules : value;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return undefined;
  if (list.some((item) => typeof item !== 'string')) return undefined;
  return list as string[];
}

const PSEUDO_PARAMETER = /#\{([^}]+)\}/g;
const MAX_SUBSTITUTION_DEPTH = 64;

/**
 * serverless-pseudo-parameters: each string holding `#{...}` becomes `!Sub` with `${...}` in its place, as the
 * plugin writes it. Values are replaced in their parent, so each keeps the position recorded for it.
 */
function substitutePseudoParameters(node: unknown, depth: number): void {
  if (depth > MAX_SUBSTITUTION_DEPTH || node === null || typeof node !== 'object' || isUnresolved(node)) return;
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
  const container = node as Record<string | number, unknown>;
  for (const key of keys) {
    const value = container[key];
    if (typeof value === 'string') {
      if (value.includes('#{')) container[key] = { 'Fn::Sub': value.replace(PSEUDO_PARAMETER, (_, name: string) => `\${${name}}`) };
    } else {
      substitutePseudoParameters(value, depth + 1);
    }
  }
}
