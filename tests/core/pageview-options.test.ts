import { describe, expect, it } from 'vitest';
import { readAutoPageviews } from '../../packages/core/src/pageview-options';

describe('readAutoPageviews', () => {
  it.each([
    [undefined, { _auto: true, _hash: false }],
    [true, { _auto: true, _hash: false }],
    [false, { _auto: false, _hash: false }],
    [{}, { _auto: true, _hash: false }],
    [{ hash: true }, { _auto: true, _hash: true }],
    [{ hash: false }, { _auto: true, _hash: false }],
    [{ hash: 'yes' }, { _auto: true, _hash: false }],
    [null, { _auto: false, _hash: false }],
    [0, { _auto: false, _hash: false }],
  ])('%j → %j', (value, expected) => {
    expect(readAutoPageviews(value, true)).toEqual(expected);
  });
});
