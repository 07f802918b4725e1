import { describe, expect, it } from 'vitest';
import { canonicalJson, configHash } from '../../packages/core/src/config-hash';
import type { Survey } from '../../packages/core/src/types';
import { validateConfig } from '../../packages/core/src/validate';
import spec from './configs/good-spec.json';

type Draft = { version: unknown; limits?: unknown; surveys: Survey[] };
const first = (c: Draft) => c.surveys[0] as Survey & { when: { pages: string[] }; cooldownDays: number };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The same object with its keys written in reverse order, at every depth. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reversed)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v;

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    [[1, 'x', true, null], '[1,"x",true,null]'],
    ['é "quoted"', '"é \\"quoted\\""'],
    [{ gone: undefined, kept: 1 }, '{"kept":1}'],
    [[undefined], '[null]'],
  ])('writes %j as %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it('writes a cycle as null instead of throwing', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(canonicalJson(a)).toBe('{"self":null,"x":1}');
  });

  it('writes an object used twice (not a cycle) both times, as its JSON would be', () => {
    const when = { pages: ['/a'] };
    const shared = { surveys: [{ when }, { when }] };
    expect(canonicalJson(shared)).toBe('{"surveys":[{"when":{"pages":["/a"]}},{"when":{"pages":["/a"]}}]}');
    expect(configHash(shared)).toBe(configHash(JSON.parse(JSON.stringify(shared))));
  });

  it('parses back to a value deep-equal to the input', () => {
    expect(JSON.parse(canonicalJson(spec))).toEqual(spec);
  });
});

describe('configHash', () => {
  it('is eight hex digits', () => {
    expect(configHash(spec)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('is the same for the same configuration with its keys in another order', () => {
    const shuffled = reversed(spec);
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(spec));
    expect(configHash(shuffled)).toBe(configHash(spec));
  });

  it('is the same after a JSON round trip with other indentation', () => {
    expect(configHash(JSON.parse(JSON.stringify(spec, null, 4)))).toBe(configHash(spec));
  });

  it.each<[string, (c: Draft) => void]>([
    ['a question reworded', (c) => (first(c).question += '!')],
    ['a sample rate changed', (c) => (first(c).sample = 0.5)],
    ['a number changed by one', (c) => (first(c).cooldownDays += 1)],
    ['a page glob added', (c) => first(c).when.pages.push('/x')],
    ['a survey added', (c) => c.surveys.push({ id: 'z', metric: 'nps', question: 'q' })],
    ['a limit removed', (c) => delete c.limits],
    ['a value turned into a string', (c) => (c.version = '1')],
  ])('changes when %s', (_, edit) => {
    const edited = clone(spec) as Draft;
    edit(edited);
    expect(configHash(edited)).not.toBe(configHash(spec));
  });

  it('changes when the order of surveys changes, since config order decides which wins', () => {
    const two = { version: 1, surveys: [{ id: 'a' }, { id: 'b' }] };
    const swapped = { version: 1, surveys: [{ id: 'b' }, { id: 'a' }] };
    expect(configHash(swapped)).not.toBe(configHash(two));
  });

  it('is FNV-1a with the Murmur3 finalizer, so a hash recorded by one release still names the same configuration', () => {
    // Computed independently (Python, 32-bit arithmetic) over '{"version":1}'.
    expect(configHash({ version: 1 })).toBe('f1e5da7f');
  });

  it('names the validated configuration: a $schema key or an ignored unknown key keeps the hash', () => {
    const named = (raw: unknown) => configHash(validateConfig(raw).config);
    const schema = './node_modules/@touchpoint/core/schema/touchpoint.config.schema.json';
    expect(named({ $schema: schema, ...spec })).toBe(named(spec));
    expect(named({ ...spec, theme: 'dark' })).toBe(named(spec));
    expect(named({ ...spec, limits: { maxPerSession: 2 } })).not.toBe(named(spec));
  });
});
