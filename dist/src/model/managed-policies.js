// The AWS managed policies noops-lint knows the content of (src/data/managed-policies.json), read once.
import { readPackageJson } from '../util/package-root.js';
/** `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole` -> its name in group 1. */
export const AWS_MANAGED_POLICY_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
let cached;
/** Known AWS managed policies by name. */
export function managedPolicies() {
    cached ??= readPackageJson('src/data/managed-policies.json').policies;
    return cached;
}
