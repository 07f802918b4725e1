import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The module afresh, with an empty pool. */
const fresh = async () => {
  vi.resetModules();
  return (await import('../../packages/core/src/uuid')).uuid;
};

const hex = (bytes: number[]) => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');

describe('uuid', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is an RFC 4122 version 4 UUID made of the random bytes, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 16 * 256, maxLength: 16 * 256 }), async (bytes) => {
        const uuid = await fresh();
        vi.spyOn(crypto, 'getRandomValues').mockImplementationOnce((array) => {
          (array as Uint8Array).set(bytes);
          return array;
        });
        for (let n = 0; n < 256; n++) {
          const id = uuid();
          expect(id).toMatch(V4);
          // Outside the version and variant bits, the id is its 16 bytes of the pool, in order.
          const expected = [...bytes.subarray(16 * n, 16 * n + 16)].map((byte, i) =>
            i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte,
          );
          expect(id.replaceAll('-', '')).toBe(hex(expected));
        }
        vi.restoreAllMocks();
      }),
      { numRuns: 10 },
    );
  });

  it('draws randomness once per 256 ids, not once per id', async () => {
    const uuid = await fresh();
    const fill = vi.spyOn(crypto, 'getRandomValues');
    const ids = new Set(Array.from({ length: 1024 }, () => uuid()));
    expect(ids.size).toBe(1024);
    expect(fill).toHaveBeenCalledTimes(4);
  });
});
