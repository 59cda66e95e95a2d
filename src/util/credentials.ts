// What a credential looks like by its value alone (key formats, private key blocks, URLs with a password): the
// analysis recognises one in an environment variable, and every echoed excerpt masks one.

export type SecretValueKind = 'aws-access-key-id' | 'private-key' | 'token' | 'url-password';

export interface SecretValueMatch {
  kind: SecretValueKind;
  /** What was recognised, for messages: "an AWS access key id", "a Stripe live key". */
  description: string;
}

interface TokenPattern {
  pattern: RegExp;
  description: string;
}

const AWS_ACCESS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/;

const PRIVATE_KEY_BLOCK = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

// Prefixes issued by the providers themselves, so a match is a credential whatever the variable is called.
// Each requires a body long enough that the bare prefix in documentation ("sk_live_...") does not match.
const TOKEN_PATTERNS: TokenPattern[] = [
  { pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}/, description: 'a Stripe live secret key' },
  { pattern: /\btok_live_[A-Za-z0-9]{10,}/, description: 'a live API token' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/, description: 'a GitHub token' },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/, description: 'a GitHub fine-grained token' },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, description: 'a GitLab personal access token' },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, description: 'a Slack token' },
  { pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/, description: 'a Slack webhook URL' },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}/, description: 'a Google API key' },
  { pattern: /\bnpm_[A-Za-z0-9]{36}/, description: 'an npm access token' },
  { pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/, description: 'a SendGrid API key' },
  { pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/, description: 'an Anthropic API key' },
  { pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/, description: 'an OpenAI API key' },
];

// scheme://user:password@host (user may be empty: redis://:password@host), the password being neither empty nor a placeholder for later substitution.
// The scheme is a look-behind, so matching starts only at "://" and stays linear ("a." x 100,000 once took 39 s).
const URL_WITH_PASSWORD = /(?<=[a-z][a-z0-9+.-]*):\/\/[^\s/:@]*:([^\s/@]+)@[^\s/@]+/i;

/** A private key block up to its END line (or the end of the text), so masking hides the key material too. */
const PRIVATE_KEY_SPAN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [^\n]*?-----|$)/;

/** Every credential shape, each matching the whole credential: for masking credentials inside echoed text. */
export const SECRET_VALUE_PATTERNS: readonly RegExp[] = [AWS_ACCESS_KEY_ID, PRIVATE_KEY_SPAN, ...TOKEN_PATTERNS.map((token) => token.pattern)];

/** The password of each `scheme://user:password@host` in `text` masked with `mask`. */
export function maskUrlPasswords(text: string, mask: (password: string) => string): string {
  if (!text.includes('://')) return text;
  const global = new RegExp(URL_WITH_PASSWORD.source, 'gi');
  return text.replace(global, (whole: string, password: string) => {
    if (isPlaceholderPassword(password)) return whole;
    const at = whole.indexOf(`:${password}@`);
    return `${whole.slice(0, at + 1)}${mask(password)}${whole.slice(at + 1 + password.length)}`;
  });
}

/** Recognises a credential by the shape of the value alone. */
export function detectSecretValue(value: string): SecretValueMatch | undefined {
  if (AWS_ACCESS_KEY_ID.test(value)) return { kind: 'aws-access-key-id', description: 'an AWS access key id' };
  if (PRIVATE_KEY_BLOCK.test(value)) return { kind: 'private-key', description: 'a private key' };
  for (const { pattern, description } of TOKEN_PATTERNS) {
    if (pattern.test(value)) return { kind: 'token', description };
  }
  const url = URL_WITH_PASSWORD.exec(value);
  if (url && !isPlaceholderPassword(url[1]!)) return { kind: 'url-password', description: 'a URL with an embedded password' };
  return undefined;
}

function isPlaceholderPassword(password: string): boolean {
  // postgres://app:${DB_PASSWORD}@db, mysql://u:****@h, redis://:<password>@h
  return /\$\{|\{\{|%[A-Z_]+%/.test(password) || /^\*+$/.test(password) || /^<[^>]*>$/.test(password);
}
