// Reads src/data/sdk-operations.json: which IAM actions an SDK operation needs, and which request fields name its resource.
import { readPackageJson } from '../util/package-root.js';
import { getActionByFullName } from '../model/iam-catalog.js';
import type { SdkCall } from './types.js';

/** How a resource kind is written in ARNs and templates (`table`, `object`, `queue` ...). */
export interface ResourceTypeSpec {
  kind: string;
  service: string;
  iamType: string;
  /** A Fn::Sub-ready template; `{name}` (and `{key}`, `{group}`) are filled from the request. */
  arn: string;
  /** The name a missing field stands for (`default` event bus, `primary` workgroup). */
  absentName?: string;
  /** Only an ARN (or a template resource) names it: other text (an AppSync endpoint URL) does not hold its id. */
  arnOnly?: boolean;
  /** Appended to the ARN of the template resource or the ARN given (`/types/*\/fields/*` after an AppSync API ARN). */
  arnSuffix?: string;
  cloudFormation: Record<string, CloudFormationTypeSpec>;
}

export interface CloudFormationTypeSpec {
  /** The property holding the physical name (`TableName`). */
  nameProperty?: string;
  /** What `Ref` returns (facts F). */
  ref: 'name' | 'arn' | 'url' | 'id';
  /** The attribute `Fn::GetAtt` reads for the ARN. */
  arnAttribute?: string;
}

/** One action an operation needs, before it is bound to the request. */
export interface ActionTemplate {
  /** Canonical full name from the IAM catalogue (`s3:GetObject`). */
  action: string;
  /** Resource kind, `*` for wildcard-only, undefined when the data does not say (left unresolved unless wildcard-only). */
  resource?: string;
  /** Request fields by role (`name`, `key`, `index`, `qualifier`, `alternative`, `source` ...); a list is tried in order. */
  fields: Record<string, string | string[]>;
  /** Only when this request field is set (`Tagging`, `VersionId`). */
  when?: string;
  /** Not when this request field is `true` (`leavePartsOnError`). */
  unless?: string;
  /** With `when`, this action replaces the named one (`GetObjectVersion` instead of `GetObject`). */
  replaces?: string;
  /** Why the call works without this action (it only cleans up after a failure): never reported missing. */
  optional?: string;
  /** KMS actions on the resource's customer managed key, if it declares one (facts D). */
  kms: string[];
  /** The action can only be granted on `*` (the catalogue lists no resource type). */
  wildcardOnly: boolean;
}

export interface OperationActions {
  /** `service:Operation` as looked up. */
  key: string;
  /** The operation is listed in the data (not the `<prefix>:<Operation>` default). */
  listed: boolean;
  /** Empty for permissionless operations and for those whose actions depend on items (transactions, PartiQL). */
  actions: ActionTemplate[];
  /** Transactions: one action per item kind, the table in `field` of each item. */
  items?: { path: string; kinds: Record<string, string>; field: string };
  /** PartiQL: where the statements are; the verb picks the action. */
  partiql?: string;
  /** The resource kind of item and PartiQL actions. */
  itemResource?: string;
  itemKms: string[];
  /** The default action does not exist in the IAM catalogue. */
  unknownAction?: string;
  provenance?: string;
}

interface RawActionSpec {
  action: string;
  resource?: string;
  fields?: Record<string, string | string[]>;
  when?: string;
  unless?: string;
  replaces?: string;
  optional?: string;
  kms?: string[];
}

interface RawOperation {
  actions?: (string | RawActionSpec)[];
  resource?: string;
  fields?: Record<string, string | string[]>;
  kms?: string[];
  items?: { path: string; kinds: Record<string, string>; field: string };
  partiql?: string;
  provenance?: string;
}

interface SdkOperationsData {
  source: string;
  generated: string;
  resourceTypes: Record<string, Omit<ResourceTypeSpec, 'kind'>>;
  customerManagedKeys: Record<string, string[] | string>;
  operations: Record<string, RawOperation>;
  presign: { aliases: Record<string, string> };
  libraries: Record<string, RawOperation | string>;
}

let cached: SdkOperationsData | undefined;

function data(): SdkOperationsData {
  cached ??= readPackageJson<SdkOperationsData>('src/data/sdk-operations.json');
  return cached;
}

/** The catalogue's spelling of a full action name, or undefined when it does not exist. */
function canonical(fullName: string): string | undefined {
  const action = getActionByFullName(fullName);
  return action ? `${action.service}:${action.name}` : undefined;
}

function isWildcardOnly(fullName: string): boolean {
  return getActionByFullName(fullName)?.wildcardOnly ?? false;
}

function template(raw: string | RawActionSpec, operation: RawOperation): ActionTemplate {
  const spec: RawActionSpec = typeof raw === 'string' ? { action: raw } : raw;
  const name = canonical(spec.action) ?? spec.action;
  const wildcardOnly = isWildcardOnly(name);
  const resource = spec.resource ?? operation.resource;
  return {
    action: name,
    resource: wildcardOnly ? '*' : resource,
    fields: spec.fields ?? (spec.resource && spec.resource !== operation.resource ? {} : operation.fields ?? {}),
    ...(spec.when !== undefined ? { when: spec.when } : {}),
    ...(spec.unless !== undefined ? { unless: spec.unless } : {}),
    ...(spec.replaces !== undefined ? { replaces: spec.replaces } : {}),
    ...(spec.optional !== undefined ? { optional: spec.optional } : {}),
    kms: spec.kms ?? operation.kms ?? [],
    wildcardOnly,
  };
}

function lookupRaw(call: Pick<SdkCall, 'service' | 'operation' | 'style'>): { key: string; raw: RawOperation | undefined } {
  const service = call.service.toLowerCase();
  let operation = call.operation;
  if (call.style === 'presign') operation = data().presign.aliases[operation] ?? operation;
  if (call.style === 'library') {
    const library = data().libraries[`${service}:${operation}`];
    if (library !== undefined && typeof library !== 'string') return { key: `${service}:${operation}`, raw: library };
  }
  const key = `${service}:${operation}`;
  const raw = Object.hasOwn(data().operations, key) ? data().operations[key] : undefined;
  if (raw) return { key, raw };
  // Operation names are PascalCase; tolerate a lower-case first letter from v2-style names.
  const upper = `${service}:${operation.charAt(0).toUpperCase()}${operation.slice(1)}`;
  return { key: upper, raw: Object.hasOwn(data().operations, upper) ? data().operations[upper] : undefined };
}

/** The actions an SDK call needs, as templates still to be bound to its request. */
export function operationActions(call: Pick<SdkCall, 'service' | 'operation' | 'style'>): OperationActions {
  const { key, raw } = lookupRaw(call);
  if (!raw) {
    const fallback = canonical(key);
    if (!fallback) return { key, listed: false, actions: [], itemKms: [], unknownAction: key };
    return { key, listed: false, actions: [template(fallback, {})], itemKms: [] };
  }
  const rawActions = raw.actions ?? [key];
  const result: OperationActions = {
    key,
    listed: true,
    actions: rawActions.map((a) => template(a, raw)),
    itemKms: raw.kms ?? [],
    ...(raw.provenance !== undefined ? { provenance: raw.provenance } : {}),
  };
  if (raw.items) result.items = { ...raw.items, kinds: Object.fromEntries(Object.entries(raw.items.kinds).map(([k, a]) => [k, canonical(a) ?? a])) };
  if (raw.partiql) result.partiql = raw.partiql;
  if (raw.items || raw.partiql) result.itemResource = raw.resource ?? 'table';
  return result;
}

/** PartiQL statement verb -> action (facts B#11). */
export const PARTIQL_ACTIONS: Record<string, string> = {
  SELECT: 'dynamodb:PartiQLSelect',
  INSERT: 'dynamodb:PartiQLInsert',
  UPDATE: 'dynamodb:PartiQLUpdate',
  DELETE: 'dynamodb:PartiQLDelete',
};

/** Every action the data can produce (for the test that keeps it in step with the IAM catalogue). */
export function mappedActions(): string[] {
  const out = new Set<string>(Object.values(PARTIQL_ACTIONS));
  const add = (raw: RawOperation, key: string): void => {
    for (const a of raw.actions ?? [key]) {
      out.add(typeof a === 'string' ? a : a.action);
      if (typeof a !== 'string') for (const k of a.kms ?? []) out.add(k);
    }
    for (const k of raw.kms ?? []) out.add(k);
    for (const a of Object.values(raw.items?.kinds ?? {})) out.add(a);
  };
  for (const [key, raw] of Object.entries(data().operations)) add(raw, key);
  for (const [key, raw] of Object.entries(data().libraries)) if (typeof raw !== 'string') add(raw, key);
  return [...out].sort();
}

export function resourceTypeSpec(kind: string): ResourceTypeSpec | undefined {
  const raw = Object.hasOwn(data().resourceTypes, kind) ? data().resourceTypes[kind] : undefined;
  return raw ? { kind, ...raw } : undefined;
}

/** How `Ref`, `Fn::GetAtt` and the name property work for a CloudFormation type, from any resource kind that lists it. */
export function cloudFormationTypeSpec(type: string): CloudFormationTypeSpec | undefined {
  for (const spec of Object.values(data().resourceTypes)) {
    if (Object.hasOwn(spec.cloudFormation, type)) return spec.cloudFormation[type];
  }
  return undefined;
}

/** Property paths where a resource of this type names a customer managed KMS key (facts D). */
export function customerManagedKeyPaths(type: string): string[] {
  const paths = data().customerManagedKeys[type];
  return Array.isArray(paths) ? paths : [];
}
