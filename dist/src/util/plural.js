// Counted nouns for messages: `1 file`, `3 files`.
/** `count noun`, with an `s` unless the count is one (the nouns used are regular). */
export function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
