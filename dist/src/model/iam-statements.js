import { locationOfValue } from './positions.js';
import { describeValue, intrinsicName, isIntrinsic } from './values.js';
import { quote, quoteEach } from '../util/quote.js';
/**
 * The plain strings among located values (actions or resources), each at its own line. Unresolved
 * values, intrinsics and strings still holding a `${...}` variable are left out: they are never judged.
 */
export function literalValues(values) {
    const result = [];
    for (const located of values) {
        const value = located.value;
        if (typeof value === 'string') {
            if (!value.includes('${'))
                result.push({ text: value.trim(), location: located.location });
        }
        else if (Array.isArray(value)) {
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
export function allLiteral(values) {
    return values.every((v) => typeof v.value === 'string' && !v.value.includes('${'));
}
/** `Resource: "*"`; an ARN ending in `:*` or an unresolved value is not. */
export function isWildcardResourceValue(value) {
    return typeof value === 'string' && value.trim() === '*';
}
export function hasWildcardResource(statement) {
    return statement.resources.some((r) => isWildcardResourceValue(r.value));
}
/** The statement's resources as written, for messages and keys (`*`, `!GetAtt OrdersTable.Arn`). */
export function describeResources(statement) {
    if (statement.notResources.length > 0)
        return `everything except ${statement.notResources.map((r) => describeValue(r.value)).join(', ')}`;
    if (statement.resources.length === 0)
        return '(no resource)';
    return statement.resources.map((r) => describeValue(r.value)).join(', ');
}
/** The finding key the IAM rules share: role, statement, action, resource, without line numbers. */
export function statementKey(role, statement, action, resource) {
    return `${role.id}|${statement.path}|${action}|${resource}`;
}
/** The functions using a role, each quoted, for messages: `"getOrder"`, `"a", "b" and "c"`, `"a", "b", "c" and 4 more functions`. */
export function describeRoleUsers(role) {
    const names = role.functions.map((f) => quote(f.name));
    if (names.length === 0)
        return `the role ${quote(role.name)}`;
    if (names.length === 1)
        return names[0];
    if (names.length <= 4)
        return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more functions`;
}
/** The function a finding is about, when the role serves exactly one. */
export function soleFunctionName(role) {
    return role.functions.length === 1 ? role.functions[0].name : undefined;
}
/** Statements added by the framework (log groups, event sources, VPC) are not the user's choice. */
export function isPlatformStatement(statement) {
    return statement.origin.kind === 'platform';
}
/** Written out in the manifest by the user, as opposed to expanded from a SAM template or managed policy. */
export function isInlineStatement(statement) {
    return statement.origin.kind === 'inline';
}
const AWS_MANAGED_POLICY_ARN = /^arn:(?:aws|aws-cn|aws-us-gov|\$\{AWS::Partition\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const POLICY_NAME = /^[\w+=,.@-]+$/;
/**
 * The AWS managed policy a reference names: `AdministratorAccess`,
 * `arn:aws:iam::aws:policy/AdministratorAccess`, `!Sub arn:${AWS::Partition}:iam::aws:policy/...`,
 * or a `Fn::Join` of those pieces. Undefined for customer policies and values that cannot be read.
 */
export function managedPolicyName(reference) {
    if (reference.name)
        return reference.name;
    const text = managedPolicyText(reference.value);
    if (text === undefined)
        return undefined;
    const arn = AWS_MANAGED_POLICY_ARN.exec(text);
    if (arn)
        return arn[1];
    return !text.startsWith('arn:') && POLICY_NAME.test(text) ? text : undefined;
}
function managedPolicyText(value) {
    if (typeof value === 'string')
        return value.trim();
    if (!isIntrinsic(value))
        return undefined;
    const name = intrinsicName(value);
    const argument = value[name];
    if (name === 'Fn::Sub') {
        const template = Array.isArray(argument) ? argument[0] : argument;
        return typeof template === 'string' ? template.trim() : undefined;
    }
    if (name === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && Array.isArray(argument[1])) {
        const parts = [];
        for (const part of argument[1]) {
            if (typeof part === 'string')
                parts.push(part);
            else if (isIntrinsic(part) && intrinsicName(part) === 'Ref' && part.Ref === 'AWS::Partition')
                parts.push('${AWS::Partition}');
            else
                return undefined;
        }
        return parts.join(argument[0]);
    }
    return undefined;
}
/** AWS managed policies that grant (nearly) everything in the account or in one service. */
export function administrativePolicyKind(name) {
    // AdministratorAccess-Amplify and AdministratorAccess-AWSElasticBeanstalk are as broad in practice.
    if (name === 'AdministratorAccess' || name.startsWith('AdministratorAccess-'))
        return 'administrator';
    if (name === 'PowerUserAccess')
        return 'power-user';
    if (/FullAccess$/.test(name))
        return 'full-access';
    return undefined;
}
/**
 * The AWS managed policy a statement was expanded from, when the rule judges it: the execution policies
 * the platform attaches for logs, VPC, tracing and event sources are what Lambda needs, never findings.
 */
export function judgedManagedPolicy(statement) {
    if (statement.origin.kind !== 'managed-policy')
        return undefined;
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
]);
/** The statement's resources for a message, each quoted as written (`describeResources` stays unquoted: keys use it). */
export function quoteResources(statement) {
    if (statement.notResources.length > 0)
        return `everything except ${quoteEach(statement.notResources.map((r) => describeValue(r.value)))}`;
    if (statement.resources.length === 0)
        return '(no resource)';
    return quoteEach(statement.resources.map((r) => describeValue(r.value)));
}
