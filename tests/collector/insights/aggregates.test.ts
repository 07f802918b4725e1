import fc from 'fast-check';
import type { WireEvent } from '../../../packages/collector/src/batch.js';
import type {
  PersonAnswerRow,
  PersonSessionRow,
} from '../../../packages/collector/src/insights/aggregate/persons.js';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';
import { ladder } from '../../../packages/collector/src/insights/ladder.js';
import { assemblePeople } from '../../../packages/collector/src/insights/people.js';
import { stepCounts } from '../../../packages/collector/src/insights/queries.js';
import { buildReport } from '../../../packages/collector/src/insights/report.js';
import { retention } from '../../../packages/collector/src/insights/retention.js';
import {
  SERVICE_DEFAULTS,
  type ServiceEvent,
  serviceVisit,
  summarizeService,
} from '../../../packages/collector/src/insights/service.js';
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';
import { startPostgres } from '../support/postgres.mjs';

// The figures kept at ingest (insights/aggregate/) against two references: the same
// figures rebuilt from the stored events, and the pure rules (ladder, retention, service)
// run over the raw events in this file. Batches arrive shuffled, split anywhere (an answer
// before the events that led to it), and some twice, as retries do.
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 8);

let store: EventStore;

async function empty() {
  const { rows } = await store.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' and (tablename like 'insights\\_%' or tablename in ('events', 'batches'))`,
  );
  await store.query(`truncate ${rows.map((r) => r.name).join(', ')}`);
  await store.query('delete from insights_rebuild');
}

/** The page's figures, and the drivers' step counts under them (few answers test no driver). */
const report = async () =>
  JSON.parse(
    JSON.stringify(
      {
        ...(await buildReport(store, parseCommentView(new URLSearchParams()))),
        steps: await stepCounts(store),
      },
      (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v),
    ),
  );

const insert = (events: unknown[]) =>
  store.insert({ sentAt: T0, events: events as WireEvent[], dropped: 0, rejected: 0 }, 'application/json');

const STAGES = ['touchpoint', 'interest', 'purchase', 'use', 'service', 'advocacy', 'churn', 'returns-desk'];
const PATHS = ['/', '/products/shell', '/products/shell/reviews', '/help', '/checkout', '/help/orders/7'];
const NAMES = ['help_resolved', 'ticket_closed', 'coupon_error', 'add_to_cart'];

/** One event of a small world: few people, sessions and names, so they meet. */
const eventArb = fc.record({
  anon: fc.integer({ min: 0, max: 3 }),
  session: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom('page', 'track', 'stage', 'identify', 'survey_answered', 'survey_comment'),
  stage: fc.option(fc.constantFrom(...STAGES), { nil: undefined }),
  name: fc.constantFrom(...NAMES),
  path: fc.constantFrom(...PATHS),
  day: fc.integer({ min: 0, max: 100 }),
  minute: fc.integer({ min: 0, max: 600 }),
  user: fc.option(fc.constantFrom('u1', 'u2'), { nil: undefined }),
  metric: fc.constantFrom('nps', 'csat', 'ces', 'nps', 'csat', 'bogus'),
  score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(2.5)),
  trail: fc.array(
    fc.record({
      type: fc.constantFrom('page', 'track'),
      name: fc.constantFrom(...NAMES),
      path: fc.constantFrom(...PATHS),
      stage: fc.option(fc.constantFrom(...STAGES), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
});

type Drawn = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function toWire(e: Drawn, i: number) {
  const anonymousId = `a${e.anon}`;
  return {
    id: `e${i}`,
    type: e.kind,
    ts: T0 + e.day * DAY + e.minute * 60_000,
    anonymousId,
    // A session belongs to one browser, and goes on past midnight.
    sessionId: `${anonymousId}-s${e.session}`,
    page: { url: `https://shop.example${e.path}`, path: e.path },
    ...(e.stage && { stage: e.stage }),
    ...(e.kind === 'track' && { name: e.name }),
    ...(e.kind === 'identify' && e.user && { userId: e.user }),
    ...(e.kind === 'survey_answered' && {
      props: { surveyId: `${e.metric}-survey`, metric: e.metric, score: e.score, trail: e.trail },
    }),
    ...(e.kind === 'survey_comment' && {
      props: { surveyId: `${e.metric}-survey`, metric: e.metric, score: e.score, comment: 'Words.' },
    }),
  };
}

type Wire = ReturnType<typeof toWire>;

/** The ladder, retention and service figures worked out from the raw events by the pure rules. */
function fresh(events: Wire[], resolutionEvents = SERVICE_DEFAULTS.resolutionEvents) {
  const byTime = [...events].sort((a, b) => a.ts - b.ts || Number(a.id.slice(1)) - Number(b.id.slice(1)));
  const userOf = new Map<string, string>();
  for (const e of events)
    if (e.userId && (!userOf.has(e.anonymousId) || e.userId > (userOf.get(e.anonymousId) as string)))
      userOf.set(e.anonymousId, e.userId);
  const personOf = (anon: string) => userOf.get(anon) ?? anon;
  const sessions = new Map<string, PersonSessionRow>();
  for (const e of byTime) {
    const key = `${personOf(e.anonymousId)}\u0000${e.sessionId}`;
    const s = sessions.get(key) ?? {
      person: personOf(e.anonymousId),
      start: e.ts,
      last: e.ts,
      advocacy: null,
    };
    s.last = e.ts;
    if (e.stage === 'advocacy' && s.advocacy === null) s.advocacy = e.ts;
    sessions.set(key, s);
  }
  const answers: PersonAnswerRow[] = byTime.flatMap((e) =>
    e.type === 'survey_answered' && e.props && 'score' in e.props
      ? [{ person: personOf(e.anonymousId), ts: e.ts, metric: e.props.metric, score: e.props.score }]
      : [],
  );
  const people = assemblePeople([...sessions.values()], answers);
  const first = Math.min(...events.map((e) => e.ts));
  const last = Math.max(...events.map((e) => e.ts));
  const bySession = new Map<string, ServiceEvent[]>();
  for (const e of byTime) {
    const list = bySession.get(e.sessionId) ?? [];
    const props = e.props as { metric?: string; score?: number } | undefined;
    list.push({
      ts: e.ts,
      stage: e.stage ?? null,
      type: e.type,
      name: e.name ?? null,
      metric: props?.metric ?? null,
      score: props?.score ?? null,
    });
    bySession.set(e.sessionId, list);
  }
  return {
    ladder: ladder(people, first, last),
    retention: retention(people, last),
    service: summarizeService(
      [...bySession.values()].flatMap((list) => serviceVisit(list, { resolutionEvents }) ?? []),
    ),
  };
}

const backends = [
  {
    name: 'PGlite',
    async open() {
      const data = await freshDataDir();
      return { database: data.dir, cleanup: data.remove };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const server = await startPostgres();
      return { database: { url: server.url }, cleanup: () => server.destroy() };
    },
  },
];

describe.each(backends)('insights figures kept at ingest on $name', (backend) => {
  let opened: Awaited<ReturnType<(typeof backends)[number]['open']>>;
  let database: Parameters<typeof openEventStore>[0];

  beforeAll(async () => {
    opened = await backend.open();
    database = opened.database;
    store = await openEventStore(database, { log: () => {} });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    opened?.cleanup();
  });

  it('counts a batch sent twice once', async () => {
    await empty();
    const events = [
      { anon: 0, session: 0, kind: 'page', stage: 'interest', path: '/products/shell' },
      { anon: 0, session: 0, kind: 'track', stage: 'service', name: 'coupon_error' },
      { anon: 0, session: 0, kind: 'survey_answered', metric: 'nps', score: 3 },
      { anon: 1, session: 0, kind: 'survey_answered', metric: 'nps', score: 10 },
      { anon: 1, session: 0, kind: 'survey_comment', metric: 'nps', score: 10 },
    ].map((e, i) =>
      toWire(
        {
          name: 'x',
          path: '/',
          day: 1,
          minute: i,
          user: undefined,
          metric: 'nps',
          score: 0,
          trail: [],
          stage: undefined,
          ...e,
        } as never,
        i,
      ),
    );
    // The answer first, then what led to it, then all of it again.
    await insert(events.slice(2));
    await insert(events.slice(0, 2));
    const once = await report();
    expect(await insert(events)).toEqual({ stored: 0, duplicates: 5 });
    await insert(events.slice(1, 3));
    const twice = await report();
    expect(twice).toEqual(once);
    expect(twice.totals).toMatchObject({ events: 5, visitors: 2, answers: 2, comments: 1 });
    expect(twice.overall.nps).toMatchObject({ n: 2, low: 1, high: 1 });
    expect(twice.comments.total).toBe(1);
    const coupon = (
      await store.query<{ n: number }>(
        `select n from insights_steps where metric = 'nps' and kind = 'event' and step = 'coupon_error'`,
      )
    ).rows;
    expect(coupon).toEqual([{ n: 1 }]);
    expect(twice.steps).toContainEqual({ metric: 'nps', kind: '', step: '', n: 2, low: 1 });
  }, 60_000);

  it('gives, batch by batch in any order and with retries, the figures of a rebuild and of the rules run over every event', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1_000 }),
        async (drawn, sizes, seed) => {
          await empty();
          const events = drawn.map(toWire);
          // Shuffled deterministically by the seed, cut into batches of the drawn sizes.
          const order = events.map((e, i) => ({ e, k: (i * 7919 + seed) % 1009 })).sort((a, b) => a.k - b.k);
          const batches: Wire[][] = [];
          for (let at = 0, i = 0; at < order.length; i++) {
            const size = sizes[i % sizes.length] as number;
            batches.push(order.slice(at, at + size).map((o) => o.e));
            at += size;
          }
          for (const [i, batch] of batches.entries()) {
            await insert(batch);
            if (i % 3 === 1) await insert(batch);
          }
          const kept = await report();
          await store.rebuildInsights();
          expect(await report()).toEqual(kept);
          expect(kept.totals.events).toBe(events.length);
          const rules = JSON.parse(JSON.stringify(fresh(events)));
          expect(kept.ladder).toEqual(rules.ladder);
          expect(kept.retention).toEqual(rules.retention);
          expect({ ...kept.service, byChannel: undefined }).toEqual({
            ...rules.service,
            byChannel: undefined,
          });
          // The resolution events are the page's option: the facts kept hold for any.
          const other = ['add_to_cart', 'coupon_error'];
          const served = await buildReport(store, parseCommentView(new URLSearchParams()), {
            resolutionEvents: other,
          });
          expect(JSON.parse(JSON.stringify({ ...served.service, byChannel: undefined }))).toEqual(
            JSON.parse(JSON.stringify({ ...fresh(events, other).service, byChannel: undefined })),
          );
        },
      ),
      { numRuns: 25, seed: 20, endOnFailure: true },
    );
  }, 300_000);

  it.runIf(backend.name === 'PostgreSQL')(
    'counts batches stored at once by two collectors as a rebuild does',
    async () => {
      await empty();
      const other = await openEventStore(database, { log: () => {} });
      try {
        const events = fc
          .sample(eventArb, { numRuns: 120, seed: 7 })
          .map(toWire)
          .sort((a, b) => a.ts - b.ts);
        const batches = Array.from({ length: 12 }, (_, i) => events.filter((_, j) => j % 12 === i));
        await Promise.all(
          batches.map((batch, i) =>
            (i % 2 ? other : store).insert(
              { sentAt: T0, events: batch as WireEvent[], dropped: 0, rejected: 0 },
              'application/json',
            ),
          ),
        );
        await Promise.all(
          batches.map((batch, i) =>
            (i % 2 ? store : other).insert(
              { sentAt: T0, events: batch as WireEvent[], dropped: 0, rejected: 0 },
              'application/json',
            ),
          ),
        );
        const kept = await report();
        await store.rebuildInsights();
        expect(await report()).toEqual(kept);
        expect(kept.totals.events).toBe(events.length);
      } finally {
        await other.close();
      }
    },
    120_000,
  );
});
