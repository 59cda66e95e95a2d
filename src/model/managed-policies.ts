// The AWS managed policies noops-lint knows the content of (src/data/managed-policies.json), read once.
import { readPackageJson } from '../util/package-root.js';

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
