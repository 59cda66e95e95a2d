// Quotes text taken from the user's files (names, paths, variables) in messages, so a crafted name cannot pass for the tool's own words.
import { excerpt } from './excerpt.js';

/**
 * Characters JSON leaves as they are but a terminal, a log viewer or an editor acts on: DEL and the C1 controls
 * (U+009B is a terminal's CSI, U+0085 a line break), line and paragraph separators, and the invisible format
 * characters that reorder or hide text (bidi overrides and isolates, U+202E; zero-width marks; the BOM).
 */
const UNSAFE_IN_QUOTES = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `\u202e` for one code unit. */
export function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `getOrder` → `"getOrder"`. Quotes, backslashes and control characters inside are escaped as in JSON,
 * so `a" is fine. "b` stays one quoted name: `"a\" is fine. \"b"`; so are C1 controls, separators and bidi
 * overrides, which JSON would let through. Only an excerpt is shown (see excerpt()): credentials masked, at most
 * 120 characters.
 */
export function quote(text: string | number): string {
  return JSON.stringify(excerpt(String(text))).replace(UNSAFE_IN_QUOTES, unicodeEscape);
}

/** `"a", "b", "c"`: each name quoted, in the order given. */
export function quoteEach(names: readonly (string | number)[], separator = ', '): string {
  return names.map(quote).join(separator);
}

/** Line breaks of every kind: CRLF, a lone CR or LF, NEL, and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/;
/** Controls a terminal or a log acts on (all but tab and line feed), and the invisible format characters. */
const UNSAFE_IN_LOG = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Text for a terminal or a CI log (stderr messages, `rules`, `explain`), where user text may hide inside the tool's
 * words: every line break becomes `\n`, other controls are shown escaped (`\u001b`), and a line that would start a
 * GitHub Actions workflow command (`::error::`, `::add-mask::`, after the spaces the runner trims) is prefixed.
 */
export function printable(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => {
      const shown = line.replace(UNSAFE_IN_LOG, unicodeEscape);
      return /^\s*::/.test(shown) ? `| ${shown}` : shown;
    })
    .join('\n');
}

/** printable() on one line: line breaks become spaces (table rows, YAML comments, one-line listings). */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, ' ');
}

/**
 * JSON for reports (json, SARIF, policy): JSON.stringify, with the characters it leaves raw inside strings (C1
 * controls, separators, bidi overrides) written as `\u` escapes: the same data, and safe to print.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_QUOTES, unicodeEscape);
}
