import fc from 'fast-check';
import { diffConfigs } from '../../../packages/collector/src/admin/diff.js';

const csat = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How was checkout?',
  when: { pages: ['/checkout/done'] },
};
const nps = { id: 'home-nps', metric: 'nps', question: 'Recommend us?' };

describe('diffConfigs', () => {
  it.each([
    ['no change', { version: 1, surveys: [csat] }, { version: 1, surveys: [csat] }, []],
    [
      'a question edited, named by the survey id',
      { version: 1, surveys: [csat] },
      { version: 1, surveys: [{ ...csat, question: 'Was checkout easy?' }] },
      [
        {
          path: 'surveys["checkout-csat"].question',
          kind: 'changed',
          before: 'How was checkout?',
          after: 'Was checkout easy?',
        },
      ],
    ],
    [
      'a page list compared whole',
      { version: 1, surveys: [csat] },
      { version: 1, surveys: [{ ...csat, when: { pages: ['/checkout/**'] } }] },
      [
        {
          path: 'surveys["checkout-csat"].when.pages',
          kind: 'changed',
          before: ['/checkout/done'],
          after: ['/checkout/**'],
        },
      ],
    ],
    [
      'a survey added',
      { version: 1, surveys: [csat] },
      { version: 1, surveys: [csat, nps] },
      [{ path: 'surveys["home-nps"]', kind: 'added', after: nps }],
    ],
    [
      'a survey removed',
      { version: 1, surveys: [csat, nps] },
      { version: 1, surveys: [nps] },
      [{ path: 'surveys["checkout-csat"]', kind: 'removed', before: csat }],
    ],
    [
      'surveys reordered, which changes which wins',
      { version: 1, surveys: [csat, nps] },
      { version: 1, surveys: [nps, csat] },
      [
        {
          path: 'surveys (order)',
          kind: 'changed',
          before: ['checkout-csat', 'home-nps'],
          after: ['home-nps', 'checkout-csat'],
        },
      ],
    ],
    [
      'a stage glob, quoted as data',
      { version: 1, stages: { '/checkout/**': 'purchase' } },
      { version: 1, stages: { '/checkout/**': 'purchase', '/help/**': 'service' } },
      [{ path: 'stages["/help/**"]', kind: 'added', after: 'service' }],
    ],
    [
      'a limit removed',
      { version: 1, limits: { maxPerSession: 2 } },
      { version: 1 },
      [{ path: 'limits', kind: 'removed', before: { maxPerSession: 2 } }],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(diffConfigs(before, after)).toEqual(expected);
  });

  it('finds nothing between a configuration and itself, and something between any two that differ', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(diffConfigs(a, a)).toEqual([]);
        expect(diffConfigs(a, b).length === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});
