// Quotes text taken from the user's files (names, paths, variables) in messages, so a crafted name cannot pass for the tool's own words.
import { excerpt } from './excerpt.js';

/**
 * `getOrder` → `"getOrder"`. Quotes, backslashes and control characters inside are escaped as in JSON,
 * so `a" is fine. "b` stays one quoted name: `"a\" is fine. \"b"`. Only an excerpt is shown (see excerpt()):
 * credentials masked, at most 120 characters.
 */
export function quote(text: string | number): string {
  return JSON.stringify(excerpt(String(text)));
}

/** `"a", "b", "c"`: each name quoted, in the order given. */
export function quoteEach(names: readonly (string | number)[], separator = ', '): string {
  return names.map(quote).join(separator);
}
