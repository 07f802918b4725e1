import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openEventStore } from '../../demo/db.mjs';
import { generateJourneys, prng, seed } from '../../demo/seed.mjs';
import { eventError } from '../../packages/collector/src/batch.js';
import { summarize } from '../../packages/collector/src/insights/metrics.js';
import { freshDataDir } from './data-dir.js';

const END = Date.UTC(2026, 5, 1);

describe('generateJourneys', () => {
  const events = generateJourneys({ end: END });

  it('gives the same events, ids included, for the same seed, and others for another seed', () => {
    expect(generateJourneys({ end: END })).toEqual(events);
    const other = generateJourneys({ end: END, seed: 9 });
    expect(other[0]?.id).not.toBe(events[0]?.id);
    // The ids do not depend on the end date, so a rerun on another day stores nothing new.
    expect(generateJourneys({ end: END + 86_400_000 }).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('makes a few hundred visitors over the period, in time order, with unique ids the collector accepts', () => {
    expect(new Set(events.map((e) => e.anonymousId)).size).toBe(600);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const [i, e] of events.entries()) {
      expect(eventError(e)).toBeUndefined();
      expect(e.ts).toBeLessThan(END);
      expect(e.ts).toBeGreaterThanOrEqual(END - 30 * 86_400_000);
      if (i > 0) expect(e.ts).toBeGreaterThanOrEqual(events[i - 1]?.ts ?? 0);
    }
  });

  it('gives every survey answer the journey trail before it, at most 20 steps', () => {
    const answers = events.filter((e) => e.type === 'survey_answered');
    expect(answers.length).toBeGreaterThan(200);
    for (const a of answers) {
      const trail = a.props?.trail as Array<{ ts: number; type: string }>;
      expect(trail.length).toBeGreaterThan(0);
      expect(trail.length).toBeLessThanOrEqual(20);
      expect(trail.at(-1)?.type).toBe('survey_shown');
      expect(trail.every((s) => s.ts < a.ts)).toBe(true);
    }
  });

  it('correlates scores with the journey: an unresolved help visit or a late delivery lowers NPS', () => {
    const nps = events.filter((e) => e.type === 'survey_answered' && e.props?.metric === 'nps');
    const had = (name: string) => (e: (typeof nps)[number]) =>
      ((e.props?.trail ?? []) as Array<{ name?: string }>).some((s) => s.name === name);
    const npsOf = (list: typeof nps) =>
      summarize(
        'nps',
        list.map((e) => ({ score: e.props?.score as number, n: 1 })),
      ).value ?? 0;
    const all = npsOf(nps);
    expect(npsOf(nps.filter(had('help_unresolved')))).toBeLessThan(all - 30);
    expect(npsOf(nps.filter(had('delivery_late')))).toBeLessThan(all - 30);
    const comments = events.filter((e) => e.type === 'survey_comment');
    expect(comments.length).toBeGreaterThan(50);
    for (const c of comments) expect(c.props?.comment).toMatch(/^[A-Z][^<>]+[.!?]$/);
  });
});

describe('seed', () => {
  it('stores through the collector path, and a second run stores nothing new', async () => {
    const data = await freshDataDir();
    const store = await openEventStore(data.dir, { log: () => {} });
    try {
      const first = await seed(store, { end: END, visitors: 40 });
      expect(first.stored).toBe(first.events);
      expect(first.duplicates).toBe(0);
      const again = await seed(store, { end: END, visitors: 40 });
      expect(again).toEqual({ events: first.events, stored: 0, duplicates: first.events });
      expect((await store.stats()).events).toBe(first.events);
    } finally {
      await store.close();
      data.remove();
    }
  }, 60_000);

  it('refuses, saying to stop the server, while a server holds the data directory', async () => {
    const data = await freshDataDir();
    const store = await openEventStore(data.dir, { log: () => {} });
    try {
      const run = spawnSync(
        process.execPath,
        [fileURLToPath(new URL('../../demo/seed.mjs', import.meta.url))],
        {
          env: { ...process.env, DATA_DIR: data.dir },
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `could not seed: the data directory ${data.dir} is in use by process ${process.pid}`,
      );
      expect(run.stderr).toContain('stop the demo server, then run seed-demo again');
      expect((await store.stats()).events).toBe(0);
    } finally {
      await store.close();
      data.remove();
    }
  }, 60_000);
});

describe('prng', () => {
  it('is deterministic and spreads over [0, 1)', () => {
    const a = prng(1);
    const b = prng(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
