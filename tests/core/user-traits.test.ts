import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue, TraitCondition } from '../../packages/core/src/types';
import { keepNamedTraits, namedTraitKeys, traitMatches } from '../../packages/core/src/user-traits';

describe('traitMatches', () => {
  it.each<[string, JsonValue | undefined, TraitCondition, boolean]>([
    ['an equal string', 'pro', 'pro', true],
    ['another string', 'free', 'pro', false],
    ['a string that only differs in case', 'Pro', 'pro', false],
    ['true for true', true, true, true],
    ['false for true', false, true, false],
    ['the string "true" for true', 'true', true, false],
    ['an equal number', 3, 3, true],
    ['the string "3" for 3', '3', 3, false],
    ['one value of a list', 'team', ['pro', 'team'], true],
    ['no value of a list', 'free', ['pro', 'team'], false],
    ['gt above', 4, { gt: 3 }, true],
    ['gt at the bound', 3, { gt: 3 }, false],
    ['gte at the bound', 3, { gte: 3 }, true],
    ['gte below', 2, { gte: 3 }, false],
    ['lt below', 2, { lt: 3 }, true],
    ['lt at the bound', 3, { lt: 3 }, false],
    ['lte at the bound', 3, { lte: 3 }, true],
    ['lte above', 4, { lte: 3 }, false],
    ['inside both bounds', 5, { gte: 3, lt: 10 }, true],
    ['outside one of two bounds', 10, { gte: 3, lt: 10 }, false],
    ['a numeric string against a range', '5', { gte: 3 }, false],
    ['null against a value', null, 'pro', false],
    ['a list trait against a value', ['pro'], 'pro', false],
  ])('judges %s', (_, value, condition, matches) => {
    expect(traitMatches(value, condition)).toBe(matches);
  });

  it.each<[string, TraitCondition]>([
    ['a value', 'pro'],
    ['false', false],
    ['a list', ['pro', 'team']],
    ['lt', { lt: 3 }],
    ['lte', { lte: 0 }],
    ['gt', { gt: -1 }],
  ])('never matches an absent trait, against %s', (_, condition) => {
    expect(traitMatches(undefined, condition)).toBe(false);
  });

  it('matches a number against a range exactly when every bound holds', () => {
    const bound = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.record({ gt: bound, gte: bound, lt: bound, lte: bound }),
        (value, range) => {
          const expected =
            (range.gt === undefined || value > range.gt) &&
            (range.gte === undefined || value >= range.gte) &&
            (range.lt === undefined || value < range.lt) &&
            (range.lte === undefined || value <= range.lte);
          expect(traitMatches(value, range as TraitCondition)).toBe(expected);
        },
      ),
    );
  });

  it('matches a list exactly when one of its values matches alone', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(scalar, fc.array(scalar, { minLength: 1 }), (value, values) => {
        expect(traitMatches(value, values)).toBe(values.some((one) => traitMatches(value, one)));
      }),
    );
  });
});

describe('namedTraitKeys', () => {
  it('lists every trait key any survey names, once', () => {
    expect(
      namedTraitKeys([
        { when: { user: { plan: 'pro', orders: { gte: 3 } } } },
        { when: { pages: ['/'] } } as never,
        {},
        { when: { user: { plan: ['team'], beta: true } } },
      ]),
    ).toEqual(['plan', 'orders', 'beta']);
  });
});

describe('keepNamedTraits', () => {
  it('keeps only the named keys, so the device is no profile store', () => {
    expect(keepNamedTraits({ plan: 'pro', email: 'a@b.c', orders: 3 }, ['plan', 'orders', 'beta'])).toEqual({
      plan: 'pro',
      orders: 3,
    });
  });

  it('keeps nothing from no traits, nor keys inherited from Object.prototype', () => {
    expect(keepNamedTraits(undefined, ['plan'])).toEqual({});
    expect(keepNamedTraits({}, ['toString', 'constructor'])).toEqual({});
  });
});
