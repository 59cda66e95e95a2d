// Masks a secret for messages and reports: enough of its start to recognise it, never the value itself.

/** Fixed, so the mask does not reveal the secret's length. */
const MASK = '********';

/**
 * Keeps at most the first `visible` characters (4 by default) and replaces the rest with a fixed mask:
 * `tok_live_4f9a…` becomes `tok_********`. Short values show less, so a mask never reveals more than
 * a quarter of the secret (`changeme` becomes `ch********`).
 */
export function maskSecret(value: string, visible = 4): string {
  const characters = [...value];
  const shown = Math.max(0, Math.min(visible, Math.floor(characters.length / 4)));
  // Line breaks and control characters would break one-line output formats.
  const prefix = characters
    .slice(0, shown)
    .map((c) => (/[\p{Cc}\p{Z}]/u.test(c) ? '*' : c))
    .join('');
  return prefix + MASK;
}
