// Values a manifest can hold that noops-lint cannot know statically, and CloudFormation intrinsics.
/** A value that could not be resolved statically (`${ssm:...}`, `Fn::ImportValue`, a missing variable). Rules never judge it. */
export class Unresolved {
    text;
    reason;
    constructor(
    /** The text as the user wrote it, for messages. */
    text, 
    /** Why it could not be resolved, as a sentence fragment: "SSM parameters are read at deploy time". */
    reason) {
        this.text = text;
        this.reason = reason;
    }
    toJSON() {
        return { unresolved: this.text };
    }
}
export function isUnresolved(value) {
    return value instanceof Unresolved;
}
const INTRINSIC_KEYS = new Set([
    'Ref',
    'Condition',
    'Fn::GetAtt',
    'Fn::Sub',
    'Fn::Join',
    'Fn::If',
    'Fn::Select',
    'Fn::Split',
    'Fn::FindInMap',
    'Fn::ImportValue',
    'Fn::Base64',
    'Fn::GetAZs',
    'Fn::Equals',
    'Fn::Not',
    'Fn::And',
    'Fn::Or',
    'Fn::Cidr',
    'Fn::Transform',
    'Fn::Length',
    'Fn::ToJsonString',
    'Fn::ForEach',
]);
/** `{ Ref: X }`, `{ "Fn::GetAtt": [...] }` and the other single-key intrinsic forms. */
export function isIntrinsic(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const keys = Object.keys(value);
    return keys.length === 1 && INTRINSIC_KEYS.has(keys[0]);
}
export function intrinsicName(value) {
    return Object.keys(value)[0];
}
/** The short YAML tag (`!GetAtt`) to long-form key (`Fn::GetAtt`) table. */
export const SHORT_TAGS = {
    '!Ref': 'Ref',
    '!Condition': 'Condition',
    '!GetAtt': 'Fn::GetAtt',
    '!Sub': 'Fn::Sub',
    '!Join': 'Fn::Join',
    '!If': 'Fn::If',
    '!Select': 'Fn::Select',
    '!Split': 'Fn::Split',
    '!FindInMap': 'Fn::FindInMap',
    '!ImportValue': 'Fn::ImportValue',
    '!Base64': 'Fn::Base64',
    '!GetAZs': 'Fn::GetAZs',
    '!Equals': 'Fn::Equals',
    '!Not': 'Fn::Not',
    '!And': 'Fn::And',
    '!Or': 'Fn::Or',
    '!Cidr': 'Fn::Cidr',
    '!Transform': 'Fn::Transform',
    '!Length': 'Fn::Length',
    '!ToJsonString': 'Fn::ToJsonString',
};
/** True for a plain string (resolved); false for Unresolved values and intrinsics. */
export function isLiteralString(value) {
    return typeof value === 'string';
}
/** A short human form of a value for messages: `!GetAtt OrdersTable.Arn`, `${ssm:/x}`, `"*"`. */
export function describeValue(value) {
    if (typeof value === 'string')
        return value;
    if (value instanceof Unresolved)
        return value.text;
    if (isIntrinsic(value)) {
        const name = intrinsicName(value);
        const arg = value[name];
        const short = name === 'Ref' ? '!Ref' : `!${name.replace(/^Fn::/, '')}`;
        if (name === 'Fn::GetAtt' && Array.isArray(arg))
            return `${short} ${arg.map(describeValue).join('.')}`;
        if (typeof arg === 'string')
            return `${short} ${arg}`;
        return `${short} ${JSON.stringify(arg)}`;
    }
    return JSON.stringify(value) ?? String(value);
}
