import { describe, expect, it } from 'vitest';
import { parseTraits, traitsFor } from '../../packages/cli/src/traits-file';

describe('parseTraits', () => {
  it('reads one visitor’s traits as a profile of every visitor', () => {
    expect(parseTraits('{ "plan": "pro", "orders": 4 }')).toEqual([
      { share: 1, traits: { plan: 'pro', orders: 4 } },
    ]);
  });

  it('reads a distribution of visitors', () => {
    const text =
      '[{ "share": 0.2, "traits": { "plan": "pro" } }, { "share": 0.1, "traits": { "plan": "team" } }]';
    expect(parseTraits(text)).toEqual([
      { share: 0.2, traits: { plan: 'pro' } },
      { share: 0.1, traits: { plan: 'team' } },
    ]);
  });

  it.each([
    ['not JSON', '{plan', /^not valid JSON/],
    ['a string', '"pro"', /^expected an object of traits/],
    ['a profile without traits', '[{ "share": 0.5 }]', /^\[0\]: expected/],
    ['a share over 1', '[{ "share": 2, "traits": {} }]', /^\[0\]: expected/],
    [
      'shares adding up over 1',
      '[{ "share": 0.6, "traits": {} }, { "share": 0.5, "traits": {} }]',
      /add up to 1.1/,
    ],
  ])('says what is wrong with %s', (_, text, message) => {
    expect(parseTraits(text)).toMatch(message);
  });

  it('accepts shares that add up to 1 in decimals', () => {
    expect(
      parseTraits(
        '[{ "share": 0.1, "traits": {} }, { "share": 0.2, "traits": {} }, { "share": 0.7, "traits": {} }]',
      ),
    ).toHaveLength(3);
  });
});

describe('traitsFor', () => {
  const profiles = [
    { share: 0.2, traits: { plan: 'pro' } },
    { share: 0.3, traits: { plan: 'team' } },
  ];
  it.each<[number, string | undefined]>([
    [0, 'pro'],
    [0.19, 'pro'],
    [0.2, 'team'],
    [0.49, 'team'],
    [0.5, undefined],
    [0.99, undefined],
  ])('gives the draw %d the plan %s', (draw, plan) => {
    expect(traitsFor(profiles, draw)?.plan).toBe(plan);
  });
});
