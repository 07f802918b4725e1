import { SANITIZE_LIMITS } from '@touchpoint/core';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sanitize } from '../../packages/core/src/sanitize.js';

const run = (props: unknown) => {
  const warn = vi.fn();
  return { out: sanitize(props, "track('x')", warn), messages: warn.mock.calls.map((c) => c[0]) };
};

describe('sanitize', () => {
  it('keeps plain JSON as it is', () => {
    expect(run({ a: 1, b: 'two', c: [true, null], d: { e: 'f' } }).out).toEqual({
      a: 1,
      b: 'two',
      c: [true, null],
      d: { e: 'f' },
    });
  });

  it.each([
    ['a function', { f: () => 1 }, {}, "track('x') props.f: a function is not JSON; dropped"],
    ['a symbol', { s: Symbol('s') }, {}, "track('x') props.s: a symbol is not JSON; dropped"],
    ['a BigInt', { n: 10n }, { n: '10' }, "track('x') props.n: bigint; sent as string"],
    ['NaN', { n: Number.NaN }, { n: null }, "track('x') props.n: NaN is not JSON; sent as null"],
    ['a Date', { d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }, undefined],
    ['undefined', { u: undefined, k: 1 }, { k: 1 }, undefined],
    [
      'a nested function',
      { a: { b: [() => 1] } },
      { a: { b: [null] } },
      "track('x') props.a.b.0: a function is not JSON; dropped",
    ],
  ])('reduces %s to JSON with one warning naming the field', (_, props, out, message) => {
    const result = run(props);
    expect(result.out).toEqual(out);
    expect(result.messages).toEqual(message ? [message] : []);
  });

  it('matches JSON.stringify for undefined in arrays, toJSON, inherited keys and shared objects', () => {
    const shared = { x: 1 };
    const inherited = Object.create({ hidden: 1 }) as Record<string, unknown>;
    inherited.own = 2;
    const props = {
      list: [undefined, 1, Symbol('s')],
      custom: { toJSON: (key: string) => `custom ${key}` },
      inherited,
      twice: [shared, shared],
    };
    expect(run(props).out).toEqual(JSON.parse(JSON.stringify(props)));
  });

  it("returns a copy, so the caller's props are never changed", () => {
    const props = { stage: 'purchase', nested: { a: 1 } };
    const out = run(props).out as typeof props;
    delete (out as Partial<typeof props>).stage;
    out.nested.a = 2;
    expect(props).toEqual({ stage: 'purchase', nested: { a: 1 } });
  });

  it('cuts cycles, deep nesting and oversized strings', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(run({ cyclic }).out).toEqual({ cyclic: { name: 'loop' } });
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(JSON.stringify(run(deep).out).split('deep').length - 1).toBe(SANITIZE_LIMITS.depth);
    const long = run({ s: 'x'.repeat(5000) });
    expect(String(long.out?.s).length).toBe(SANITIZE_LIMITS.string);
    expect(long.messages).toEqual(["track('x') props.s: too long; truncated"]);
  });

  it('drops props that are not an object, or that throw when read', () => {
    expect(run('text')).toEqual({ out: undefined, messages: ["track('x') props: not an object; dropped"] });
    const hostile = {
      get boom() {
        throw new Error('getter');
      },
    };
    expect(run(hostile).out).toBeUndefined();
  });

  it('warns once, naming where the cut began, and stops reading when a huge list spends the value budget', () => {
    let reads = 0;
    const list = new Proxy(Array(20000).fill(1), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const { out, messages } = run({ list });
    expect(messages).toEqual([`track('x') props.list: over ${SANITIZE_LIMITS.values} values; the rest cut`]);
    // The list counts as a value too; the props object does not.
    expect(out?.list).toHaveLength(SANITIZE_LIMITS.values - 1);
    expect(reads).toBeLessThanOrEqual(SANITIZE_LIMITS.values);
  });

  it('warns once per call when the budget runs out inside one value and more values follow', () => {
    const { out, messages } = run({ a: Array(600).fill(1), b: [2], c: 3 });
    expect(messages).toEqual([`track('x') props.a: over ${SANITIZE_LIMITS.values} values; the rest cut`]);
    expect(out).toEqual({ a: Array(SANITIZE_LIMITS.values - 1).fill(1) });
  });

  it('writes null for holes and dropped values in arrays, and keeps none of their other properties', () => {
    // A hole at 1 and 4, 5 past the last element, a property arrays carry but JSON does not.
    const list = Object.assign([1] as unknown[], { extra: 1 });
    list[2] = undefined;
    list[3] = () => 1;
    list.length = 6;
    const { out } = run({ list });
    expect(out).toEqual(JSON.parse(JSON.stringify({ list })));
    expect(out?.list).toEqual([1, null, null, null, null, null]);
  });

  it('warns once when an object has more keys than the value budget', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, { v: i }]));
    const { out, messages } = run(wide);
    expect(messages).toHaveLength(1);
    expect(Object.keys(out ?? {}).length).toBeLessThan(SANITIZE_LIMITS.values);
  });

  it('drops a JSON-parsed __proto__ key instead of letting it replace the prototype of the copy', () => {
    const { out, messages } = run(JSON.parse('{"__proto__": {"stage": "purchase"}, "a": 1}'));
    expect(out).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out && 'stage' in out).toBe(false);
    expect(messages).toEqual(["track('x') props.__proto__: not a usable key; dropped"]);
  });

  it('keeps exactly the documented number of values: 500 keys keep 500, a 501st is cut with one warning', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const exact = run(keys(SANITIZE_LIMITS.values));
    expect(Object.keys(exact.out ?? {})).toHaveLength(SANITIZE_LIMITS.values);
    expect(exact.messages).toEqual([]);
    const over = run(keys(SANITIZE_LIMITS.values + 1));
    expect(Object.keys(over.out ?? {})).toHaveLength(SANITIZE_LIMITS.values);
    expect(over.messages).toEqual([`track('x') props: over ${SANITIZE_LIMITS.values} values; the rest cut`]);
  });

  it('counts a nested object or array as one value besides its contents', () => {
    // 1 (the object) + 499 keys inside it = 500: all kept.
    const inner = Object.fromEntries(
      Array.from({ length: SANITIZE_LIMITS.values - 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(run({ inner })).toEqual({ out: { inner }, messages: [] });
  });

  it('cuts a long string on a code-point boundary, never inside a surrogate pair', () => {
    const { out, messages } = run({ query: `${'a'.repeat(SANITIZE_LIMITS.string - 1)}😀` });
    expect(out?.query).toBe('a'.repeat(SANITIZE_LIMITS.string - 1));
    expect(messages).toEqual(["track('x') props.query: too long; truncated"]);
    const pairs = run({ s: '😀'.repeat(SANITIZE_LIMITS.string) }).out?.s as string;
    expect(pairs).toBe('😀'.repeat(SANITIZE_LIMITS.string / 2));
  });

  it.each([
    ['a lone high surrogate', 'a\uD83Db', 'a\uFFFDb'],
    ['a lone low surrogate', '\uDE00x', '\uFFFDx'],
    ['reversed halves of a pair', '\uDE00\uD83D', '\uFFFD\uFFFD'],
    ['U+0000', 'nul\u0000here', 'nul\uFFFDhere'],
  ])('replaces %s by U+FFFD, in values and in keys, with a warning', (_, input, output) => {
    const { out, messages } = run({ s: input, [input]: 1, ok: '😀' });
    expect(out).toEqual({ s: output, [output]: 1, ok: '😀' });
    expect(messages).toContain("track('x') props.s: a lone surrogate or \\u0000; replaced by U+FFFD");
  });
});

/** A string of any UTF-16 units, lone surrogates and U+0000 included. */
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) });
const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 4, arbitrary: anyUnits },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 995, maxLength: 1005 }) },
);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 8 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 8 }),
    // Wide enough to reach the value limit now and then.
    fc.array(fc.integer(), { minLength: 480, maxLength: 520 }),
  ),
}));
const props = fc.dictionary(anyText, jsonish.value, { maxKeys: 6 });

/** Every string in a JSON value, keys included. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)])
      : [];
/** Values below the top, containers counted once besides their contents, as SANITIZE_LIMITS.values counts. */
const count = (value: unknown): number =>
  value && typeof value === 'object' ? Object.values(value).reduce((n: number, v) => n + 1 + count(v), 0) : 0;
const depth = (value: unknown): number =>
  value && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
const isWellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/.test(s);
const withinLimits = (value: unknown) =>
  strings(value).every((s) => isWellFormed(s) && s.length <= SANITIZE_LIMITS.string) &&
  count(value) <= SANITIZE_LIMITS.values &&
  depth(value) <= SANITIZE_LIMITS.depth + 1;

describe('sanitize, for any JSON-ish props', () => {
  it('never produces ill-formed text, never exceeds the limits, and equals JSON.stringify within them', () => {
    fc.assert(
      fc.property(props, (input) => {
        const { out } = run(input);
        const written = JSON.stringify(out ?? {});
        expect(withinLimits(JSON.parse(written))).toBe(true);
        // NaN and ±Infinity are where sanitize and JSON.stringify agree too (null), so only
        // a `__proto__` key, which sanitize drops, is set apart.
        if (withinLimits(input) && !strings(input).includes('__proto__'))
          expect(written).toBe(JSON.stringify(input));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
