// Request headers checked before they reach fetch(), which throws on an invalid one: a throw that
// would read as a network error and be retried forever, without a word.

/**
 * What is wrong with a header, or undefined when fetch() takes it. The platform's own rules
 * (RFC 9110 token names; values without NUL, CR, LF or characters beyond Latin-1) through
 * `Headers`, which applies them.
 */
export function headerProblem(name: string, value: string): string | undefined {
  try {
    new Headers([[name, value]]);
  } catch {
    return `bad header ${JSON.stringify(name)}`;
  }
}
