import { describe, expect, it } from 'vitest';
import type { Format } from '../../packages/adapter/src/format';
import { buildPayload, checkPayload } from '../../packages/adapter/src/payload';
import type { Item } from '../../packages/adapter/src/queue';

const items = (count: number, pad = 0): Item[] =>
  Array.from({ length: count }, (_, i) => [
    `k${i}`,
    JSON.stringify({ id: `e${i}`, type: 'track', pad: 'x'.repeat(pad) }),
  ]);

describe('checkPayload', () => {
  it.each([
    ['{ body }', { body: '[]' }],
    ['{ body, headers }', { body: '[]', headers: { 'X-Key': 'k1' } }],
    ['an empty body', { body: '' }],
  ])('takes %s', (_name, value) => {
    expect(checkPayload(value)).toBe(value);
  });

  it.each([
    ['a string', '[]'],
    ['a Promise', Promise.resolve({ body: '[]' })],
    ['a body that is an object', { body: { events: [] } }],
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(() => checkPayload(value)).toThrow(new TypeError('format must return { body: string, headers? }'));
  });

  it('names a header fetch() would refuse', () => {
    expect(() => checkPayload({ body: '[]', headers: { 'X-Key': 'a\nb' } })).toThrow(
      new TypeError('format returned a bad header "X-Key"'),
    );
  });
});

describe('buildPayload', () => {
  const ids: Format = (events) => ({ body: JSON.stringify(events.map((e) => e.id)) });

  it('formats every item when the body fits', () => {
    const [payload, count] = buildPayload(ids, items(3), 0, 1000);
    expect([payload.body, count]).toEqual(['["e0","e1","e2"]', 3]);
  });

  it('cuts the batch until the formatted body fits', () => {
    const whole: Format = (events) => ({ body: JSON.stringify(events) });
    const [payload, count] = buildPayload(whole, items(10, 100), 0, 400);
    expect(count).toBeLessThan(10);
    expect(new TextEncoder().encode(payload.body).length).toBeLessThanOrEqual(400);
  });

  it('sends one event larger than the limit alone rather than nothing', () => {
    expect(buildPayload(ids, items(1, 5000), 0, 10)[1]).toBe(1);
  });

  it('gives the format fresh copies it may change, and the dropped count', () => {
    const stored = items(1);
    const seen: unknown[] = [];
    buildPayload(
      (events, dropped) => {
        seen.push(dropped);
        (events[0] as { id: string }).id = 'changed';
        return { body: '' };
      },
      stored,
      3,
      100,
    );
    expect(seen).toEqual([3]);
    expect(stored[0]?.[1]).toContain('"e0"');
  });
});
