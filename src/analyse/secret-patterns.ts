// Decides whether an environment variable holds a secret: by what its value looks like (util/credentials.ts)
// or by a secret-sounding name with a literal value.
import { detectSecretValue } from '../util/credentials.js';

/**
 * Whether an environment variable's literal value is a secret in plain text, as secrets/plaintext-env judges it:
 * such a value is never copied into another message (a resource name, a policy).
 */
export function holdsPlaintextSecret(name: string, value: string): boolean {
  if (isPlaceholderValue(value) || isDynamicReference(value)) return false;
  return detectSecretValue(value) !== undefined || (isSecretLikeName(name) && !isNonSecretValueFor(name, value));
}

/** CloudFormation dynamic references: the template holds a pointer, the value is fetched at deploy time. */
export function isDynamicReference(value: string): boolean {
  return /\{\{resolve:(?:ssm|ssm-secure|secretsmanager):[^}]*\}\}/.test(value);
}

/** Values that are obviously not the secret itself: empty, a to-do marker, a template to be filled in. */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (/^(?:TODO|TBD|FIXME|XXX)$/i.test(trimmed)) return true;
  // ${VAR}, {{ var }}: substituted by another tool before deploy.
  return /^\$\{[^}]*\}$/.test(trimmed) || /^\{\{[^}]*\}\}$/.test(trimmed);
}

/**
 * A slot for a credential, written to be filled in by hand: `YOUR-TWILIO-AUTH-TOKEN-HERE`, `<api-key>`,
 * `REPLACE_ME`, `changeme`, `xxxxxxxx`. Not a leaked secret, but the place where one will be committed.
 */
export function isCredentialSlot(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > 80) return false;
  if (/^<[^<>]{1,78}>$/.test(trimmed) || /^\[[^[\]]{1,78}\]$/.test(trimmed)) return true;
  if (/^(?:x{4,}|\*{4,}|\.{4,}|changeme|change[-_ ]me|replace[-_ ]?me|fill[-_ ]?me(?:[-_ ]?in)?|secret|password|token|api[-_ ]?key)$/i.test(trimmed)) return true;
  // YOUR_API_KEY, your-twilio-auth-token-here, INSERT_KEY_HERE, <<ENTER TOKEN>>, PUT_YOUR_SECRET_HERE
  return /^(?:your|insert|enter|put|paste|replace)(?:[-_ ](?:your|the))?[-_ ][a-z0-9]+(?:[-_ ][a-z0-9]+){0,8}$/i.test(trimmed) || /^[a-z0-9]+(?:[-_ ][a-z0-9]+){0,8}[-_ ]here$/i.test(trimmed);
}

/** Values that configure secret handling rather than hold a secret: flags, numbers, ARNs, paths. */
export function isNonSecretShape(value: string): boolean {
  const trimmed = value.trim();
  if (/^(?:true|false|yes|no|on|off|enabled|disabled|none|null|nil|n\/a)$/i.test(trimmed)) return true;
  // TTLs and sizes (3600, 15m); long digit strings can be keys.
  if (/^-?\d{1,10}(?:\.\d+)?[smhd]?$/.test(trimmed)) return true;
  if (/^arn:aws[a-z-]*:/.test(trimmed)) return true;
  if (/^alias\//.test(trimmed)) return true;
  // An SSM parameter name or a file path (/app/prod/db-password, ./keys/service.json).
  return /^\.{0,2}\/[\w./@-]*$/.test(trimmed);
}

// Words that make a name a secret on their own (PASSWORD, DB_PASS, GITHUB_TOKEN).
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'APIKEY',
  'PRIVATEKEY',
  'ACCESSKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
]);

// KEY is a secret only with one of these before it (API_KEY, SIGNING_KEY), not S3_KEY or PARTITION_KEY.
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'PRIVATE',
  'SECRET',
  'SIGNING',
  'SIGN',
  'ENCRYPTION',
  'ENCRYPT',
  'CRYPTO',
  'MASTER',
  'HMAC',
  'JWT',
  'AUTH',
  'CLIENT',
  'APP',
  'SESSION',
  'WEBHOOK',
  'SERVICE',
  'LICENSE',
  'SUBSCRIPTION',
  'CONSUMER',
  'ADMIN',
]);

// A last segment that says the variable holds a pointer to or a setting of a secret, not the secret.
const NON_SECRET_SUFFIXES = new Set([
  'ARN',
  'NAME',
  'ID',
  'IDS',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'HOSTNAME',
  'PORT',
  'TABLE',
  'BUCKET',
  'QUEUE',
  'TOPIC',
  'STREAM',
  'PATH',
  'FILE',
  'DIR',
  'PARAM',
  'PARAMS',
  'PARAMETER',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LIFETIME',
  'AGE',
  'TIMEOUT',
  'DURATION',
  'SECONDS',
  'MILLIS',
  'LENGTH',
  'SIZE',
  'COUNT',
  'LIMIT',
  'ENABLED',
  'DISABLED',
  'ENABLE',
  'DISABLE',
  'REQUIRED',
  'TYPE',
  'MODE',
  'PROVIDER',
  'REGION',
  'ISSUER',
  'AUDIENCE',
  'DOMAIN',
  'SCOPE',
  'SCOPES',
  'ALGORITHM',
  'VERSION',
  'FORMAT',
  'ALIAS',
  'ROLE',
  'PREFIX',
  'SUFFIX',
  'LEVEL',
  'STORE',
]);

// Settings of the AWS Parameters and Secrets Lambda extension (PARAMETERS_SECRETS_EXTENSION_HTTP_PORT).
const NON_SECRET_PREFIXES = ['PARAMETERS_SECRETS_EXTENSION_', 'SECRETS_MANAGER_', 'SSM_PARAMETER_STORE_'];

// AUTH names usually hold a mode (AUTH: cognito); these values are modes, not credentials.
const AUTH_MODES = /^(?:iam|aws_iam|jwt|cognito|oauth2?|oidc|basic|bearer|api_?key|lambda|custom)$/i;

/** Splits `resizerApiToken`, `RESIZER_API_TOKEN`, `db-password` into upper-case words. */
export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((s) => s !== '');
}

/** True when a variable of this name is meant to hold a credential (DB_PASSWORD, STRIPE_API_KEY, AUTH_TOKEN). */
export function isSecretLikeName(name: string): boolean {
  const upper = nameSegments(name).join('_');
  if (NON_SECRET_PREFIXES.some((prefix) => upper.startsWith(prefix))) return false;
  const segments = upper.split('_');
  const last = segments[segments.length - 1];
  if (last === undefined || NON_SECRET_SUFFIXES.has(last)) return false;
  // DB_PASS, SMTP_PWD; but PASS_THROUGH, and PWD alone is the shell's working directory.
  if ((last === 'PASS' || last === 'PWD') && segments.length > 1) return true;
  return segments.some((segment, index) => {
    if (SECRET_WORDS.has(segment)) return true;
    // DBPASSWORD, ADMINPASSWORD: written without a separator.
    if (/PASSWORD|PASSWD/.test(segment)) return true;
    if (segment === 'KEY' && index > 0 && KEY_QUALIFIERS.has(segments[index - 1]!)) return true;
    // BASIC_AUTH, AUTH_KEY, AUTHORIZATION, AUTH_HEADER: not AUTH_MODE (ends in a non-secret suffix).
    return (segment === 'AUTH' || segment === 'AUTHORIZATION') && ['AUTH', 'AUTHORIZATION', 'KEY', 'HEADER', 'VALUE', 'STRING'].includes(last);
  });
}

/** True when a secret-like name's literal value still is not a credential (AUTH_ENABLED: "true", AUTH: cognito). */
export function isNonSecretValueFor(name: string, value: string): boolean {
  if (isNonSecretShape(value)) return true;
  const segments = nameSegments(name);
  // TOKEN_HEADER: X-Api-Token names the header; AUTH_HEADER: "Bearer abc123" is the credential.
  if (segments[segments.length - 1] === 'HEADER' && /^[A-Za-z]+(?:-[A-Za-z]+)*$/.test(value.trim())) return true;
  const onlyAuth = !segments.some((s) => SECRET_WORDS.has(s) || /PASSWORD|PASSWD/.test(s)) && segments.some((s) => s === 'AUTH' || s === 'AUTHORIZATION');
  return onlyAuth && AUTH_MODES.test(value.trim());
}
