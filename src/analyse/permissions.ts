// Derives the permissions a function needs: its SDK calls bound to template resources through the environment, plus the platform's own needs.
import { withArticle } from '../util/plural.js';
import type { Location } from '../model/location.js';
import type { FunctionModel, ResourceModel } from '../model/project.js';
import { describeValue, isIntrinsic, isUnresolved } from '../model/values.js';
import type { FunctionPermissions, PermissionNeed } from './permissions-types.js';
import {
  customerManagedKeyPaths,
  operationActions,
  PARTIQL_ACTIONS,
  resourceTypeSpec,
  type ActionTemplate,
  type CloudFormationTypeSpec,
  type ResourceTypeSpec,
} from './sdk-actions.js';
import { keyValue } from './evaluate.js';
import { holdsPlaintextSecret } from './secret-patterns.js';
import type { FunctionUsage, SdkCall, StaticValue } from './types.js';
import { EXTENSION_CREDENTIALS, type ExtensionCredential } from '../data/extension-credentials.js';
import { BROKER_POLLER_ACTIONS, DESTINATION_ACTIONS, grantFor, EFS_MOUNT_ACTIONS, EVENT_SOURCE_ACTIONS, LOG_ACTIONS, VPC_ACTIONS, XRAY_ACTIONS, type PolledEventSource } from '../data/platform-grants.js';

/** What a request field resolves to: a template resource, a literal name/ARN/URL, or nothing knowable. */
type Target =
  | { kind: 'resource'; resource: ResourceModel; spec: CloudFormationTypeSpec; attribute?: string }
  | { kind: 'literal'; text: string }
  /**
   * `pattern`: the name the request supplies at run time, as an ARN part (`*`, `prefix*`). `deployTime`: the value is a
   * variable the framework resolves when it deploys (`${cf:stack.TopicArn}`), so a policy can still name it that way.
   */
  | { kind: 'unknown'; reason: string; pattern?: string; deployTime?: DeployTimeValue };

/** A value written as a deploy-time variable, and whether it holds an ARN, a name, or neither (a queue URL). */
interface DeployTimeValue {
  text: string;
  holds: 'arn' | 'name' | 'other';
}

/** A need before evidence is attached. */
interface BoundNeed {
  action: string;
  resource: unknown;
  optional?: string;
  logicalId?: string;
  resourceType?: string;
  unresolved?: string;
}

export function derivePermissions(fn: FunctionModel, usage: FunctionUsage | undefined): FunctionPermissions {
  const incompleteReasons: string[] = [];
  const needs: PermissionNeed[] = [];
  if (!usage || usage.handlerLocation === undefined) {
    incompleteReasons.push(`the handler of ${fn.name} could not be analysed`);
  } else {
    for (const finding of usage.findings) incompleteReasons.push(finding.message);
    for (const { location, reason } of usage.unfollowed ?? []) incompleteReasons.push(`${location.file}:${location.line}: ${reason}`);
    for (const call of usage.calls) {
      const bound = needsOfCall(fn, call, incompleteReasons);
      for (const need of bound) {
        needs.push({
          ...need,
          evidence: { location: call.location, via: call.via },
          operation: `${call.service}:${call.operation}`,
        });
      }
    }
  }
  return {
    functionId: fn.id,
    needs: dedupeNeeds(needs),
    platform: dedupeNeeds(platformNeeds(fn)),
    analysed: usage?.handlerLocation !== undefined,
    incompleteReasons: [...new Set(incompleteReasons)],
  };
}

// ---------------------------------------------------------------------------------------------
// SDK calls

function needsOfCall(fn: FunctionModel, call: SdkCall, incomplete: string[]): BoundNeed[] {
  const operation = operationActions(call);
  if (operation.unknownAction) {
    incomplete.push(`${operation.key} (${call.style} call at ${call.location.file}:${call.location.line}) has no IAM action noops-lint knows`);
    return [];
  }
  const input = requestOf(call, operation.key);
  const out: BoundNeed[] = [];
  const replaced = new Set<string>();
  const active = operation.actions.filter((a) => isActive(a, input));
  for (const a of active) if (a.replaces && a.when) replaced.add(a.replaces);
  for (const template of active) {
    if (replaced.has(template.action)) continue;
    const bound = bindAction(fn, template, input, call);
    out.push(...(template.optional === undefined ? bound : bound.map((need) => ({ ...need, optional: template.optional }))));
  }
  if (operation.items) out.push(...transactionNeeds(fn, operation.items, operation.itemKms, input));
  if (operation.partiql) out.push(...partiqlNeeds(fn, operation.partiql, input));
  return out;
}

/** lib-storage `new Upload({ client, params })` keeps the request under `params`; v2 `s3.upload(params)` does not. */
function requestOf(call: SdkCall, key: string): StaticValue {
  const input = call.input;
  if (key !== 's3:Upload' || input.kind !== 'object' || Object.hasOwn(input.properties, 'params')) return input;
  return { kind: 'object', properties: { ...input.properties, params: input } };
}

function isActive(template: ActionTemplate, input: StaticValue): boolean {
  if (template.when !== undefined) {
    const value = readOne(input, template.when);
    // An unknown request may or may not set the field: the optional action is not assumed.
    return value !== undefined && value.kind !== 'unknown' && !(value.kind === 'boolean' && !value.value);
  }
  if (template.unless !== undefined) {
    const value = readOne(input, template.unless);
    return !(value?.kind === 'boolean' && value.value);
  }
  return true;
}

function bindAction(fn: FunctionModel, template: ActionTemplate, input: StaticValue, call: SdkCall): BoundNeed[] {
  if (template.wildcardOnly || template.resource === '*') return [{ action: template.action, resource: '*' }];
  const kind = template.resource;
  const spec = kind ? resourceTypeSpec(kind) : undefined;
  if (!spec) {
    return [{ action: template.action, resource: '*', unresolved: `noops-lint does not know which resource ${call.operation} acts on` }];
  }
  const fields = template.fields;
  const first = (role: string): string | undefined => {
    const value = fields[role];
    return Array.isArray(value) ? value[0] : value;
  };
  const source = first('source');
  if (source !== undefined) return copySourceNeeds(fn, template, spec, readField(input, source));
  const uri = first('uri');
  if (uri !== undefined) return copySourceNeeds(fn, template, spec, readField(input, uri).map(withoutS3Scheme), 'the S3 URI');
  const nameField = fields.name;
  let names = nameField !== undefined ? readPaths(input, nameField) : [undefined];
  const alternative = first('alternative');
  if (alternative !== undefined && names.every((n) => n === undefined)) names = readField(input, alternative);
  const phone = first('phone');
  if (phone !== undefined && names.every((n) => n === undefined) && readOne(input, phone) !== undefined) {
    return [{ action: template.action, resource: '*' }]; // a direct SMS is authorized on `*`
  }
  const fieldName = describeField(nameField);
  const out: BoundNeed[] = [];
  for (const name of names) {
    const profile = spec.kind === 'foundation-model' ? inferenceProfileNeeds(template.action, literalOf(fn, name)) : undefined;
    if (profile) {
      out.push(...profile);
      continue;
    }
    const target = name === undefined ? absentTarget(spec, fieldName) : bindValue(fn, name, spec, fieldName);
    const extras: Extras = {};
    const key = first('key');
    const index = first('index');
    const qualifier = first('qualifier');
    const group = first('group');
    if (key !== undefined) extras.keys = readField(input, key).map(keyPattern);
    const region = first('region');
    if (region !== undefined) {
      const text = literalOf(fn, readOne(input, region));
      if (text !== undefined) extras.region = text;
    }
    if (group !== undefined) extras.group = literalOf(fn, readOne(input, group)) ?? 'default';
    const indexes = index !== undefined ? suffixChoices(fn, readOne(input, index)) : [undefined];
    const qualifiers = qualifier !== undefined ? suffixChoices(fn, readOne(input, qualifier)) : [undefined];
    // An index or qualifier not known statically (and not the request's choice): `*` in the policy, never judged.
    const guessed = (field: string | undefined, suffix: string | undefined): string | undefined => {
      const value = field !== undefined && suffix === '*' ? readOne(input, field) : undefined;
      if (value === undefined || (value.kind !== 'unknown' && value.kind !== 'partial') || fromRequest(value.reason)) return undefined;
      return `${field} is not known statically (${value.reason})`;
    };
    for (const key of extras.keys ?? [undefined]) {
      for (const index of indexes) {
        for (const qualifier of qualifiers) {
          const built = buildNeed(template.action, spec, target, { ...extras, key, ...(index !== undefined ? { index } : {}), ...(qualifier !== undefined ? { qualifier } : {}) });
          const unresolved = built.unresolved ?? guessed(first('index'), index) ?? guessed(first('qualifier'), qualifier);
          const need = unresolved !== undefined ? { ...built, unresolved } : built;
          out.push(need, ...kmsNeeds(fn, template.kms, target));
        }
      }
    }
  }
  return out;
}

/** Geography prefixes of cross-region inference profile ids (`us.anthropic.claude-...`). */
const INFERENCE_PROFILE = /^(us|eu|apac|us-gov|ca|jp|au|global)\.([a-z0-9-]+\..+)$/;

/**
 * A cross-region inference profile id needs the action on the profile (in the caller's region and account) and on the
 * foundation model in every region the profile routes to (facts C: Bedrock inference profiles).
 */
function inferenceProfileNeeds(action: string, modelId: string | undefined): BoundNeed[] | undefined {
  const match = modelId === undefined ? null : INFERENCE_PROFILE.exec(modelId);
  if (!match) return undefined;
  return [
    { action, resource: { 'Fn::Sub': `arn:\${AWS::Partition}:bedrock:\${AWS::Region}:\${AWS::AccountId}:inference-profile/${subText(modelId!)}` }, resourceType: 'inference-profile' },
    { action, resource: { 'Fn::Sub': `arn:\${AWS::Partition}:bedrock:*::foundation-model/${subText(match[2]!)}` }, resourceType: 'foundation-model' },
  ];
}

/**
 * The ARN suffixes an optional field (IndexName, Qualifier) asks for: none when absent, its literal text, or,
 * when it is set to a value not known statically (maybe undefined), both the plain ARN and every suffix
 * (`table/T` and `table/T/index/*`): a table ARN alone does not authorize a query on an index.
 */
function suffixChoices(fn: FunctionModel, value: StaticValue | undefined): (string | undefined)[] {
  if (value === undefined) return [undefined];
  const literal = literalOf(fn, value);
  return literal !== undefined ? [literal] : [undefined, '*'];
}

function describeField(field: string | string[] | undefined): string {
  if (field === undefined) return 'the resource';
  const path = Array.isArray(field) ? field[0]! : field;
  return path === '$' ? 'the argument' : path.replace(/\[\]|\{\}|\.\*/g, '');
}

/** Reads the first of several paths that is present; `$` is the argument itself when it is not an object. */
function readPaths(input: StaticValue, field: string | string[]): (StaticValue | undefined)[] {
  if (!Array.isArray(field)) return readField(input, field);
  for (const path of field) {
    if (path === '$') {
      if (input.kind !== 'object') return [input];
      continue;
    }
    if (input.kind !== 'object') continue;
    const values = readField(input, path);
    if (values.some((v) => v !== undefined)) return values;
  }
  return [input.kind === 'unknown' ? input : undefined];
}

function absentTarget(spec: ResourceTypeSpec, field: string | undefined): Target {
  if (spec.absentName !== undefined) return { kind: 'literal', text: spec.absentName };
  return { kind: 'unknown', reason: `the request does not set ${field ?? 'the resource'}` };
}

/** `s3://bucket/key` (Transcribe's MediaFileUri) as CopySource's `bucket/key`; other URLs stay unknown. */
function withoutS3Scheme(value: StaticValue | undefined): StaticValue | undefined {
  const strip = (text: string): string | undefined => (text.startsWith('s3://') ? text.slice('s3://'.length) : undefined);
  if (value?.kind === 'string') {
    const rest = strip(value.value);
    return rest !== undefined ? { kind: 'string', value: rest } : { kind: 'unknown', reason: `${value.value} is not an s3:// URI` };
  }
  if (value?.kind === 'partial') {
    const rest = strip(value.prefix);
    return rest !== undefined ? { kind: 'partial', prefix: rest, reason: value.reason } : { kind: 'unknown', reason: value.reason };
  }
  if (value?.kind === 'env' && value.prefix.startsWith('s3://')) return { ...value, prefix: value.prefix.slice('s3://'.length) };
  return value;
}

/** CopyObject: `CopySource` is `bucket/key` (facts B#21). */
function copySourceNeeds(fn: FunctionModel, template: ActionTemplate, spec: ResourceTypeSpec, values: (StaticValue | undefined)[], what = 'the copy source (CopySource)'): BoundNeed[] {
  const out: BoundNeed[] = [];
  for (const value of values) {
    let bucket: StaticValue | undefined;
    let key: string | undefined;
    if (value?.kind === 'string') {
      const text = value.value.replace(/^\//, '');
      const slash = text.indexOf('/');
      bucket = { kind: 'string', value: slash < 0 ? text : text.slice(0, slash) };
      key = slash < 0 ? '*' : decodeURIComponent(text.slice(slash + 1)).split('?')[0];
    } else if (value?.kind === 'env' && value.prefix === '' && value.suffix.startsWith('/')) {
      bucket = { kind: 'env', name: value.name, prefix: '', suffix: '' };
      key = value.suffix.slice(1) || '*';
    } else if (value?.kind === 'partial' && value.prefix.includes('/')) {
      const slash = value.prefix.indexOf('/');
      bucket = { kind: 'string', value: value.prefix.slice(0, slash) };
      key = `${value.prefix.slice(slash + 1)}*`;
    }
    if (!bucket) {
      out.push({ action: template.action, resource: '*', unresolved: `${what} is not known statically` });
      continue;
    }
    const target = bindValue(fn, bucket, spec, 'CopySource');
    out.push(buildNeed(template.action, spec, target, { key }), ...kmsNeeds(fn, template.kms, target));
  }
  return out;
}

function transactionNeeds(
  fn: FunctionModel,
  items: { path: string; kinds: Record<string, string>; field: string },
  kms: string[],
  input: StaticValue,
): BoundNeed[] {
  const spec = resourceTypeSpec('table')!;
  const out: BoundNeed[] = [];
  for (const item of readField(input, items.path)) {
    if (item?.kind !== 'object') {
      // The item kinds are not known: every kind's action may be needed, on an unknown table.
      // Each kind's action may be needed, or not: never reported missing, never unused.
      for (const action of Object.values(items.kinds)) out.push({ action, resource: '*', unresolved: 'the transaction items are not known statically', optional: 'the transaction items are not known statically, so this item kind may not be used' });
      continue;
    }
    for (const [kind, action] of Object.entries(items.kinds)) {
      const body = item.properties[kind];
      if (!body) continue;
      const name = readOne(body, items.field);
      const target = name === undefined ? absentTarget(spec, items.field) : bindValue(fn, name, spec, items.field);
      out.push(buildNeed(action, spec, target, {}), ...kmsNeeds(fn, kms, target));
    }
  }
  return out;
}

function partiqlNeeds(fn: FunctionModel, path: string, input: StaticValue): BoundNeed[] {
  const spec = resourceTypeSpec('table')!;
  const out: BoundNeed[] = [];
  for (const statement of readField(input, path)) {
    const text = statement?.kind === 'string' ? statement.value : statement?.kind === 'partial' ? statement.prefix : undefined;
    const parsed = text === undefined ? undefined : parsePartiql(text);
    if (!parsed) {
      for (const action of Object.values(PARTIQL_ACTIONS)) out.push({ action, resource: '*', unresolved: 'the PartiQL statement is not known statically', optional: 'the PartiQL statement is not known statically, so this verb may not be used' });
      continue;
    }
    if (parsed.table === undefined) {
      out.push({ action: parsed.action, resource: '*', unresolved: 'the table of the PartiQL statement is not known statically' });
      continue;
    }
    const target = bindValue(fn, { kind: 'string', value: parsed.table }, spec, 'the PartiQL statement');
    out.push(buildNeed(parsed.action, spec, target, parsed.index ? { index: parsed.index } : {}));
  }
  return out;
}

/** `SELECT * FROM "Orders"."byCustomer" WHERE ...` -> PartiQLSelect on Orders (index byCustomer). */
export function parsePartiql(statement: string): { action: string; table?: string; index?: string } | undefined {
  const verb = /^\s*(SELECT|INSERT|UPDATE|DELETE|EXISTS)\b/i.exec(statement)?.[1]?.toUpperCase();
  if (!verb) return undefined;
  const action = PARTIQL_ACTIONS[verb === 'EXISTS' ? 'SELECT' : verb]!;
  const ident = String.raw`("(?:[^"]|"")+"|[A-Za-z0-9_.-]+)`;
  const pattern =
    verb === 'INSERT' ? new RegExp(String.raw`^\s*INSERT\s+INTO\s+${ident}`, 'i') :
    verb === 'UPDATE' ? new RegExp(String.raw`^\s*UPDATE\s+${ident}`, 'i') :
    new RegExp(String.raw`\bFROM\s+${ident}(?:\s*\.\s*${ident})?`, 'i');
  const match = pattern.exec(statement);
  if (!match) return { action };
  const unquote = (s: string | undefined): string | undefined => (s === undefined ? undefined : s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
  const table = unquote(match[1]);
  const index = unquote(match[2]);
  // An unquoted `Orders.byCustomer` is table and index too.
  if (!match[1]!.startsWith('"') && index === undefined && table?.includes('.')) {
    const [t, i] = table.split('.', 2);
    return { action, table: t, index: i };
  }
  return { action, table, ...(index ? { index } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Reading request fields

/** Every value a field path reaches: `A.B`, `A[]` (array items), `A{}` (object keys), `A.*` (object values); undefined = absent. */
export function readField(input: StaticValue, path: string): (StaticValue | undefined)[] {
  let current: (StaticValue | undefined)[] = [input];
  for (const segment of path.split('.')) {
    const mode = segment.endsWith('[]') ? 'items' : segment.endsWith('{}') ? 'keys' : segment === '*' ? 'values' : 'prop';
    const name = mode === 'items' || mode === 'keys' ? segment.slice(0, -2) : segment;
    const next: (StaticValue | undefined)[] = [];
    for (const value of current) {
      if (value === undefined) {
        next.push(undefined);
        continue;
      }
      if (value.kind !== 'object') {
        next.push({ kind: 'unknown', reason: value.kind === 'unknown' ? value.reason : 'the request is not an object literal' });
        continue;
      }
      if (mode === 'values') {
        next.push(...Object.values(value.properties));
        continue;
      }
      // `{}` / `[]` with no name: the keys or items of the value itself.
      const prop = name === '' ? value : Object.hasOwn(value.properties, name) ? value.properties[name] : undefined;
      if (mode === 'prop' || prop === undefined) next.push(prop);
      else if (mode === 'items') next.push(...(prop.kind === 'array' ? prop.items : [unknownFrom(prop, `${name} is not an array literal`)]));
      else next.push(...(prop.kind === 'object' ? Object.keys(prop.properties).map(keyValue) : [unknownFrom(prop, `${name} is not an object literal`)]));
    }
    current = next;
  }
  return current.length > 0 ? current : [{ kind: 'unknown', reason: `${path} is empty` }];
}

function unknownFrom(value: StaticValue, reason: string): StaticValue {
  return value.kind === 'unknown' ? value : { kind: 'unknown', reason };
}

function readOne(input: StaticValue, path: string): StaticValue | undefined {
  return readField(input, path)[0];
}

/** The literal text of a value (string, number, or an env variable with a literal value); undefined otherwise. */
function literalOf(fn: FunctionModel, value: StaticValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'env') {
    const variable = fn.environment.find((e) => e.name === value.name);
    if (variable && typeof variable.value === 'string' && holdsPlaintextSecret(variable.name, variable.value)) return undefined;
    if (variable && (typeof variable.value === 'string' || typeof variable.value === 'number')) return `${value.prefix}${variable.value}${value.suffix}`;
  }
  return undefined;
}

/** An S3 key as an ARN suffix: the literal key, `prefix*` for a known prefix, `*` otherwise. */
function keyPattern(value: StaticValue | undefined): string {
  if (!value) return '*';
  if (value.kind === 'string') return value.value;
  if (value.kind === 'partial') return `${value.prefix}*`;
  if (value.kind === 'env') return `${value.prefix}*`;
  return '*';
}

// ---------------------------------------------------------------------------------------------
// Binding values to resources

function bindValue(fn: FunctionModel, value: StaticValue, spec: ResourceTypeSpec, field: string): Target {
  switch (value.kind) {
    case 'string':
      return bindLiteral(fn, value.value, spec);
    case 'number':
      return bindLiteral(fn, String(value.value), spec);
    case 'env':
      return bindEnvironment(fn, value, spec, field);
    case 'partial':
      return { kind: 'unknown', reason: `${field} is built at run time (${value.reason})`, ...(fromRequest(value.reason) ? { pattern: `${value.prefix}*` } : {}) };
    case 'unknown':
      return { kind: 'unknown', reason: `${field} is not known statically (${value.reason})`, ...(fromRequest(value.reason) ? { pattern: '*' } : {}) };
    default:
      return { kind: 'unknown', reason: `${field} is not a string` };
  }
}

function bindEnvironment(fn: FunctionModel, value: Extract<StaticValue, { kind: 'env' }>, spec: ResourceTypeSpec, field: string): Target {
  const variable = fn.environment.find((e) => e.name === value.name);
  const written = `process.env.${value.name}`;
  if (!variable && value.name === 'AWS_LAMBDA_FUNCTION_NAME' && value.prefix === '' && value.suffix === '') {
    const own = ownFunctionName(fn);
    if (own !== undefined) return { kind: 'literal', text: own };
  }
  if (!variable) return { kind: 'unknown', reason: `${field} comes from ${written}, which the manifest does not set for ${fn.name}` };
  const raw = variable.value;
  // secrets/plaintext-env reports the value; as a resource name it would be copied into messages and policies.
  if (typeof raw === 'string' && holdsPlaintextSecret(variable.name, raw)) return { kind: 'unknown', reason: `${field} comes from ${written}, which holds a secret (not shown)` };
  if (typeof raw === 'string' || typeof raw === 'number') return bindLiteral(fn, `${value.prefix}${raw}${value.suffix}`, spec);
  if (isUnresolved(raw)) {
    const reason = `${field} comes from ${written} = ${raw.text}, which cannot be resolved (${raw.reason})`;
    if (!raw.deployTime) return { kind: 'unknown', reason };
    return { kind: 'unknown', reason, deployTime: deployTimeValue(`${value.prefix}${raw.text}${value.suffix}`, field) };
  }
  if (value.prefix !== '' || value.suffix !== '') {
    return { kind: 'unknown', reason: `${field} joins text to ${written} = ${describeValue(raw)}` };
  }
  const logical = logicalReference(raw);
  if (!logical) return { kind: 'unknown', reason: `${field} comes from ${written} = ${describeValue(raw)}, which noops-lint cannot evaluate` };
  const resource = fn.service.resources.find((r) => r.logicalId === logical.id);
  if (!resource) {
    const isParameter = Object.hasOwn((fn.service.document.Parameters as Record<string, unknown> | undefined) ?? {}, logical.id);
    return {
      kind: 'unknown',
      reason: isParameter
        ? `${field} comes from ${written} = the template parameter ${logical.id}, known only at deploy time`
        : `${field} comes from ${written} = ${describeValue(raw)}, which names no resource of ${fn.service.manifest}`,
    };
  }
  const typeSpec = spec.cloudFormation[resource.type];
  if (!typeSpec) {
    return { kind: 'unknown', reason: `${field} comes from ${written} = ${describeValue(raw)}, ${withArticle(resource.type)}, not ${withArticle(spec.iamType)}` };
  }
  return { kind: 'resource', resource, spec: typeSpec, ...(logical.attribute ? { attribute: logical.attribute } : {}) };
}

/**
 * What a deploy-time value holds, from its text (`arn:…${cf:…}`) or, for a bare variable, from the request field and
 * the variable's own name (`TopicArn`, `${ssm:/app/queue-url}`, `TableName`).
 */
function deployTimeValue(text: string, field: string): DeployTimeValue {
  if (text.startsWith('arn:')) return { text, holds: 'arn' };
  if (!/^\$\{[^{}]*\}$/.test(text)) return { text, holds: 'other' };
  const named = text.slice(0, -1);
  if (/arn$/i.test(field) || /arn$/i.test(named)) return { text, holds: 'arn' };
  if (/(url|uri)$/i.test(field) || /(url|uri)$/i.test(named)) return { text, holds: 'other' };
  return { text, holds: 'name' };
}

/**
 * The deployed name of the function itself (`context.functionName`): its `name`/`FunctionName` when literal, else
 * Serverless's `<service>-<stage>-<function>`; undefined when CloudFormation generates it.
 */
function ownFunctionName(fn: FunctionModel): string | undefined {
  const explicit = fn.properties[fn.service.kind === 'serverless' ? 'name' : 'FunctionName'];
  if (typeof explicit === 'string') return explicit;
  if (explicit !== undefined) return undefined;
  if (fn.service.kind === 'serverless') return `${fn.service.name}-${fn.service.stage ?? 'dev'}-${fn.name}`;
  return undefined;
}

/** `{ Ref: X }`, `{ "Fn::GetAtt": [X, Attr] }`, `"X.Attr"` GetAtt, `{ "Fn::Sub": "${X}" }` -> X. */
export function logicalReference(value: unknown): { id: string; attribute?: string } | undefined {
  if (!isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref.startsWith('AWS::') ? undefined : { id: value.Ref };
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') return { id: getAtt[0], attribute: getAtt[1] };
  if (typeof getAtt === 'string' && getAtt.includes('.')) {
    const dot = getAtt.indexOf('.');
    return { id: getAtt.slice(0, dot), attribute: getAtt.slice(dot + 1) };
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') {
    const whole = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(sub);
    if (whole && !whole[1]!.startsWith('AWS')) return { id: whole[1]!, ...(whole[2] ? { attribute: whole[2] } : {}) };
  }
  return undefined;
}

function bindLiteral(fn: FunctionModel, text: string, spec: ResourceTypeSpec): Target {
  const name = nameFromLiteral(text, spec);
  if (name !== undefined) {
    const matches = fn.service.resources.filter((r) => {
      const typeSpec = spec.cloudFormation[r.type];
      return typeSpec?.nameProperty !== undefined && r.properties[typeSpec.nameProperty] === name;
    });
    if (matches.length === 1) return { kind: 'resource', resource: matches[0]!, spec: spec.cloudFormation[matches[0]!.type]! };
  }
  return { kind: 'literal', text };
}

/** The text after the resource-type prefix of an ARN template: `table/`, `function:`, `` (queues and topics). */
function arnTypePrefix(spec: ResourceTypeSpec): string {
  const parts = spec.arn.split(':');
  const resource = parts.slice(5).join(':');
  return resource.slice(0, resource.indexOf('{name}'));
}

/** The physical name inside a name, an ARN or an SQS queue URL. */
function nameFromLiteral(text: string, spec: ResourceTypeSpec): string | undefined {
  const url = /^https?:\/\/[^/]+\/[^/]+\/([^/?#]+)\/?$/.exec(text);
  if (url) return url[1];
  if (!text.startsWith('arn:')) {
    if (spec.kind === 'function') return text.split(':')[0];
    return text;
  }
  const parts = text.split(':');
  if (parts.length < 6) return undefined;
  let resource = parts.slice(5).join(':');
  const prefix = arnTypePrefix(spec);
  if (prefix && !resource.startsWith(prefix)) return undefined;
  resource = resource.slice(prefix.length);
  if (spec.kind === 'function' || spec.kind === 'table' || spec.kind === 'object') resource = resource.split(/[:/]/)[0]!;
  return resource;
}

// ---------------------------------------------------------------------------------------------
// Building the resource in CloudFormation form

interface Extras {
  /** The region part of the ARN when the request names one (`{region}`); else the stack's region. */
  region?: string;
  keys?: string[];
  key?: string;
  index?: string;
  qualifier?: string;
  group?: string;
}

/** Escapes literal text for a Fn::Sub string (`${` would start a variable). */
function subText(text: string): string {
  // `${AWS::AccountId}` (what `${aws:accountId}` resolves to) stays a pseudo parameter; anything else is literal.
  return text.replace(/\$\{(?!AWS::)/g, '${!');
}

function subOrString(text: string): unknown {
  return text.includes('${') && /\$\{[^!]/.test(text) ? { 'Fn::Sub': text } : text.split('${!').join('${');
}

/** The value comes from the handler's parameters (the event): the resource is chosen per request. */
function fromRequest(reason: string): boolean {
  return reason.includes('is a parameter');
}

function buildNeed(action: string, spec: ResourceTypeSpec, target: Target, extras: Extras): BoundNeed {
  const resourceType = spec.iamType;
  if (target.kind === 'unknown') {
    // A name taken from the request still belongs in the policy, as a wildcard in that part of the ARN; a deploy-time
    // variable (`${cf:stack.TopicArn}`) as the variable, which the framework fills in.
    const pattern =
      target.deployTime !== undefined ? deployTimeResource(spec, target.deployTime, extras)
      : target.pattern !== undefined && !target.pattern.startsWith('arn:') ? resourceFromLiteral(spec, target.pattern, extras)
      : undefined;
    const resource = pattern !== undefined && !(typeof pattern === 'object' && pattern !== null && 'unresolved' in pattern) ? pattern : '*';
    return { action, resource, resourceType, unresolved: target.reason };
  }
  if (target.kind === 'resource') {
    const built = resourceFromLogical(spec, target, extras);
    if (built === undefined) return { action, resource: '*', resourceType, unresolved: `noops-lint cannot build the ARN of ${target.resource.logicalId}` };
    return { action, resource: built, logicalId: target.resource.logicalId, resourceType };
  }
  const built = resourceFromLiteral(spec, target.text, extras);
  if (typeof built === 'object' && built !== null && 'unresolved' in built) return { action, resource: '*', resourceType, unresolved: (built as { unresolved: string }).unresolved };
  return { action, resource: built, resourceType };
}

function resourceFromLogical(spec: ResourceTypeSpec, target: Extract<Target, { kind: 'resource' }>, extras: Extras): unknown {
  const id = target.resource.logicalId;
  const typeSpec = target.spec;
  const arnAttribute = spec.kind === 'table-stream' ? 'StreamArn' : typeSpec.arnAttribute;
  switch (spec.kind) {
    case 'object':
      return { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${${id}}/${subText(extras.key ?? '*')}` };
    case 'table':
      if (extras.index !== undefined) return { 'Fn::Sub': `\${${id}.Arn}/index/${subText(extras.index)}` };
      break;
    case 'function':
      if (extras.qualifier !== undefined) return { 'Fn::Sub': `\${${id}.Arn}:${subText(extras.qualifier)}` };
      break;
  }
  if (spec.arnSuffix !== undefined) {
    if (typeSpec.ref === 'arn') return { 'Fn::Sub': `\${${id}}${subText(spec.arnSuffix)}` };
    if (arnAttribute) return { 'Fn::Sub': `\${${id}.${arnAttribute}}${subText(spec.arnSuffix)}` };
  }
  if (typeSpec.ref === 'arn') return { Ref: id };
  if (arnAttribute) return { 'Fn::GetAtt': [id, arnAttribute] };
  // No ARN attribute (SSM parameters, Athena workgroups): fill the template with the literal name or the Ref.
  const literal = typeSpec.nameProperty ? target.resource.properties[typeSpec.nameProperty] : undefined;
  const name = typeof literal === 'string' ? subText(spec.kind === 'parameter' ? literal.replace(/^\//, '') : literal) : `\${${id}}`;
  return { 'Fn::Sub': fillTemplate(spec.arn, name, extras) };
}

function fillTemplate(arn: string, name: string, extras: Extras): string {
  return arn
    .replace('{name}', name)
    .replace('{key}', subText(extras.key ?? '*'))
    .replace('{group}', subText(extras.group ?? 'default'))
    .replace('{region}', extras.region !== undefined ? subText(extras.region) : '${AWS::Region}');
}

function resourceFromArn(spec: ResourceTypeSpec, text: string, extras: Extras): string {
  if (spec.arnSuffix !== undefined && !text.endsWith(spec.arnSuffix)) return `${text}${spec.arnSuffix}`;
  if (spec.kind === 'object') return `${text}/${extras.key ?? '*'}`;
  if (spec.kind === 'table' && extras.index !== undefined) return `${text}/index/${extras.index}`;
  if (spec.kind === 'function' && extras.qualifier !== undefined && text.split(':').length === 7) return `${text}:${extras.qualifier}`;
  return text;
}

/**
 * A resource named by a deploy-time variable, written so that the framework fills it in: the ARN itself
 * (`${cf:stack.TopicArn}`), or the ARN built around the name (`…:table/${cf:stack.TableName}` in a Fn::Sub, which the
 * framework resolves before CloudFormation reads it). Undefined when the value is neither (a queue URL).
 */
function deployTimeResource(spec: ResourceTypeSpec, value: DeployTimeValue, extras: Extras): unknown {
  if (value.holds === 'arn') return resourceFromArn(spec, value.text, extras);
  if (value.holds !== 'name' || spec.kind === 'key') return undefined;
  const token = '\u0000name\u0000';
  const built = resourceFromLiteral(spec, token, extras);
  if (typeof built === 'string') return built.includes(token) ? built.replace(token, value.text) : undefined;
  const sub = built !== null && typeof built === 'object' ? (built as Record<string, unknown>)['Fn::Sub'] : undefined;
  return typeof sub === 'string' && sub.includes(token) ? { 'Fn::Sub': sub.replace(token, value.text) } : undefined;
}

function resourceFromLiteral(spec: ResourceTypeSpec, text: string, extras: Extras): unknown {
  if (text.startsWith('arn:')) return resourceFromArn(spec, text, extras);
  if (spec.arnOnly) return { unresolved: `${text} does not name the ${spec.iamType}'s id; only its ARN does` };
  const url = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com|([a-z0-9-]+)\.queue\.amazonaws\.com|[^/]+)\/([^/]+)\/([^/?#]+)\/?$/.exec(text);
  if (spec.kind === 'queue' && url) {
    const region = url[1] ?? url[2];
    return { 'Fn::Sub': `arn:\${AWS::Partition}:sqs:${region ? subText(region) : '${AWS::Region}'}:${subText(url[3]!)}:${subText(url[4]!)}` };
  }
  if (spec.kind === 'key' && text.startsWith('alias/')) {
    return { unresolved: `${text} is a KMS alias; IAM authorizes the key it points to` };
  }
  let name = text;
  const qualified = { ...extras };
  if (spec.kind === 'parameter') name = name.replace(/^\//, '');
  if (spec.kind === 'function' && name.includes(':')) {
    const [base, qualifier] = name.split(':', 2);
    name = base!;
    qualified.qualifier ??= qualifier;
  }
  let arn = fillTemplate(spec.arn, subText(name), qualified);
  if (spec.kind === 'function' && qualified.qualifier !== undefined) arn += `:${subText(qualified.qualifier)}`;
  if (spec.kind === 'table' && qualified.index !== undefined) arn += `/index/${subText(qualified.index)}`;
  return subOrString(arn);
}

// ---------------------------------------------------------------------------------------------
// KMS behind storage services (facts D): only for resources declaring a customer managed key

function kmsNeeds(fn: FunctionModel, actions: string[], target: Target): BoundNeed[] {
  if (actions.length === 0 || target.kind !== 'resource') return [];
  const key = customerManagedKey(fn, target.resource);
  if (!key) return [];
  return actions.map((action) => ({ action, ...key }));
}

function customerManagedKey(fn: FunctionModel, resource: ResourceModel): { resource: unknown; resourceType: string; logicalId?: string; unresolved?: string } | undefined {
  for (const path of customerManagedKeyPaths(resource.type)) {
    for (const value of readPlain(resource.properties, path)) {
      if (value === undefined || value === null || value === '') continue;
      if (typeof value === 'string') {
        if (/^(alias\/)?aws\//.test(value) || /:alias\/aws\//.test(value)) continue; // AWS managed key: its key policy already allows the service
        if (value.startsWith('arn:') && value.includes(':key/')) return { resource: value, resourceType: 'key' };
        if (value.startsWith('alias/') || value.includes(':alias/')) {
          return { resource: '*', resourceType: 'key', unresolved: `${resource.logicalId} is encrypted with the KMS alias ${value}; IAM authorizes the key behind it` };
        }
        return { resource: { 'Fn::Sub': `arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:key/${subText(value)}` }, resourceType: 'key' };
      }
      const logical = logicalReference(value);
      const keyResource = logical ? fn.service.resources.find((r) => r.logicalId === logical.id) : undefined;
      if (keyResource?.type === 'AWS::KMS::Key') return { resource: { 'Fn::GetAtt': [keyResource.logicalId, 'Arn'] }, resourceType: 'key', logicalId: keyResource.logicalId };
      return { resource: '*', resourceType: 'key', unresolved: `the customer managed key of ${resource.logicalId} (${describeValue(value)}) cannot be resolved` };
    }
  }
  return undefined;
}

/** Reads a property path (`A.B[].C`) from plain manifest values. */
function readPlain(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    const items = segment.endsWith('[]');
    const name = items ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || isUnresolved(value)) continue;
      const prop = (value as Record<string, unknown>)[name];
      if (prop === undefined) continue;
      if (items) {
        if (Array.isArray(prop)) next.push(...prop);
      } else next.push(prop);
    }
    current = next;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Platform needs: granted by the framework's generated role or managed policies, never by the handler

/** The actions of a broker or cluster poller, by event type in any case (`msk`, `Kafka`, `MQ`). */
function brokerPollerActions(type: string): readonly string[] | undefined {
  return grantFor(BROKER_POLLER_ACTIONS, type.toLowerCase());
}

function hasDestinations(fn: FunctionModel): boolean {
  const properties = fn.properties;
  const invokeConfig = properties.EventInvokeConfig as { DestinationConfig?: unknown } | undefined;
  return properties.destinations !== undefined || (invokeConfig !== null && typeof invokeConfig === 'object' && invokeConfig.DestinationConfig !== undefined);
}

/** CloudFormation/SAM `FileSystemConfigs` (CDK output too) or Serverless `fileSystemConfig`: Lambda mounts it with the role. */
function hasFileSystem(fn: FunctionModel): boolean {
  const present = (value: unknown): boolean => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
  return present(fn.properties.FileSystemConfigs) || (fn.service.kind === 'serverless' && present(fn.properties.fileSystemConfig));
}

/** The value of the function's variable the reader reads, or of the plugin setting that sets it; undefined when neither is set. */
function extensionSetting(fn: FunctionModel, credential: ExtensionCredential): unknown {
  const variable = fn.environment.find((v) => v.name === credential.environment);
  if (variable && variable.value !== undefined && variable.value !== null && variable.value !== '') return variable.value;
  const plugin = credential.plugin;
  if (!plugin || fn.service.kind !== 'serverless') return undefined;
  const document = fn.service.document;
  const plugins = isRecordValue(document.plugins) ? document.plugins.modules : document.plugins;
  if (!Array.isArray(plugins) || !plugins.includes(plugin.name)) return undefined;
  const custom = isRecordValue(document.custom) ? document.custom[plugin.customKey] : undefined;
  if (!isRecordValue(custom) || custom.enabled === false) return undefined;
  const value = custom[plugin.setting];
  return value === undefined || value === null || value === '' ? undefined : value;
}

function isRecordValue(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value);
}

function platformNeeds(fn: FunctionModel): PermissionNeed[] {
  const out: PermissionNeed[] = [];
  const add = (actions: readonly string[], resource: unknown, location: Location, reason: string): void => {
    for (const action of actions) out.push({ action, resource, evidence: { location, via: [] }, reason });
  };
  add(LOG_ACTIONS, '*', fn.location, 'logs');
  const tracing = fn.tracing?.value;
  if (tracing === 'Active' || tracing === 'PassThrough') add(XRAY_ACTIONS, '*', fn.tracing!.location, 'tracing');
  if (fn.vpc) add(VPC_ACTIONS, '*', fn.location, 'vpc');
  if (hasFileSystem(fn)) add(EFS_MOUNT_ACTIONS, '*', fn.location, 'EFS file system');
  for (const credential of EXTENSION_CREDENTIALS) {
    const value = extensionSetting(fn, credential);
    if (value === undefined) continue;
    add(credential.actions, credential.resource === 'value' ? platformResource(value) : '*', fn.location, `${credential.environment} read by ${credential.reader}`);
  }
  if (hasDestinations(fn)) add(DESTINATION_ACTIONS, '*', fn.location, 'invocation destinations');
  for (const event of fn.events) {
    const pollers = brokerPollerActions(event.type) ?? brokerPollerActions(String(event.properties.Type ?? ''));
    if (pollers) add(pollers, '*', event.location, `${event.type} event source`);
    const actions = Object.hasOwn(EVENT_SOURCE_ACTIONS, event.normalizedType) ? EVENT_SOURCE_ACTIONS[event.normalizedType as PolledEventSource] : undefined;
    if (!actions) continue;
    add(actions, platformResource(event.source), event.location, `${event.normalizedType} event source`);
  }
  if (fn.deadLetterTarget) {
    const target = fn.deadLetterTarget.value;
    const kind = deadLetterKind(fn, target);
    if (kind === 'sqs') add(['sqs:SendMessage'], platformResource(target), fn.deadLetterTarget.location, 'dead-letter queue');
    else if (kind === 'sns') add(['sns:Publish'], platformResource(target), fn.deadLetterTarget.location, 'dead-letter topic');
    else add(['sqs:SendMessage', 'sns:Publish'], '*', fn.deadLetterTarget.location, 'dead-letter target');
  }
  if (fn.kmsKeyArn) add(['kms:Decrypt'], platformResource(fn.kmsKeyArn.value), fn.kmsKeyArn.location, 'environment encryption key');
  return out;
}

function platformResource(value: unknown): unknown {
  if (typeof value === 'string' || (isIntrinsic(value) && !isUnresolved(value))) return value;
  return '*';
}

function deadLetterKind(fn: FunctionModel, target: unknown): 'sqs' | 'sns' | undefined {
  if (typeof target === 'string') return target.includes(':sqs:') ? 'sqs' : target.includes(':sns:') ? 'sns' : undefined;
  const logical = logicalReference(target);
  const resource = logical ? fn.service.resources.find((r) => r.logicalId === logical.id) : undefined;
  if (resource?.type === 'AWS::SQS::Queue') return 'sqs';
  if (resource?.type === 'AWS::SNS::Topic') return 'sns';
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** A stable text key for a resource value (grouping, de-duplication, finding keys). */
export function resourceKey(resource: unknown): string {
  return typeof resource === 'string' ? resource : stableStringify(resource);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    if (isUnresolved(value)) return JSON.stringify(value.toJSON());
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function dedupeNeeds(needs: PermissionNeed[]): PermissionNeed[] {
  const seen = new Set<string>();
  return needs.filter((need) => {
    const loc = need.evidence.location;
    const id = `${need.action}|${resourceKey(need.resource)}|${loc.file}:${loc.line}:${loc.column}|${need.unresolved ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

