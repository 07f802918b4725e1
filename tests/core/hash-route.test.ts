import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashRoute } from '../../packages/core/src/hash-route';
import { readAutoPageviews } from '../../packages/core/src/pageview-options';

describe('hashRoute', () => {
  it.each([
    ['#/cart', '/cart'],
    ['#/cart?step=2', '/cart?step=2'],
    ['#!/cart', '/cart'],
    ['#/', '/'],
    ['/cart', '/cart'],
    ['#section', undefined],
    ['#access_token=abc&state=1', undefined],
    ['#', undefined],
    ['', undefined],
    ['#//evil.example/x', undefined],
    ['#!section', undefined],
  ])('%s → %s', (hash, expected) => {
    expect(hashRoute(hash)).toBe(expected);
  });

  it('gives a route with one leading slash, or none, for any fragment', () => {
    fc.assert(
      fc.property(fc.string(), (hash) => {
        const route = hashRoute(`#${hash}`);
        if (route === undefined) return;
        expect(route.startsWith('/') && !route.startsWith('//')).toBe(true);
        expect(`#${hash}`.endsWith(route)).toBe(true);
      }),
    );
  });
});

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
