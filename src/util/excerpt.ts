// The one way a value taken from the user's files is echoed in a message: short, and with anything that looks
// like a credential masked, so a manifest cannot turn a report into a copy of a file it includes.
import { maskSecret } from './mask-secret.js';
import { maskUrlPasswords, SECRET_VALUE_PATTERNS } from './credentials.js';

export const EXCERPT_LIMITS = {
  /** Characters of one quoted value (a name, a path, an action); longer values are cut and end with `…`. */
  maxChars: 120,
  /** Characters of one value put in a rule message (lists of names included). */
  maxMessageValueChars: 400,
};

/** The shortest credential any pattern recognises (a Slack token); shorter text without a URL needs no scan. */
const SHORTEST_SECRET = 15;

/**
 * `value` as it may appear in a message: credential-looking parts (AWS keys, provider tokens, private key
 * blocks, URL passwords) masked to their first characters, then cut to `max` characters.
 */
export function excerpt(value: string, max = EXCERPT_LIMITS.maxChars): string {
  let text = maskSecretsIn(value);
  if (text.length > max) {
    let end = max - 1;
    // Never cut a surrogate pair in half.
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    text = `${text.slice(0, end)}…`;
  }
  return text;
}

/** `text` with every credential-looking part masked (`ghp_********`), the rest unchanged. */
export function maskSecretsIn(text: string): string {
  if (text.length < SHORTEST_SECRET && !text.includes('://')) return text;
  let masked = text;
  for (const pattern of SECRET_VALUE_PATTERNS) {
    if (!pattern.test(masked)) continue;
    masked = masked.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), (match) => maskSecret(match));
  }
  return maskUrlPasswords(masked, (password) => maskSecret(password));
}
