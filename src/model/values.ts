// Values a manifest can hold that noops-lint cannot know statically, and CloudFormation intrinsics.

/** A value that could not be resolved statically (`${ssm:...}`, `Fn::ImportValue`, a missing variable). Rules never judge it. */
export class Unresolved {
  constructor(
    /** The text as the user wrote it, for messages. */
    readonly text: string,
    /** Why it could not be resolved, as a sentence fragment: "SSM parameters are read at deploy time". */
    readonly reason: string,
    /**
     * The framework resolves `text` when it deploys (`${cf:stack.Output}`, `${ssm:/path}`): written as it is in the
     * manifest, it still names the value, so a derived policy can name a resource by it.
     */
    readonly deployTime = false,
  ) {}

  toJSON(): { unresolved: string } {
    return { unresolved: this.text };
  }
}

export function isUnresolved(value: unknown): value is Unresolved {
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
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC_KEYS.has(keys[0]!);
}

export function intrinsicName(value: Record<string, unknown>): string {
  return Object.keys(value)[0]!;
}

/** The short YAML tag (`!GetAtt`) to long-form key (`Fn::GetAtt`) table. */
export const SHORT_TAGS: Record<string, string> = {
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
export function isLiteralString(value: unknown): value is string {
  return typeof value === 'string';
}

/** A short human form of a value for messages: `!GetAtt OrdersTable.Arn`, `${ssm:/x}`, `"*"`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Unresolved) return value.text;
  if (isIntrinsic(value)) {
    const name = intrinsicName(value);
    const arg = value[name];
    const short = name === 'Ref' ? '!Ref' : `!${name.replace(/^Fn::/, '')}`;
    if (name === 'Fn::GetAtt' && Array.isArray(arg)) return `${short} ${arg.map(describeValue).join('.')}`;
    if (typeof arg === 'string') return `${short} ${arg}`;
    // A joined or substituted string reads best as people write it with !Sub: `!Sub ${Bucket.Arn}/private/*`.
    const written = subText(value, 0);
    if (written !== undefined) return `!Sub ${written}`;
    if (name === 'Fn::If' && Array.isArray(arg) && arg.length === 3) return `${short} [${arg.map(describeValue).join(', ')}]`;
    return `${short} ${JSON.stringify(arg)}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** The text of a `Fn::Join` or `Fn::Sub` as a !Sub template (`${X}`, `${X.Arn}`), or undefined for other shapes. */
function subText(value: unknown, depth: number): string | undefined {
  if (depth > 8) return undefined;
  if (typeof value === 'string') return value;
  if (!isIntrinsic(value)) return undefined;
  const name = intrinsicName(value);
  const arg = value[name];
  if (name === 'Ref' && typeof arg === 'string') return `\${${arg}}`;
  if (name === 'Fn::GetAtt') {
    const parts = Array.isArray(arg) ? arg : typeof arg === 'string' ? arg.split('.') : [];
    return parts.length >= 2 && parts.every((p) => typeof p === 'string') ? `\${${parts.join('.')}}` : undefined;
  }
  if (name === 'Fn::Sub') return typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
  if (name === 'Fn::Join' && Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    const parts = arg[1].map((part) => subText(part, depth + 1) ?? (isIntrinsic(part) || part instanceof Unresolved ? `\${${describeValue(part)}}` : undefined));
    return parts.every((p) => p !== undefined) ? parts.join(arg[0]) : undefined;
  }
  return undefined;
}

/** `{{resolve:ssm:...}}`, `{{resolve:ssm-secure:...}}`, `{{resolve:secretsmanager:...}}`: CloudFormation dynamic references. */
const DYNAMIC_REFERENCE = /\{\{resolve:[^}]*\}\}/;

/**
 * True when a manifest value (a string, or an intrinsic such as `Fn::Sub`/`Fn::Join` with string parts) holds a
 * CloudFormation dynamic reference: CloudFormation replaces it when it deploys the stack, so the value is not known.
 */
export function hasDynamicReference(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('{{resolve:') && DYNAMIC_REFERENCE.test(value);
  if (depth > 8 || value === null || typeof value !== 'object' || isUnresolved(value)) return false;
  if (Array.isArray(value)) return value.some((item) => hasDynamicReference(item, depth + 1));
  return Object.values(value as Record<string, unknown>).some((item) => hasDynamicReference(item, depth + 1));
}

/** A value holding a dynamic reference, as an unresolved one (deploy-time: the text still names it in a policy). */
export function withoutDynamicReference(value: unknown): unknown {
  if (!hasDynamicReference(value)) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return new Unresolved(text, 'CloudFormation resolves dynamic references ({{resolve:...}}) when it deploys the stack', true);
}
