// Decides whether a role's statements allow an action on a resource: action globs, NotAction, resource ARN globs,
// NotResource, Deny wins; intrinsics are compared after normalising them to ARNs with symbolic parts.
import { managedPolicy } from '../model/managed-policies.js';
import { statementFromData } from '../model/policy.js';
import type { PolicyStatement, ResourceModel, RoleModel, ServiceModel } from '../model/project.js';
import { globMatcher } from '../model/iam-catalog.js';
import { hasDynamicReference, isIntrinsic, isUnresolved } from '../model/values.js';
import { cloudFormationTypeSpec, resourceTypeSpec } from './sdk-actions.js';

/** One element of a normalised resource: a character, `*`, `?`, or a value only known at deploy time. */
type Element = { t: 'char'; c: string } | { t: 'star' } | { t: 'one' } | { t: 'token'; name: string };

/** A resource normalised to elements, or undefined when it cannot be evaluated (Unresolved, `Fn::If`, imports). */
export type ResourcePattern = Element[];

export type Tristate = 'yes' | 'maybe' | 'no';

export type MatchDecision = 'allowed' | 'denied' | 'not-granted' | 'unknown';

export interface MatchResult {
  decision: MatchDecision;
  /** Allow statements that certainly grant the request. */
  granting: PolicyStatement[];
  /** Deny statements that certainly refuse it. */
  denying: PolicyStatement[];
  /** Why the decision is unknown (for notes). */
  reason?: string;
}

// ---------------------------------------------------------------------------------------------
// Normalising resources

// Elements are immutable and shared: one object per character, so normalising an ARN allocates one array.
const STAR: Element = { t: 'star' };
const ONE: Element = { t: 'one' };
const charElements = new Map<string, Element>();

function charElement(c: string): Element {
  let element = charElements.get(c);
  if (!element) {
    element = { t: 'char', c };
    charElements.set(c, element);
  }
  return element;
}

function chars(text: string, glob: boolean): Element[] {
  const out: Element[] = [];
  for (const c of text) {
    if (glob && c === '*') out.push(STAR);
    else if (glob && c === '?') out.push(ONE);
    else out.push(charElement(c));
  }
  return out;
}

function token(name: string): Element[] {
  return [{ t: 'token', name }];
}

function partitionOf(service: ServiceModel): string {
  const region = service.region ?? '';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function pseudo(name: string, service: ServiceModel): Element[] {
  switch (name) {
    case 'AWS::Partition':
      // Grants written as `arn:aws:` and needs built with ${AWS::Partition} deploy to the same partition.
      return chars(partitionOf(service), false);
    case 'AWS::Region':
      return typeof service.region === 'string' && service.region !== '' ? chars(service.region, false) : token(name);
    case 'AWS::URLSuffix':
      return chars(partitionOf(service) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', false);
    default:
      return token(name);
  }
}

function resourceOf(service: ServiceModel, id: string): ResourceModel | undefined {
  return service.resources.find((r) => r.logicalId === id);
}

/**
 * The physical name of a template resource: its name property, literal or built from pseudo parameters and other
 * resources (`!Sub '${AWS::StackName}-orders'`, so it compares with a grant written the same way), else a token
 * standing for it.
 */
function nameOf(resource: ResourceModel, service: ServiceModel): Element[] {
  const spec = cloudFormationTypeSpec(resource.type);
  const value = spec?.nameProperty ? resource.properties[spec.nameProperty] : undefined;
  if (typeof value === 'string') return chars(value, false);
  if (value !== undefined && isIntrinsic(value) && !namesInProgress.has(resource)) {
    namesInProgress.add(resource);
    try {
      const built = normaliseResource(value, service);
      // A name with a glob character in it is not a name: keep the token.
      if (built && built.length > 0 && !built.some((e) => e.t === 'star' || e.t === 'one')) return built;
    } finally {
      namesInProgress.delete(resource);
    }
  }
  return token(`${resource.logicalId}#name`);
}

/** Names being built, so a name that refers to its own resource ends in a token instead of a loop. */
const namesInProgress = new Set<ResourceModel>();

/** The primary resource kind of a CloudFormation type (`bucket` for AWS::S3::Bucket, `table` for tables). */
function primaryKind(type: string): string | undefined {
  for (const kind of ['table', 'bucket', 'queue', 'topic', 'function', 'parameter', 'kinesis-stream', 'deliverystream', 'stateMachine', 'event-bus', 'key', 'log-group', 'userpool', 'role', 'workgroup', 'cluster']) {
    if (resourceTypeSpec(kind)?.cloudFormation[type]) return kind;
  }
  return undefined;
}

function arnOf(resource: ResourceModel, service: ServiceModel): Element[] {
  const kind = primaryKind(resource.type);
  const spec = kind ? resourceTypeSpec(kind) : undefined;
  const cfn = spec?.cloudFormation[resource.type];
  // Key ids, user pool ids and secret suffixes are assigned by AWS: the ARN stays symbolic.
  if (!spec || !cfn || cfn.ref === 'id' || kind === 'secret' || spec.arn.includes('{key}')) return token(`${resource.logicalId}#arn`);
  let name = nameOf(resource, service);
  if (kind === 'parameter' && name[0]?.t === 'char' && name[0].c === '/') name = name.slice(1);
  return fillArn(spec.arn, name, service);
}

function fillArn(template: string, name: Element[], service: ServiceModel): Element[] {
  const at = template.indexOf('{name}');
  return [...subText(template.slice(0, at), service), ...name, ...subText(template.slice(at + '{name}'.length), service)];
}

function urlOf(resource: ResourceModel, service: ServiceModel): Element[] {
  return [...chars('https://sqs.', false), ...pseudo('AWS::Region', service), ...chars('.amazonaws.com/', false), ...pseudo('AWS::AccountId', service), ...chars('/', false), ...nameOf(resource, service)];
}

function refOf(id: string, service: ServiceModel): Element[] {
  if (id.startsWith('AWS::')) return pseudo(id, service);
  const resource = resourceOf(service, id);
  if (!resource) return token(`${id}#ref`);
  const spec = cloudFormationTypeSpec(resource.type);
  switch (spec?.ref) {
    case 'name':
      return nameOf(resource, service);
    case 'arn':
      return arnOf(resource, service);
    case 'url':
      return urlOf(resource, service);
    default:
      return token(`${id}#ref`);
  }
}

function getAttOf(id: string, attribute: string, service: ServiceModel): Element[] {
  const resource = resourceOf(service, id);
  if (!resource) return token(`${id}.${attribute}`);
  const spec = cloudFormationTypeSpec(resource.type);
  if (attribute === 'Arn' || attribute === spec?.arnAttribute || attribute === 'TopicArn') return arnOf(resource, service);
  if (['QueueName', 'TopicName', 'Name'].includes(attribute)) return nameOf(resource, service);
  if (attribute === 'QueueUrl') return urlOf(resource, service);
  return token(`${id}.${attribute}`);
}

/** A Fn::Sub string: `${AWS::Region}`, `${X}`, `${X.Arn}`, `${!Literal}`, and variables of the two-argument form. */
function subText(text: string, service: ServiceModel, variables: Record<string, unknown> = {}): Element[] {
  const out: Element[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf('${');
    if (start < 0) {
      out.push(...chars(rest, true));
      break;
    }
    out.push(...chars(rest.slice(0, start), true));
    const end = rest.indexOf('}', start);
    if (end < 0) {
      out.push(...chars(rest.slice(start), true));
      break;
    }
    const name = rest.slice(start + 2, end);
    rest = rest.slice(end + 1);
    if (name.startsWith('!')) {
      out.push(...chars('${' + name.slice(1) + '}', true));
      continue;
    }
    if (Object.hasOwn(variables, name)) {
      const value = normaliseResource(variables[name], service);
      if (!value) return [{ t: 'token', name: `\0unknown:${name}` }];
      out.push(...value);
      continue;
    }
    const dot = name.indexOf('.');
    out.push(...(dot > 0 && !name.startsWith('AWS::') ? getAttOf(name.slice(0, dot), name.slice(dot + 1), service) : refOf(name, service)));
  }
  return out;
}

/**
 * Normalises a resource value (a string glob, `Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`) to elements, expanding
 * template resources to their ARNs so `!GetAtt T.Arn`, `!Sub ${T.Arn}` and `arn:...:table/${T}` compare equal.
 */
export function normaliseResource(value: unknown, service: ServiceModel): ResourcePattern | undefined {
  // A `{{resolve:...}}` dynamic reference is replaced when the stack is deployed: the resource is not known here.
  if (hasDynamicReference(value)) return undefined;
  if (typeof value === 'string') {
    let pattern = stringPatterns.get(value);
    if (!pattern) {
      pattern = chars(value, true);
      if (stringPatterns.size > 50_000) stringPatterns.clear();
      stringPatterns.set(value, pattern);
    }
    return pattern;
  }
  if (value === null || typeof value !== 'object') return normaliseUncached(value, service);
  let known = objectPatterns.get(service);
  if (!known) {
    known = new WeakMap();
    objectPatterns.set(service, known);
  }
  if (known.has(value)) return known.get(value) ?? undefined;
  const pattern = normaliseUncached(value, service);
  known.set(value, pattern ?? null);
  return pattern;
}

/**
 * Normalised patterns are shared (callers never change them): a role's statements are compared with every need
 * of every function, so each resource value is normalised once. Strings do not depend on the service; intrinsics
 * (Ref, GetAtt, Sub, Join) name the service's resources, so they are kept per service.
 */
const stringPatterns = new Map<string, ResourcePattern>();
const objectPatterns = new WeakMap<ServiceModel, WeakMap<object, ResourcePattern | null>>();

function normaliseUncached(value: unknown, service: ServiceModel): ResourcePattern | undefined {
  if (typeof value === 'number') return chars(String(value), false);
  if (isUnresolved(value) || !isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return refOf(value.Ref, service);
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') return getAttOf(getAtt[0], getAtt[1], service);
  if (typeof getAtt === 'string' && getAtt.includes('.')) return getAttOf(getAtt.slice(0, getAtt.indexOf('.')), getAtt.slice(getAtt.indexOf('.') + 1), service);
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return checked(subText(sub, service));
  if (Array.isArray(sub) && typeof sub[0] === 'string' && sub[1] !== null && typeof sub[1] === 'object' && !Array.isArray(sub[1])) {
    return checked(subText(sub[0], service, sub[1] as Record<string, unknown>));
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const out: Element[] = [];
    for (const [index, part] of join[1].entries()) {
      const normal = normaliseResource(part, service);
      if (!normal) return undefined;
      if (index > 0) out.push(...chars(join[0], false));
      out.push(...normal);
    }
    return out;
  }
  return undefined;
}

function checked(elements: Element[]): Element[] | undefined {
  return elements.some((e) => e.t === 'token' && e.name.startsWith('\0unknown:')) ? undefined : elements;
}

// ---------------------------------------------------------------------------------------------
// Comparing patterns

/** True when every resource `need` can stand for is matched by the glob `grant` (tokens must match tokens, or a `*`). */
export function patternCovers(grant: ResourcePattern, need: ResourcePattern): boolean {
  if (grant === need) return true;
  const width = need.length + 1;
  // 0: not computed yet, 1: false, 2: true.
  const memo = new Uint8Array((grant.length + 1) * width);
  const go = (i: number, j: number): boolean => {
    const id = i * width + j;
    const known = memo[id]!;
    if (known !== 0) return known === 2;
    let result: boolean;
    const a = grant[i];
    const b = need[j];
    if (!a) result = !b;
    else if (a.t === 'star') result = go(i + 1, j) || (b !== undefined && go(i, j + 1));
    else if (!b) result = false;
    else if (a.t === 'one') result = b.t === 'char' && go(i + 1, j + 1);
    else if (a.t === 'char') result = b.t === 'char' && a.c === b.c && go(i + 1, j + 1);
    else result = b.t === 'token' && a.name === b.name && go(i + 1, j + 1);
    memo[id] = result ? 2 : 1;
    return result;
  };
  return go(0, 0);
}

/**
 * True when some resource could match both patterns, reading a token as any text (a name written literally in one
 * place may be the deployed name of a resource referenced in the other). Different tokens are different resources.
 */
export function patternsMayOverlap(a: ResourcePattern, b: ResourcePattern): boolean {
  const width = b.length + 1;
  const memo = new Uint8Array((a.length + 1) * width);
  const go = (i: number, j: number): boolean => {
    const id = i * width + j;
    const known = memo[id]!;
    if (known !== 0) return known === 2;
    let result: boolean;
    const x = a[i];
    const y = b[j];
    if (!x && !y) result = true;
    else if (x?.t === 'star') result = go(i + 1, j) || (y !== undefined && go(i, j + 1));
    else if (y?.t === 'star') result = go(i, j + 1) || (x !== undefined && go(i + 1, j));
    else if (x?.t === 'token' && y?.t === 'token') result = x.name === y.name && go(i + 1, j + 1);
    else if (x?.t === 'token') result = go(i + 1, j) || (y !== undefined && go(i, j + 1));
    else if (y?.t === 'token') result = go(i, j + 1) || (x !== undefined && go(i + 1, j));
    else if (!x || !y) result = false;
    else if (x.t === 'one' || y.t === 'one') result = go(i + 1, j + 1);
    else result = x.t === 'char' && y.t === 'char' && x.c === y.c && go(i + 1, j + 1);
    memo[id] = result ? 2 : 1;
    return result;
  };
  return go(0, 0);
}

/** How a list of granted resource values matches a needed resource. */
export function resourceListMatches(values: unknown[], need: unknown, service: ServiceModel): Tristate {
  const wanted = need === '*' ? undefined : normaliseResource(need, service);
  let result: Tristate = 'no';
  for (const value of values) {
    const granted = normaliseResource(value, service);
    if (!granted) {
      result = 'maybe';
      continue;
    }
    if (need === '*') {
      // `*` as a need: a wildcard-only action (needs a `*` grant) or an unknown resource.
      if (granted.length === 1 && granted[0]!.t === 'star') return 'yes';
      result = 'maybe';
      continue;
    }
    if (!wanted) {
      result = 'maybe';
      continue;
    }
    if (patternCovers(granted, wanted)) return 'yes';
    if (patternsMayOverlap(granted, wanted)) result = 'maybe';
  }
  return result;
}

/** Whether an action value (glob, case-insensitive) matches an action; `maybe` for values that cannot be evaluated. */
export function actionValueMatches(value: unknown, action: string): Tristate {
  if (typeof value !== 'string') return 'maybe';
  return globMatcher(value.trim()).test(action) ? 'yes' : 'no';
}

function anyOf(values: Tristate[]): Tristate {
  if (values.includes('yes')) return 'yes';
  if (values.includes('maybe')) return 'maybe';
  return 'no';
}

function not(value: Tristate): Tristate {
  return value === 'yes' ? 'no' : value === 'no' ? 'yes' : 'maybe';
}

function both(a: Tristate, b: Tristate): Tristate {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'yes';
}

/** Whether a statement's action part covers the action. */
export function statementCoversAction(statement: PolicyStatement, action: string): Tristate {
  const actions = statement.actions.length > 0 ? anyOf(statement.actions.map((a) => actionValueMatches(a.value, action))) : 'no';
  if (statement.notActions.length === 0) return actions;
  return not(anyOf(statement.notActions.map((a) => actionValueMatches(a.value, action))));
}

/** Whether a statement's resource part covers the resource. */
export function statementCoversResource(statement: PolicyStatement, resource: unknown, service: ServiceModel): Tristate {
  // Asked once per granted action and need: the answer depends only on the statement and the resource.
  let cached = coversCache.get(statement);
  if (!cached || cached.service !== service) {
    cached = { service, answers: new Map() };
    coversCache.set(statement, cached);
  }
  const known = cached.answers;
  let answer = known.get(resource);
  if (answer === undefined) {
    answer =
      statement.notResources.length > 0
        ? not(resourceListMatchesForNot(statement.notResources.map((r) => r.value), resource, service))
        : resourceListMatches(statement.resources.map((r) => r.value), resource, service);
    known.set(resource, answer);
  }
  return answer;
}

/** Answers of statementCoversResource by statement, then by resource value (a string, or an intrinsic object by identity). */
const coversCache = new WeakMap<PolicyStatement, { service: ServiceModel; answers: Map<unknown, Tristate> }>();

/** For NotResource the question is reversed: is the resource certainly among the excluded ones? */
function resourceListMatchesForNot(values: unknown[], resource: unknown, service: ServiceModel): Tristate {
  if (resource === '*') return 'maybe';
  return resourceListMatches(values, resource, service);
}

/** Whether one statement applies to (action, resource). */
export function statementApplies(statement: PolicyStatement, action: string, resource: unknown, service: ServiceModel): Tristate {
  const actionPart = statementCoversAction(statement, action);
  if (actionPart === 'no') return 'no';
  const applies = both(actionPart, statementCoversResource(statement, resource, service));
  // A conditional Deny may not apply; a conditional Allow is still the grant the author meant.
  if (applies === 'yes' && statement.effect === 'Deny' && statement.condition !== undefined) return 'maybe';
  return applies;
}

// ---------------------------------------------------------------------------------------------
// Roles

const effectiveCache = new WeakMap<RoleModel, { statements: PolicyStatement[]; incomplete: boolean }>();

/**
 * The role's statements plus those of known AWS managed policies the loader did not expand already. A managed
 * policy whose content is unknown makes the role incomplete.
 */
export function effectiveStatements(role: RoleModel): { statements: PolicyStatement[]; incomplete: boolean } {
  const cached = effectiveCache.get(role);
  if (cached) return cached;
  const statements = [...role.statements];
  let incomplete = role.incomplete || role.kind === 'external';
  const expanded = new Set(role.statements.flatMap((s) => (s.origin.kind === 'managed-policy' ? [s.origin.policy] : [])));
  role.managedPolicies.forEach((reference, index) => {
    const name = reference.name ?? managedPolicyName(reference.value);
    if (name !== undefined && expanded.has(name)) return;
    const known = name === undefined ? undefined : managedPolicy(name);
    if (!known) {
      incomplete = true;
      return;
    }
    const raw = known.document.Statement;
    (Array.isArray(raw) ? raw : [raw]).forEach((statement, k) => {
      statements.push(statementFromData(statement, `managedPolicies[${index}]#${name}.Statement[${k}]`, reference.location, { kind: 'managed-policy', policy: name! }));
    });
    expanded.add(name!);
  });
  const result = { statements, incomplete };
  effectiveCache.set(role, result);
  return result;
}

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` -> `AWSLambdaBasicExecutionRole`. */
function managedPolicyName(value: unknown): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (isIntrinsic(value) && typeof value['Fn::Sub'] === 'string') text = value['Fn::Sub'];
  if (text === undefined) return undefined;
  const match = /:iam::aws:policy\/(?:.*\/)?([A-Za-z0-9+=,.@_-]+)$/.exec(text);
  if (match) return match[1];
  return /^[A-Za-z0-9+=,.@_-]+$/.test(text) ? text : undefined;
}

/** Does the role allow `action` on `resource` (CloudFormation form, a string ARN, or `*`)? */
export function evaluateRole(role: RoleModel, action: string, resource: unknown): MatchResult {
  if (role.kind === 'external') return { decision: 'unknown', granting: [], denying: [], reason: `${role.name} is defined outside the project` };
  const { statements, incomplete } = effectiveStatements(role);
  const granting: PolicyStatement[] = [];
  const denying: PolicyStatement[] = [];
  let mayAllow = false;
  let mayDeny = false;
  for (const statement of statements) {
    const applies = statementApplies(statement, action, resource, role.service);
    if (applies === 'no') continue;
    if (statement.effect === 'Deny') {
      if (applies === 'yes') denying.push(statement);
      else mayDeny = true;
    } else if (applies === 'yes') granting.push(statement);
    else mayAllow = true;
  }
  if (denying.length > 0) return { decision: 'denied', granting, denying };
  if (granting.length > 0 && !mayDeny) return { decision: 'allowed', granting, denying };
  if (granting.length > 0 || mayAllow) {
    return { decision: 'unknown', granting, denying, reason: 'a statement that may apply cannot be evaluated statically' };
  }
  if (incomplete) return { decision: 'unknown', granting, denying, reason: `not all grants of ${role.name} are known` };
  return { decision: 'not-granted', granting, denying };
}

/** True unless every grant of the role is known and no Allow statement names the action (on any resource). */
export function grantsActionAnywhere(role: RoleModel, action: string): boolean {
  if (role.kind === 'external') return true;
  const { statements, incomplete } = effectiveStatements(role);
  if (incomplete) return true;
  return statements.some((statement) => statement.effect === 'Allow' && statementCoversAction(statement, action) !== 'no');
}

/**
 * Whether a need of the code is missing from the role, as iam/missing-permission decides it (the permissions table
 * counts the same way): `not-granted` or `denied` on a known resource; on an unknown one, only when no Allow
 * statement grants the action at all; never for a need the call works without.
 */
export function missingDecision(role: RoleModel, need: { action: string; resource: unknown; unresolved?: string; optional?: string }): 'not-granted' | 'denied' | 'granted-nowhere' | undefined {
  if (need.optional !== undefined) return undefined;
  if (need.unresolved !== undefined) return grantsActionAnywhere(role, need.action) ? undefined : 'granted-nowhere';
  const decision = evaluateRole(role, need.action, need.resource).decision;
  return decision === 'not-granted' || decision === 'denied' ? decision : undefined;
}
