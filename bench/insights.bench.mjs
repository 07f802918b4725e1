// The insights page on a large table: /insights and /insights/report.json answered for
// 100,000 survey answers (about 660,000 events) in PGlite, through the built collector
// over HTTP on 127.0.0.1. The events are written by SQL (generate_series) rather than
// through /collect, which would take most of an hour at PGlite's ingest rate; their shape
// is the adapter's: sessions of page views and track events, stages, an answer with a
// trail. Written that way they bypass the counts kept at ingest, so the store builds them
// from the events (as after an upgrade): 'build s' is that, once. Run alone:
// `node bench/insights.bench.mjs` (ANSWERS=20000 for a quicker look).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector, openEventStore } from '../packages/collector/dist/index.js';

const ANSWERS = Number(process.env.ANSWERS ?? 100_000);
const RUNS = 3;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);

/** One session per answer: a visit, products, maybe checkout trouble or help, then the answer. */
const FILL = `
with s as (
  select i, 'p' || (i % ($1::int / 2)) as person, 's' || i as session,
         $2::bigint + (i::bigint * 120 * ${DAY}) / $1::int as t,
         (array['nps', 'csat', 'ces'])[1 + i % 3] as metric,
         hashint4(i) as h
    from generate_series(1, $1::int) i
)
insert into events (id, type, name, stage, ts, anonymous_id, session_id, path, props, event, batch_id)
select s.session || '-' || v.n, v.type, v.name, v.stage, s.t + v.n * 30000, s.person, s.session, v.path,
       v.props, '{}'::jsonb, 1
  from s cross join lateral (values
    (1, 'page', null, 'touchpoint', '/', '{}'::jsonb),
    (2, 'page', null, 'interest', '/products/item-' || (s.i % 20), '{}'::jsonb),
    (3, case when s.h % 2 = 0 then 'track' end, 'add_to_cart', 'interest', '/products/item-' || (s.i % 20), '{}'::jsonb),
    (4, case when s.h % 7 = 0 then 'track' end, 'payment_failed', 'purchase', '/checkout', '{}'::jsonb),
    (5, case when s.h % 5 = 0 then 'page' end, null, 'service', '/help', '{}'::jsonb),
    (6, case when s.h % 5 = 0 and s.h % 3 <> 0 then 'track' end, 'help_resolved', 'service', '/help', '{}'::jsonb),
    (7, 'survey_answered', null, 'use', '/account', jsonb_build_object(
        'surveyId', s.metric || '-survey', 'metric', s.metric,
        'score', case s.metric when 'nps' then abs(s.h) % 11 when 'csat' then 1 + abs(s.h) % 5 else 1 + abs(s.h) % 7 end,
        'trail', jsonb_build_array(
          jsonb_build_object('type', 'page', 'path', '/', 'stage', 'touchpoint'),
          jsonb_build_object('type', 'page', 'path', '/products/item-' || (s.i % 20), 'stage', 'interest'),
          jsonb_build_object('type', 'track', 'name', case when s.h % 7 = 0 then 'payment_failed' else 'add_to_cart' end)))),
    (8, case when s.h % 4 = 0 then 'survey_comment' end, null, 'use', '/account', jsonb_build_object(
        'surveyId', s.metric || '-survey', 'metric', s.metric, 'score', 3, 'comment', 'Fine.'))
  ) v(n, type, name, stage, path, props)
 where v.type is not null`;

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-insights-bench-'));
  const store = await openEventStore(dir, { queryTimeoutMs: 600_000, log: () => {} });
  const collector = createCollector({ database: store, log: () => {} });
  const server = createServer(async (req, res) => {
    if (!(await collector(req, res))) res.writeHead(404).end();
  });
  try {
    await collector.ready;
    const filled = performance.now();
    await store.query(
      `insert into batches (sent_at, content_type, events, rejected, dropped) values (0, 'bench', 0, 0, 0)`,
    );
    await store.query(FILL, [ANSWERS, T0]);
    await store.query('analyze events');
    const fillSeconds = (performance.now() - filled) / 1000;
    const built = performance.now();
    await store.rebuildInsights();
    const buildSeconds = (performance.now() - built) / 1000;
    const { rows } = await store.query(
      `select count(*)::int as events, count(*) filter (where type = 'survey_answered')::int as answers from events`,
    );
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${server.address().port}`;
    const figures = [];
    for (const path of ['/insights', '/insights/report.json']) {
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push(await timed(base + path));
      times.sort((a, b) => a - b);
      figures.push({
        name: `GET ${path}`,
        answers: rows[0].answers,
        events: rows[0].events,
        'median ms': Math.round(times[Math.floor(RUNS / 2)]),
        'best ms': Math.round(times[0]),
        'fill s': Math.round(fillSeconds),
        'build s': Math.round(buildSeconds),
      });
    }
    return figures;
  } finally {
    server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
