// Quotes text taken from the user's files (names, paths, variables) in messages, so a crafted name cannot pass for the tool's own words.
/**
 * `getOrder` → `"getOrder"`. Quotes, backslashes and control characters inside are escaped as in JSON,
 * so `a" is fine. "b` stays one quoted name: `"a\" is fine. \"b"`.
 */
export function quote(text) {
    return JSON.stringify(String(text));
}
/** `"a", "b", "c"`: each name quoted, in the order given. */
export function quoteEach(names, separator = ', ') {
    return names.map(quote).join(separator);
}
