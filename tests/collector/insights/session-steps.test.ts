import fc from 'fast-check';
import {
  routeOf,
  type SessionEvent,
  sessionAnswerSteps,
} from '../../../packages/collector/src/insights/aggregate/session-steps.js';
import { routeSql } from '../../../packages/collector/src/insights/sql.js';
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';

const T = Date.UTC(2026, 4, 4, 10);
const e = (id: string, minute: number, fields: Partial<SessionEvent>): SessionEvent => ({
  id,
  ts: T + minute * 60_000,
  type: 'page',
  name: null,
  stage: null,
  path: '/',
  metric: null,
  score: null,
  ...fields,
});

describe('sessionAnswerSteps', () => {
  // A session worked out by hand: it began in discovery; the NPS 3 came after the
  // help page and a coupon error, before the checkout; its trail named a product page.
  const events = [
    e('a', 0, { stage: 'discovery', path: '/landing' }),
    e('b', 1, { type: 'track', name: 'coupon_error', path: '/cart' }),
    e('c', 2, { stage: 'service', path: '/help/orders/7' }),
    e('d', 3, { type: 'survey_answered', metric: 'nps', score: 3, path: '/help/orders/7', stage: 'service' }),
    e('f', 4, { stage: 'purchase', path: '/checkout' }),
    e('g', 5, { type: 'survey_answered', metric: 'csat', score: 9, path: '/checkout' }),
    e('h', 6, { type: 'survey_answered', metric: 'ces', score: 2.5, path: '/checkout' }),
  ];
  const trails = new Map([['d', [{ type: 'page', name: null, path: '/products/shell', stage: 'interest' }]]]);
  const answers = sessionAnswerSteps(events, trails, (path) =>
    path.startsWith('/help') ? '/help/**' : null,
  );

  it('lists only answers with a valid score, with their band', () => {
    expect(answers.map((a) => [a.id, a.metric, a.band])).toEqual([['d', 'nps', 'low']]);
  });

  it('takes the steps before the answer, from the session and the trail, and where the session began', () => {
    expect([...(answers[0]?.steps ?? [])].sort()).toEqual(
      [
        'event:coupon_error',
        'page:/landing',
        'page:/cart',
        'page:/help/orders/7',
        'page:/products/shell',
        'pattern:/help/**',
        'route:/help/*',
        'route:/products/*',
        'stage:discovery',
        'stage:interest',
        'stage:service',
        'start:discovery',
      ].sort(),
    );
  });
});

describe('routeOf', () => {
  let store: EventStore;
  let data: { dir: string; remove(): void };

  beforeAll(async () => {
    data = await freshDataDir();
    store = await openEventStore(data.dir, { log: () => {} });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    data?.remove();
  });

  it('gives every path the route shape routeSql gives it in the database', async () => {
    const segment = fc.stringMatching(/^[a-z?#\n.]{0,4}$/);
    const path = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(path, { minLength: 1, maxLength: 30 }), async (paths) => {
        const { rows } = await store.query<{ path: string; route: string | null }>(
          `select p as path, ${routeSql('p')} as route from unnest($1::text[]) p`,
          [paths],
        );
        expect(rows.map((r) => [r.path, r.route])).toEqual(paths.map((p) => [p, routeOf(p)]));
      }),
      { numRuns: 30, seed: 4 },
    );
  });
});
