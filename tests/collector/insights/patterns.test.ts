import type { WireEvent } from '../../../packages/collector/src/batch.js';
import {
  patternFinder,
  publishedPatterns,
} from '../../../packages/collector/src/insights/aggregate/patterns.js';
import { comments } from '../../../packages/collector/src/insights/comment-query.js';
import { stepCounts } from '../../../packages/collector/src/insights/queries.js';
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';

const GLOBS = ['/', '/help/**', '/help/orders/**', '/products/*'];

describe('patternFinder', () => {
  const patternOf = patternFinder(GLOBS);
  it.each([
    ['/', '/'],
    ['/help', '/help/**'],
    ['/help/faq/returns', '/help/**'],
    // The most specific glob wins, as it does for the page's stage.
    ['/help/orders/7', '/help/orders/**'],
    ['/products/shell', '/products/*'],
    ['/products/shell/reviews', null],
    ['/checkout', null],
  ])('puts %s under %s', (path, glob) => {
    expect(patternOf(path)).toBe(glob);
  });

  it('finds nothing without a published configuration', () => {
    expect(patternFinder([])('/help')).toBeNull();
  });
});

let store: EventStore;
let data: { dir: string; remove(): void };
let number = 0;

const publish = (stages: Record<string, string>) =>
  store.query(
    `insert into config_versions (number, author, config, config_hash) values ($1, 'test', $2, 'h')`,
    [++number, JSON.stringify({ version: 1, stages, surveys: [] })],
  );

let seq = 0;
const event = (session: string, type: string, path: string, extra: object = {}) => ({
  id: `p${++seq}`,
  type,
  ts: Date.UTC(2026, 2, 1) + seq * 60_000,
  anonymousId: session,
  sessionId: session,
  page: { url: `https://shop.example${path}`, path },
  ...extra,
});
const answer = (session: string, score: number, trail: string[]) =>
  event(session, 'survey_answered', '/done', {
    props: { surveyId: 'nps', metric: 'nps', score, trail: trail.map((path) => ({ type: 'page', path })) },
  });
const comment = (session: string, text: string) =>
  event(session, 'survey_comment', '/done', {
    props: { surveyId: 'nps', metric: 'nps', score: 3, comment: text },
  });
const insert = (events: unknown[]) =>
  store.insert(
    { sentAt: Date.now(), events: events as WireEvent[], dropped: 0, rejected: 0 },
    'application/json',
  );
const patternCounts = async () =>
  (await stepCounts(store)).filter((c) => c.kind === 'pattern').map(({ step, n }) => [step, n]);

beforeAll(async () => {
  data = await freshDataDir();
  store = await openEventStore(data.dir, { log: () => {} });
}, 120_000);

afterAll(async () => {
  await store?.close();
  data?.remove();
});

describe('pattern steps kept at ingest', () => {
  it('counts each answer once under the stage glob of its pages, and filters comments by it', async () => {
    await publish({ '/': 'touchpoint', '/help/**': 'service', '/help/orders/**': 'service' });
    expect(await publishedPatterns(store)).toEqual(['/', '/help/**', '/help/orders/**']);
    await insert([
      answer('s1', 3, ['/help/faq', '/help/contact']),
      comment('s1', 'Could not find it.'),
      answer('s2', 3, ['/help/orders/7']),
      comment('s2', 'Where is my parcel?'),
    ]);
    expect(await patternCounts()).toEqual([
      ['/help/**', 1],
      ['/help/orders/**', 1],
    ]);
    const filtered = await comments(store, { step: 'pattern:/help/**' });
    expect(filtered.rows.map((r) => r.comment)).toEqual(['Could not find it.']);
    expect(filtered.total).toBe(1);
  });

  it('works the counts out again when a publish changes the globs', async () => {
    await publish({ '/help/**': 'service' });
    await insert([answer('s3', 9, ['/'])]);
    await vi.waitFor(
      async () => {
        const { rows } = await store.query('select 1 from insights_rebuild');
        expect(rows).toEqual([]);
        expect(await patternCounts()).toEqual([['/help/**', 2]]);
      },
      { timeout: 30_000, interval: 200 },
    );
  }, 60_000);

  it('works them out again after a publish that changes the globs when no event follows it', async () => {
    await publish({ '/': 'touchpoint', '/help/orders/**': 'service' });
    // No event arrives: reading the figures is what notices the publish.
    await vi.waitFor(
      async () => {
        expect(await patternCounts()).toEqual([
          ['/', 1],
          ['/help/orders/**', 1],
        ]);
        const { rows } = await store.query('select 1 from insights_rebuild');
        expect(rows).toEqual([]);
      },
      { timeout: 10_000, interval: 100 },
    );
  }, 60_000);

  it('filters comments by the pattern the drivers put their pages under, paths normalized as theirs are', async () => {
    await publish(Object.fromEntries(GLOBS.map((glob) => [glob, 'service'])));
    const paths = [
      // Under their glob only once normalizePath has read them, as the drivers' patterns do.
      '/help//faq',
      '/he%6Cp/contact',
      'help/returns',
      '/help/orders//7',
      '/help/orders/%37',
      // As written.
      '/help',
      '/help/',
      '/help/faq',
      '/help/a.b',
      '/help/(x)',
      '/help/orders/7',
      '/helpdesk',
      '/x/help/y',
      '/products/shell',
    ];
    await insert(paths.flatMap((path, i) => [answer(`n${i}`, 3, [path]), comment(`n${i}`, path)]));
    const patternOf = patternFinder(GLOBS);
    for (const glob of GLOBS) {
      const { rows } = await comments(store, { step: `pattern:${glob}`, limit: 100 });
      const listed = rows.map((r) => r.comment).filter((c) => paths.includes(c));
      expect([glob, listed.sort()]).toEqual([glob, paths.filter((p) => patternOf(p) === glob).sort()]);
    }
  });
});
