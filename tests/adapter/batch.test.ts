import { describe, expect, it } from 'vitest';
import { type Item, takeBatch, toItem } from '../../packages/adapter/src/batch';
import { ENVELOPE_BYTES } from '../../packages/adapter/src/wire';

const item = (bytes: number, key = bytes): Item => ({ _key: key, _json: 'x'.repeat(bytes), _bytes: bytes });

describe('takeBatch', () => {
  it.each([
    ['count', [item(10), item(10), item(10)], 2, 1000, 2],
    ['bytes', [item(100), item(100), item(100)], 20, ENVELOPE_BYTES + 202, 2],
    ['everything when it fits', [item(1), item(2)], 20, 1000, 2],
    ['one event larger than the limit, alone', [item(5000), item(1)], 20, 1000, 1],
    ['nothing from nothing', [], 20, 1000, 0],
  ])('limits a batch by %s', (_name, items, count, maxBytes, n) => {
    expect(takeBatch(items, count, maxBytes)).toEqual(items.slice(0, n));
  });
});

describe('toItem', () => {
  it('measures UTF-8 bytes, not UTF-16 units', () => {
    expect(toItem('k', { id: 'é', type: 'track' })?._bytes).toBe(
      JSON.stringify({ id: 'é', type: 'track' }).length + 1,
    );
  });

  it.each([['garbage'], [null], [{ id: 5, type: 'track' }], [{ id: 'a' }]])('rejects %j', (value) => {
    expect(toItem('k', value)).toBeUndefined();
  });

  it('rejects a record that cannot be serialized', () => {
    const cyclic: Record<string, unknown> = { id: 'a', type: 'track' };
    cyclic.self = cyclic;
    expect(toItem('k', cyclic)).toBeUndefined();
  });
});
