// Helpers the IAM rules share for reading roles and policy statements: literal values, who uses a role,
// finding keys, and which managed policies amount to administrator access.
import type { Location } from './location.js';
import { locationOfValue } from './positions.js';
import type { Located, ManagedPolicyReference, PolicyStatement, RoleModel } from './project.js';
import { describeValue } from './values.js';
import { managedPolicyBreadth, managedPolicyNameOf, type ManagedPolicyBreadth } from './managed-policies.js';
import { quote, quoteEach } from '../util/quote.js';

export interface LiteralValue {
  text: string;
  location: Location;
}

/**
 * The plain strings among located values (actions or resources), each at its own line. Unresolved
 * values, intrinsics and strings still holding a `${...}` variable are left out: they are never judged.
 */
export function literalValues(values: readonly Located<unknown>[]): LiteralValue[] {
  const result: LiteralValue[] = [];
  for (const located of values) {
    const value = located.value;
    if (typeof value === 'string') {
      if (!value.includes('${')) result.push({ text: value.trim(), location: located.location });
    } else if (Array.isArray(value)) {
      // A loader that kept `Action: [a, b]` as one value: split it, keeping each item's line.
      value.forEach((item, index) => {
        if (typeof item === 'string' && !item.includes('${')) {
          result.push({ text: item.trim(), location: locationOfValue(value, index) ?? located.location });
        }
      });
    }
  }
  return result;
}

/** True when every value is a plain string (so a list of exceptions or resources is fully known). */
export function allLiteral(values: readonly Located<unknown>[]): boolean {
  return values.every((v) => typeof v.value === 'string' && !v.value.includes('${'));
}

/** `Resource: "*"`; an ARN ending in `:*` or an unresolved value is not. */
export function isWildcardResourceValue(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '*';
}

export function hasWildcardResource(statement: PolicyStatement): boolean {
  return statement.resources.some((r) => isWildcardResourceValue(r.value));
}

/** The statement's resources as written, for messages and keys (`*`, `!GetAtt OrdersTable.Arn`). */
export function describeResources(statement: PolicyStatement): string {
  if (statement.notResources.length > 0) return `everything except ${statement.notResources.map((r) => describeValue(r.value)).join(', ')}`;
  if (statement.resources.length === 0) return '(no resource)';
  return statement.resources.map((r) => describeValue(r.value)).join(', ');
}

/** The finding key the IAM rules share: role, statement, action, resource, without line numbers. */
export function statementKey(role: RoleModel, statement: PolicyStatement, action: string, resource: string): string {
  return `${role.id}|${statement.path}|${action}|${resource}`;
}

/** The functions using a role, each quoted, for messages: `"getOrder"`, `"a", "b" and "c"`, `"a", "b", "c" and 4 more functions`. */
export function describeRoleUsers(role: RoleModel): string {
  const names = role.functions.map((f) => quote(f.name));
  if (names.length === 0) return `the role ${quote(role.name)}`;
  if (names.length === 1) return names[0]!;
  if (names.length <= 4) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more functions`;
}

/** The function a finding is about, when the role serves exactly one. */
export function soleFunctionName(role: RoleModel): string | undefined {
  return role.functions.length === 1 ? role.functions[0]!.name : undefined;
}

/** Statements added by the framework (log groups, event sources, VPC) are not the user's choice. */
export function isPlatformStatement(statement: PolicyStatement): boolean {
  return statement.origin.kind === 'platform';
}

/** Written out in the manifest by the user, as opposed to expanded from a SAM template or managed policy. */
export function isInlineStatement(statement: PolicyStatement): boolean {
  return statement.origin.kind === 'inline';
}

/**
 * The AWS managed policy a reference names: `AdministratorAccess`,
 * `arn:aws:iam::aws:policy/AdministratorAccess`, `!Sub arn:${AWS::Partition}:iam::aws:policy/...`,
 * or a `Fn::Join` of those pieces. Undefined for customer policies and values that cannot be read.
 */
export function managedPolicyName(reference: ManagedPolicyReference): string | undefined {
  return reference.name ?? managedPolicyNameOf(reference.value, true);
}

/** AWS managed policies that grant (nearly) everything in the account or in one service. */
export function administrativePolicyKind(name: string): ManagedPolicyBreadth | undefined {
  return managedPolicyBreadth(name);
}

/**
 * The AWS managed policy a statement was expanded from, when the rule judges it: the execution policies
 * the platform attaches for logs, VPC, tracing and event sources are what Lambda needs, never findings; so is the
 * policy AWS prescribes for API Gateway's account-wide logging role (the CloudWatchRole CDK's RestApi creates).
 */
export function judgedManagedPolicy(statement: PolicyStatement): string | undefined {
  if (statement.origin.kind !== 'managed-policy') return undefined;
  return LAMBDA_EXECUTION_POLICIES.has(statement.origin.policy) ? undefined : statement.origin.policy;
}

const LAMBDA_EXECUTION_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaENIManagementAccess',
  'AWSXrayWriteOnlyAccess',
  'AWSXRayDaemonWriteAccess',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaBasicDurableExecutionRolePolicy',
  'AmazonAPIGatewayPushToCloudWatchLogs',
]);

/** The statement's resources for a message, each quoted as written (`describeResources` stays unquoted: keys use it). */
export function quoteResources(statement: PolicyStatement): string {
  if (statement.notResources.length > 0) return `everything except ${quoteEach(statement.notResources.map((r) => describeValue(r.value)))}`;
  if (statement.resources.length === 0) return '(no resource)';
  return quoteEach(statement.resources.map((r) => describeValue(r.value)));
}
