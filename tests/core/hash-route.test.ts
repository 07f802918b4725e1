import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Address, hashRoute, nextAddress } from '../../packages/core/src/hash-route';

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

describe('nextAddress', () => {
  const at = (base: string, route?: string): Address => ({ _base: base, _route: route });
  it.each<[string, string, boolean, Address | undefined, Address]>([
    // Without hash, the fragment never counts.
    ['/app', '#/cart', false, undefined, at('/app')],
    ['/app', '#/cart', false, at('/app'), at('/app')],
    // With it, a route counts, and an anchor keeps the route of the same base.
    ['/app', '#/cart', true, undefined, at('/app', '/cart')],
    ['/app', '#/cart', true, at('/app', '/home'), at('/app', '/cart')],
    ['/app', '#reviews', true, at('/app', '/cart'), at('/app', '/cart')],
    ['/app', '', true, at('/app', '/cart'), at('/app', '/cart')],
    ['/other', '#reviews', true, at('/app', '/cart'), at('/other')],
    ['/app', '#access_token=x', true, undefined, at('/app')],
  ])('%s %s (hash %s) after %j → %j', (base, fragment, hash, previous, expected) => {
    expect(nextAddress(base, fragment, hash, previous)).toEqual(expected);
  });

  it('returns the previous address itself when nothing changed, a new one otherwise', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.boolean(), (base, first, second, hash) => {
        const previous = nextAddress(base, first, hash);
        const next = nextAddress(base, second, hash, previous);
        const same = next._base === previous._base && next._route === previous._route;
        expect(next === previous).toBe(same);
      }),
    );
  });
});
