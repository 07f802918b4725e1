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

/** What one walk over a value found: the first unstorable place, and the characters of its strings and keys. */
export interface TextFacts {
  error: string | undefined;
  characters: number;
}

/**
 * Walks `value` (a string, or strings and keys nested in objects and arrays) once: the
 * first place that cannot be stored, as `path: expected …`, and how many characters its
 * strings and keys hold (the walk is there anyway; serializing each event to measure it
 * cost more than the rest of validation). Nesting deeper than `maxDepth` is refused too:
 * the walk, and PostgreSQL's parser, have a stack.
 */
export function inspectText(value: unknown, path: string, maxDepth: number): TextFacts {
  const facts: TextFacts = { error: undefined, characters: 0 };
  walk(value, path, maxDepth, facts);
  return facts;
}

function walk(value: unknown, path: string, depth: number, facts: TextFacts): void {
  if (typeof value === 'string') {
    facts.characters += value.length;
    if (UNSTORABLE.test(value)) facts.error = `${path}: expected ${reasonOf(value)}`;
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth <= 0) {
    facts.error = `${path}: expected less nesting of objects and arrays`;
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && !facts.error; i++) walk(value[i], `${path}[${i}]`, depth - 1, facts);
    return;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    facts.characters += key.length;
    if (UNSTORABLE.test(key)) facts.error = `${path}: expected keys of ${reasonOf(key)}`;
    else walk((value as Record<string, unknown>)[key], `${path}.${key}`, depth - 1, facts);
    if (facts.error) return;
  }
}

/** The first place in `value` that cannot be stored, or undefined. */
export const unstorableText = (value: unknown, path: string, maxDepth: number): string | undefined =>
  inspectText(value, path, maxDepth).error;
