// POST /collect end to end (HTTP, validation, commit), the same suite on PGlite and on a
// real PostgreSQL server: what is stored, what is refused one event at a time, and the
// status of every kind of bad input (SPEC "Wire format").
import { createCollector } from '../../packages/collector/src/collector.js';
import { MIGRATIONS } from '../../packages/collector/src/migrations.js';
import { type EventStore, openEventStore } from '../../packages/collector/src/store.js';
import { freshDataDir } from '../demo/data-dir.js';
import { startPostgres, type TestPostgres } from './support/postgres.mjs';
import { post, serve, wireEvent } from './support/serve.js';

interface Backend {
  name: string;
  /** Opens a database for the block; `server` only for PostgreSQL. */
  open(): Promise<{
    database: { dataDir: string } | { url: string };
    server?: TestPostgres;
    cleanup(): void;
  }>;
}

const backends: Backend[] = [
  {
    name: 'PGlite',
    async open() {
      const data = await freshDataDir();
      return { database: { dataDir: data.dir }, cleanup: data.remove };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const server = await startPostgres();
      return { database: { url: server.url }, server, cleanup: () => server.destroy() };
    },
  },
];

describe.each(backends)('POST /collect on $name', (backend) => {
  let store: EventStore;
  let app: Awaited<ReturnType<typeof serve>>;
  let opened: Awaited<ReturnType<Backend['open']>>;
  const log = vi.fn();

  beforeAll(async () => {
    opened = await backend.open();
    store = await openEventStore(opened.database, { log });
    app = await serve(createCollector({ database: store, log, retryAfterSeconds: 1 }));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    opened?.cleanup();
  });

  const storedIds = async (ids: string[]) => {
    const { rows } = await store.query<{ id: string }>(
      'select id from events where id = any($1) order by id',
      [ids],
    );
    return rows.map((r) => r.id);
  };

  it('answers 200 once the batch is committed: every event is readable when the answer arrives', async () => {
    const events = Array.from({ length: 20 }, () => wireEvent());
    const res = await post(app.url, { sentAt: Date.now(), events });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 20, duplicates: 0, rejected: [] });
    expect(await storedIds(events.map((e) => e.id))).toEqual(events.map((e) => e.id).sort());
  });

  it('stores a resent batch once and counts the resend as duplicates', async () => {
    const events = [wireEvent(), wireEvent()];
    await post(app.url, { sentAt: Date.now(), events });
    const again = await post(app.url, { sentAt: Date.now(), events: [...events, wireEvent()] });
    expect(await again.json()).toEqual({ stored: 1, duplicates: 2, rejected: [] });
    const { rows } = await store.query<{ n: number }>(
      'select count(*)::int as n from events where id = any($1)',
      [events.map((e) => e.id)],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it.each([
    [
      'U+0000 in a prop',
      { props: { query: 'a\u0000b' } },
      /events\[1\]\.props\.query: expected text without U\+0000/,
    ],
    [
      'a lone surrogate in a prop (an emoji cut in half)',
      { props: { query: `${'a'.repeat(999)}\ud83d` } },
      /lone surrogate/,
    ],
    [
      'U+0000 in a prop key',
      { props: { 'k\u0000': 1 } },
      /events\[1\]\.props: expected keys of text without U\+0000/,
    ],
    [
      'a lone surrogate in the page path',
      { page: { url: 'http://x/', path: '/\udc00' } },
      /events\[1\]\.page\.path/,
    ],
    [
      'U+0000 deep in a trail',
      { props: { trail: [{ name: 'x\u0000' }] } },
      /events\[1\]\.props\.trail\[0\]\.name/,
    ],
  ])(
    'refuses an event with %s alone, naming it, and stores the rest of its batch',
    async (_case, bad, message) => {
      const good = [wireEvent(), wireEvent()];
      const poison = wireEvent(bad);
      const res = await post(app.url, { sentAt: Date.now(), events: [good[0], poison, good[1]] });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ stored: 2, duplicates: 0 });
      expect(body.rejected).toEqual([{ index: 1, error: expect.stringMatching(message) }]);
      expect(body.rejected[0].error).toContain(JSON.stringify(poison.id));
      expect(await storedIds([...good, poison].map((e) => e.id))).toEqual(good.map((e) => e.id).sort());
    },
  );

  it('answers 400 naming the event when a batch holds only events it can never store, so the adapter drops just those', async () => {
    const poison = wireEvent({ props: { note: '\u0000' } });
    const res = await post(app.url, { sentAt: Date.now(), events: [poison] });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.rejected).toEqual([{ index: 0, error: expect.stringContaining(`(id "${poison.id}")`) }]);
    expect(body.error).toBe(body.rejected[0].error);
    expect(await storedIds([poison.id])).toEqual([]);
  });

  it.each([
    ['a missing id', { id: undefined }, 'events[0].id'],
    ['an id over 200 characters', { id: 'x'.repeat(201) }, 'events[0].id'],
    ['a missing anonymousId', { anonymousId: undefined }, 'events[0].anonymousId'],
    ['a ts PostgreSQL cannot hold', { ts: 1e300 }, 'events[0].ts'],
    ['props over 64 KiB', { props: { pad: 'x'.repeat(70_000) } }, 'at most 65536 characters of text'],
    [
      'nesting 40 levels deep',
      { props: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) },
      'less nesting',
    ],
  ])('refuses an event with %s and keeps the others', async (_case, overrides, where) => {
    const bad = wireEvent(overrides);
    const good = wireEvent();
    const res = await post(app.url, { sentAt: Date.now(), events: [bad, good] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.stored).toBe(1);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0].error).toContain(where);
    expect(await storedIds([good.id])).toEqual([good.id]);
  });

  it('stores SQL-looking strings as text, exactly as sent, and the tables stay whole', async () => {
    const hostile = "'); drop table events; --";
    const e = wireEvent({
      name: "Robert'); DROP TABLE batches;--",
      props: { q: hostile, [hostile]: '$1::text' },
    });
    const res = await post(app.url, { sentAt: Date.now(), events: [e] });
    expect(res.status).toBe(200);
    const { rows } = await store.query<{ event: unknown }>('select event from events where id = $1', [e.id]);
    expect(rows[0]?.event).toEqual(e);
    expect((await store.stats()).events).toBeGreaterThan(0);
  });

  it('accepts text/plain unload sends', async () => {
    const e = wireEvent();
    const res = await post(app.url, JSON.stringify({ sentAt: Date.now(), events: [e] }), {
      'content-type': 'text/plain;charset=UTF-8',
    });
    expect(res.status).toBe(200);
    expect(await storedIds([e.id])).toEqual([e.id]);
  });

  it.each([
    ['malformed JSON', '{"sentAt": 1, "events": [', 'application/json', 400, /malformed JSON/],
    [
      'a wrong content type',
      '{"sentAt": 1, "events": []}',
      'application/x-www-form-urlencoded',
      415,
      /content-type/,
    ],
    ['a body that is not a batch', '{"events": 3}', 'application/json', 400, /sentAt/],
  ])(
    'answers %s with the documented status and stores nothing',
    async (_case, body, type, status, message) => {
      const before = (await store.stats()).events;
      const res = await post(app.url, body, { 'content-type': type });
      expect(res.status).toBe(status);
      expect((await res.json()).error).toMatch(message);
      expect((await store.stats()).events).toBe(before);
    },
  );

  it('answers 413 to a 10 MB body and stores nothing of it', async () => {
    const before = (await store.stats()).events;
    const huge = JSON.stringify({
      sentAt: 1,
      events: [wireEvent({ props: { pad: 'x'.repeat(10 * 1024 * 1024) } })],
    });
    const res = await post(app.url, huge);
    expect(res.status).toBe(413);
    expect((await store.stats()).events).toBe(before);
  });

  it('computes the insights of what it stored, with the same SQL on this database', async () => {
    const answer = wireEvent({
      type: 'survey_answered',
      props: {
        surveyId: 'checkout-csat',
        metric: 'csat',
        score: 5,
        trail: [{ type: 'track', name: 'add_to_cart' }],
      },
    });
    const comment = wireEvent({
      type: 'survey_comment',
      props: { surveyId: 'checkout-csat', metric: 'csat', score: 5, comment: 'Quick' },
    });
    await post(app.url, { sentAt: Date.now(), events: [answer, comment] });
    const res = await fetch(`${app.url}/insights/report.json`);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.overall.csat.n).toBeGreaterThanOrEqual(1);
    expect(report.comments.rows.map((c: { id: string }) => c.id)).toContain(comment.id);
    expect((await fetch(`${app.url}/insights`)).status).toBe(200);
    const exported = await (await fetch(`${app.url}/insights/export?format=ndjson`)).text();
    expect(exported).toContain(answer.id);
  });
});

describe('PostgreSQL faults', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(() => pg?.destroy());

  it('answers 503 with Retry-After, promptly, while the server is down, and 200 once it is back', async () => {
    const log = vi.fn();
    const collector = createCollector({
      database: { url: pg.url },
      log,
      retryAfterSeconds: 2,
      queryTimeoutMs: 2000,
    });
    await collector.ready;
    const app = await serve(collector);
    try {
      const e = wireEvent();
      pg.stop();
      const started = Date.now();
      const down = await post(app.url, { sentAt: Date.now(), events: [e] });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('2');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[touchpoint\] could not store a batch/));
      pg.start();
      const up = await post(app.url, { sentAt: Date.now(), events: [e] });
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({ stored: 1 });
    } finally {
      await app.close();
      await collector.close();
    }
  }, 60_000);

  it('stores a batch sent to two collectors on one database once', async () => {
    const [a, b] = [
      createCollector({ database: { url: pg.url } }),
      createCollector({ database: { url: pg.url } }),
    ];
    const [storeA] = await Promise.all([a.ready, b.ready]);
    const [appA, appB] = await Promise.all([serve(a), serve(b)]);
    try {
      const events = Array.from({ length: 20 }, () => wireEvent());
      const answers = await Promise.all([
        post(appA.url, { sentAt: Date.now(), events }),
        post(appB.url, { sentAt: Date.now(), events }),
      ]);
      const bodies = await Promise.all(answers.map((r) => r.json()));
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      expect(bodies.reduce((n, body) => n + body.stored, 0)).toBe(20);
      expect(bodies.reduce((n, body) => n + body.duplicates, 0)).toBe(20);
      const { rows } = await storeA.query<{ n: number }>(
        'select count(*)::int as n from events where id = any($1)',
        [events.map((e) => e.id)],
      );
      expect(rows[0]?.n).toBe(20);
    } finally {
      await Promise.all([appA.close(), appB.close()]);
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('applies the migrations once when several collectors start together', async () => {
    const collectors = Array.from({ length: 4 }, () => createCollector({ database: { url: pg.url } }));
    const stores = await Promise.all(collectors.map((c) => c.ready));
    try {
      const { rows } = await (stores[0] as EventStore).query<{ version: number }>(
        'select version from schema_migrations',
      );
      // Each migration once, in order: [1, 2, …] as many as there are.
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await Promise.all(collectors.map((c) => c.close()));
    }
  }, 60_000);
});
