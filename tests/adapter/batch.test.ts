import { describe, expect, it } from 'vitest';
import { fitCount, readable, utf8Bytes } from '../../packages/adapter/src/batch';

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

describe('readable', () => {
  it('accepts the JSON of an event', () => {
    expect(readable('{"id":"é","type":"track"}')).toBe(true);
  });

  it.each([
    ['garbage'],
    ['null'],
    ['{"id":5,"type":"track"}'],
    ['{"id":"a"}'],
    [null],
    [5],
    [{ id: 'a', type: 'track' }],
  ])('rejects %j', (value) => {
    expect(readable(value)).toBe(false);
  });
});
