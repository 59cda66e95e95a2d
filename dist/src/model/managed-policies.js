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
/** A statement of bundled data (a managed policy, a platform grant), located where the user caused it. */
export function statementFromData(statement, path, location, origin) {
    const list = (key) => {
        const value = statement[key];
        if (value === undefined)
            return [];
        return (Array.isArray(value) ? value : [value]).map((item) => ({ value: item, location }));
    };
    const result = {
        path,
        effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
        actions: list('Action'),
        notActions: list('NotAction'),
        resources: list('Resource'),
        notResources: list('NotResource'),
        location,
        origin,
    };
    if (typeof statement.Sid === 'string')
        result.sid = statement.Sid;
    // `iam:PassedToService` and the like narrow a managed policy's `*`; the rules must see them.
    if (statement.Condition !== undefined)
        result.condition = statement.Condition;
    return result;
}
