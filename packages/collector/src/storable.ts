// Text PostgreSQL can never store. `text` refuses U+0000 and `jsonb` refuses its `\u0000`
// escape; `jsonb` also refuses a lone surrogate (`"\ud83d"`, what cutting "😀" in half
// leaves), which JSON.stringify writes as an escape since ES2019. Such an event fails the
// same way on every retry, so it is refused alone instead of failing its batch with a 503.

/** U+0000, or a high surrogate not followed by a low one, or a low one without a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what this looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const reasonOf = (text: string) =>
  text.match(UNSTORABLE)?.[0] === '\u0000'
    ? 'text without U+0000 (PostgreSQL cannot store it)'
    : 'well-formed text: a lone surrogate (half of an emoji?) cannot be stored';

/**
 * The first place in `value` (a string, a key, or a string nested in objects and arrays)
 * that cannot be stored, as `path: expected …`, or undefined. Nesting deeper than
 * `maxDepth` is refused too: the walk, and PostgreSQL's parser, have a stack.
 */
export function unstorableText(value: unknown, path: string, maxDepth: number): string | undefined {
  if (typeof value === 'string')
    return UNSTORABLE.test(value) ? `${path}: expected ${reasonOf(value)}` : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (maxDepth <= 0) return `${path}: expected less nesting of objects and arrays`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], `${path}[${i}]`, maxDepth - 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return `${path}: expected keys of ${reasonOf(key)}`;
    const found = unstorableText(item, `${path}.${key}`, maxDepth - 1);
    if (found) return found;
  }
  return undefined;
}
