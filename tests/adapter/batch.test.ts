import { describe, expect, it } from 'vitest';
import { fitCount, toJson, utf8Bytes } from '../../packages/adapter/src/batch';

describe('fitCount', () => {
  it.each([
    ['the share that fits, for events of one size', 20, 6000, 3000, 10],
    ['rounding down', 3, 2100, 2000, 2],
    ['always fewer than before', 10, 1001, 1000, 9],
    ['at least one, for an event larger than the limit', 2, 9000, 1000, 1],
  ])('cuts a batch over the byte limit to %s', (_name, count, bytes, maxBytes, n) => {
    expect(fitCount(count, bytes, maxBytes)).toBe(n);
  });
});

describe('utf8Bytes', () => {
  it('measures UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8Bytes('é€')).toBe(5);
  });
});

describe('toJson', () => {
  it('serializes an event', () => {
    expect(toJson({ id: 'é', type: 'track' })).toBe('{"id":"é","type":"track"}');
  });

  it.each([['garbage'], [null], [{ id: 5, type: 'track' }], [{ id: 'a' }]])('rejects %j', (value) => {
    expect(toJson(value)).toBeUndefined();
  });

  it('rejects a record that cannot be serialized', () => {
    const cyclic: Record<string, unknown> = { id: 'a', type: 'track' };
    cyclic.self = cyclic;
    expect(toJson(cyclic)).toBeUndefined();
  });
});
