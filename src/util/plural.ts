// Counted nouns for messages: `1 file`, `3 files`.

/** `count noun`, with an `s` unless the count is one (the nouns used are regular). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A list for a message, at most `max` names long: `a, b or c`; longer lists keep the first names and count the
 * rest (`a, b, c or 7 others`), so an action with a dozen resource types does not fill a line.
 */
export function summarisedList(names: readonly string[], conjunction: 'and' | 'or', max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} ${conjunction} ${plural(names.length - max, 'other')}`;
}

/**
 * `a table`, `an AWS::SQS::Queue`, `an SQS client`, `a URL`, `a DynamoDB table`: the indefinite article by how the
 * phrase is read. An acronym (two capitals, or a capital and a digit, first) is read letter by letter: A, E, F, H, I,
 * L, M, N, O, R, S and X then take `an`.
 */
export function withArticle(phrase: string): string {
  const an = /^[A-Z][A-Z0-9]/.test(phrase) ? /^[AEFHILMNORSX]/.test(phrase) : /^[aeiou]/i.test(phrase) && !/^(uni|use|usu|ut|eu|one)/i.test(phrase);
  return `${an ? 'an' : 'a'} ${phrase}`;
}
