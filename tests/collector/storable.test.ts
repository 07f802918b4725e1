import fc from 'fast-check';
import { inspectText, unstorableText } from '../../packages/collector/src/storable.js';

/** Any UTF-16 code unit, so lone surrogates and U+0000 come up often. */
const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyText = fc.string({ unit, maxLength: 12 });

/** PostgreSQL's own rule, as the platform states it: well-formed UTF-16 and no U+0000. */
const storable = (text: string) =>
  (text as string & { isWellFormed(): boolean }).isWellFormed() && !text.includes('\u0000');

describe('unstorableText', () => {
  it('flags a string exactly when PostgreSQL could not store it', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(unstorableText(text, 'x', 8) === undefined).toBe(storable(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds an unstorable string anywhere in nested props and names its path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 0, 1), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\u0000', '\ud83d', '\ude00', 'x\ud800y'),
        (path, bad) => {
          let value: unknown = bad;
          for (const step of [...path].reverse())
            value = typeof step === 'number' ? [...Array(step), value] : { [step]: value };
          const where = path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
          expect(unstorableText(value, 'props', 16)).toMatch(
            new RegExp(`^props${where.replace(/[[\].]/g, '\\$&')}: expected`),
          );
        },
      ),
    );
  });

  it.each([
    ['an emoji whole', '😀', undefined],
    ['a flag (two surrogate pairs)', '🇫🇷', undefined],
    ['U+0000', 'a\u0000', 'text without U+0000'],
    ['a high surrogate at the end', 'a\ud83d', 'lone surrogate'],
    ['a low surrogate alone', '\ude00b', 'lone surrogate'],
    ['two high surrogates', '\ud83d\ud83d\ude00', 'lone surrogate'],
  ])('reads %s', (_case, text, expected) => {
    const found = unstorableText(text, 'v', 4);
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(expected);
  });

  it('refuses keys that cannot be stored, and nesting deeper than the limit', () => {
    expect(unstorableText({ 'a\u0000': 1 }, 'props', 4)).toBe(
      'props: expected keys of text without U+0000 (PostgreSQL cannot store it)',
    );
    expect(unstorableText({ a: { b: { c: 1 } } }, 'props', 2)).toBe(
      'props.a.b: expected less nesting of objects and arrays',
    );
    expect(unstorableText({ a: { b: { c: 1 } } }, 'props', 3)).toBeUndefined();
  });

  it('counts the characters of every string and key it walks', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 9 }), fc.integer())),
        (props) => {
          const expected = Object.entries(props).reduce(
            (n, [k, v]) => n + k.length + (typeof v === 'string' ? v.length : 0),
            0,
          );
          expect(inspectText({ props }, 'event', 8).characters).toBe(expected + 'props'.length);
        },
      ),
    );
  });
});
