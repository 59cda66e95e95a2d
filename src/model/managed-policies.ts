// The AWS managed policies noops-lint knows the content of (src/data/managed-policies.json), read once.
import { readPackageJson } from '../util/package-root.js';
import type { Location } from './location.js';
import type { Located, PolicyStatement, StatementOrigin } from './project.js';

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` -> its name in group 1. */
export const AWS_MANAGED_POLICY_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

export interface ManagedPolicyData {
  arn: string;
  document: { Statement: Record<string, unknown>[] };
}

let cached: Record<string, ManagedPolicyData> | undefined;

/** Known AWS managed policies by name. */
export function managedPolicies(): Record<string, ManagedPolicyData> {
  cached ??= readPackageJson<{ policies: Record<string, ManagedPolicyData> }>('src/data/managed-policies.json').policies;
  return cached;
}

/** A statement of bundled data (a managed policy, a platform grant), located where the user caused it. */
export function statementFromData(statement: Record<string, unknown>, path: string, location: Location, origin: StatementOrigin): PolicyStatement {
  const list = (key: string): Located[] => {
    const value = statement[key];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => ({ value: item, location }));
  };
  const result: PolicyStatement = {
    path,
    effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: list('Action'),
    notActions: list('NotAction'),
    resources: list('Resource'),
    notResources: list('NotResource'),
    location,
    origin,
  };
  if (typeof statement.Sid === 'string') result.sid = statement.Sid;
  // `iam:PassedToService` and the like narrow a managed policy's `*`; the rules must see them.
  if (statement.Condition !== undefined) result.condition = statement.Condition;
  return result;
}
