import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningServer, startServer } from '../../../demo/server.mjs';
import { comments } from '../../../packages/collector/src/insights/comment-query.js';
import { churnOrigins, stageVisitors } from '../../../packages/collector/src/insights/queries.js';
import { createInsights } from '../../../packages/collector/src/insights/route.js';
import type { EventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';

// A small journey set whose every figure is counted by hand in the tests below.
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 12);
const HOSTILE = '<script>alert("x")</script>, said "me"\nand left';

let seq = 0;
function ev(anonymousId: string, type: string, stage: string | undefined, path: string, extra: object = {}) {
  seq += 1;
  return {
    id: `ev-${seq}`,
    type,
    ts: T0 + seq * 60_000,
    anonymousId,
    sessionId: `${anonymousId}-s`,
    page: { url: `https://shop.example${path}`, path },
    ...(stage && { stage }),
    ...extra,
  };
}
const answer = (
  v: string,
  stage: string,
  path: string,
  surveyId: string,
  metric: string,
  score: number,
  trail: object[],
) => ev(v, 'survey_answered', stage, path, { props: { surveyId, metric, score, trail } });
const comment = (
  v: string,
  stage: string,
  path: string,
  surveyId: string,
  metric: string,
  score: number,
  text: string,
) => ev(v, 'survey_comment', stage, path, { props: { surveyId, metric, score, comment: text } });

const EVENTS = [
  // v1: discovery → touchpoint → interest → purchase; CSAT 5 with a comment.
  ev('v1', 'stage', 'discovery', '/'),
  ev('v1', 'page', 'touchpoint', '/'),
  ev('v1', 'page', 'interest', '/products'),
  ev('v1', 'track', 'purchase', '/checkout/done', { name: 'order_completed' }),
  answer('v1', 'purchase', '/checkout/done', 'checkout-csat', 'csat', 5, [
    { type: 'track', name: 'order_completed', stage: 'purchase', path: '/checkout/done', ts: 1 },
  ]),
  comment('v1', 'purchase', '/checkout/done', 'checkout-csat', 'csat', 5, 'Quick, easy'),
  // v2: touchpoint → interest → churn.
  ev('v2', 'page', 'touchpoint', '/'),
  ev('v2', 'page', 'interest', '/products'),
  ev('v2', 'page', 'churn', '/cancel'),
  // v3: touchpoint → use → service (unresolved) → NPS 3 with a hostile comment → churn.
  ev('v3', 'page', 'touchpoint', '/'),
  ev('v3', 'page', 'use', '/account'),
  ev('v3', 'track', 'service', '/help', { name: 'help_unresolved' }),
  answer('v3', 'use', '/account', 'site-nps', 'nps', 3, [
    { type: 'track', name: 'help_unresolved', stage: 'service', path: '/help', ts: 2 },
  ]),
  comment('v3', 'use', '/account', 'site-nps', 'nps', 3, HOSTILE),
  ev('v3', 'track', 'churn', '/cancel', { name: 'membership_cancelled' }),
  // v4: a promoter and a passive on NPS at the use stage, no comment; a CES 6 in service.
  ev('v4', 'page', 'use', '/account'),
  answer('v4', 'use', '/account', 'site-nps', 'nps', 10, []),
  answer('v5', 'use', '/account', 'site-nps', 'nps', 8, []),
  answer('v4', 'service', '/help', 'help-ces', 'ces', 6, []),
  // A score no scale has: counted nowhere.
  answer('v5', 'use', '/account', 'site-nps', 'nps', 42, []),
];

let app: RunningServer;
let store: EventStore;
let data: { dir: string; remove(): void };

beforeAll(async () => {
  data = await freshDataDir();
  app = await startServer({ port: 0, dataDir: data.dir });
  store = app.store;
  await store.insert({ sentAt: T0 + DAY, events: EVENTS, dropped: 0, rejected: 0 }, 'application/json');
}, 120_000);

afterAll(async () => {
  await app?.close();
  data?.remove();
});

describe('insights queries', () => {
  it('counts distinct visitors per stage, and who went on from the step before', async () => {
    expect(await stageVisitors(store)).toEqual({
      // use: v3, v4 and v5 (whose answers were given in use).
      visitors: { discovery: 1, touchpoint: 3, interest: 2, purchase: 1, use: 3, service: 2, churn: 2 },
      // touchpoint: v1 came through discovery; interest: v1, v2 from touchpoint; purchase: v1;
      // use: nobody in use had been in purchase; service: v3 and v4 had both been in use.
      fromPrevious: { touchpoint: 1, interest: 2, purchase: 1, service: 2 },
    });
  });

  it('finds the last stage before each visitor churned', async () => {
    expect(await churnOrigins(store)).toEqual([
      { stage: 'interest', visitors: 1 },
      { stage: 'use', visitors: 1 },
    ]);
  });

  it('lists comments newest first, each with the trail of the score it follows', async () => {
    const { total, rows } = await comments(store);
    expect(total).toBe(2);
    expect(rows.map((r) => [r.comment, r.score, r.band, r.metric, r.stage])).toEqual([
      [HOSTILE, 3, 'low', 'nps', 'use'],
      ['Quick, easy', 5, 'high', 'csat', 'purchase'],
    ]);
    expect(rows[0]?.trail).toEqual([
      { type: 'track', name: 'help_unresolved', stage: 'service', path: '/help', ts: 2 },
    ]);
  });

  it.each([
    [{ band: 'low' }, [HOSTILE]],
    [{ band: 'high' }, ['Quick, easy']],
    [{ band: 'mid' }, []],
    [{ stage: 'purchase' }, ['Quick, easy']],
    [{ stage: 'use', band: 'high' }, []],
    [{ metric: 'nps' }, [HOSTILE]],
    [{ limit: 1 }, [HOSTILE]],
    // A driver's step: in the trail of the answer the comment follows, or where its session began.
    [{ step: 'event:help_unresolved' }, [HOSTILE]],
    [{ step: 'page:/help' }, [HOSTILE]],
    [{ step: 'stage:purchase' }, ['Quick, easy']],
    [{ step: 'route:/checkout/*' }, ['Quick, easy']],
    [{ step: 'start:discovery' }, ['Quick, easy']],
    [{ step: 'start:touchpoint' }, [HOSTILE]],
    [{ step: 'event:order_completed', band: 'low' }, []],
    [{ step: 'event:nothing_like_it' }, []],
    [{ limit: 1, page: 2 }, ['Quick, easy']],
    [{ limit: 1, page: 3 }, []],
  ])('filters comments by %j', async (filter, expected) => {
    const { rows } = await comments(store, filter);
    expect(rows.map((r) => r.comment)).toEqual(expected);
  });
});

describe('GET /insights', () => {
  it('renders the hand-counted figures under the server CSP, with the hostile comment escaped', async () => {
    const res = await fetch(`${app.url}/insights`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const page = await res.text();
    // NPS: 10 (promoter), 8 (passive), 3 (detractor) → (1 − 1) / 3 = 0; 42 is off the scale.
    expect(page).toMatch(/<h3>NPS<\/h3>\s*<p class="big ">0<\/p>/);
    expect(page).toContain('1 score off the scale left out');
    expect(page).toMatch(/<h3>CSAT<\/h3>\s*<p class="big ">100%<\/p>/);
    expect(page).toMatch(/<h3>CES<\/h3>\s*<p class="big ">6\.0<\/p>/);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toMatch(/NaN|undefined/);
  });

  it('applies the query-string filters and explains one it ignores', async () => {
    const page = await (await fetch(`${app.url}/insights?band=promoter&metric=bogus`)).text();
    expect(page).toContain('Quick, easy');
    expect(page).not.toContain('alert(');
    expect(page).toContain('metric: expected nps, csat or ces; showing every metric');
  });

  it('serves its stylesheet same-origin, and answers other methods and paths plainly', async () => {
    const css = await fetch(`${app.url}/insights/insights.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('prefers-color-scheme: dark');
    expect((await fetch(`${app.url}/insights`, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${app.url}/insights/nope`)).status).toBe(404);
    expect((await fetch(`${app.url}/insights/export?format=xml`)).status).toBe(400);
    // The shop is still served beside it.
    expect((await fetch(`${app.url}/insightsful`)).status).toBe(404);
  });
});

/** RFC 4180 reader, enough to prove the writer's quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('GET /insights/export', () => {
  it('streams every event as received, one JSON per line, in arrival order', async () => {
    const res = await fetch(`${app.url}/insights/export?format=ndjson`);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="touchpoint-events-\d{4}-\d\d-\d\d\.ndjson"$/,
    );
    const lines = (await res.text()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(EVENTS);
  });

  it('writes CSV whose quoting round-trips commas, quotes and line breaks', async () => {
    const res = await fetch(`${app.url}/insights/export?format=csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      'id',
      'type',
      'name',
      'stage',
      'ts',
      'time',
      'anonymousId',
      'sessionId',
      'userId',
      'path',
      'url',
      'props',
    ]);
    expect(rows).toHaveLength(EVENTS.length + 1);
    const hostile = rows.find((r) => r[0] === 'ev-14');
    expect(hostile?.[1]).toBe('survey_comment');
    expect(JSON.parse(hostile?.[11] ?? '').comment).toBe(HOSTILE);
    for (const r of rows) expect(r).toHaveLength(12);
  });

  it('reads the table a page at a time and still sends every event once, in order', async () => {
    const handle = createInsights(store, { exportPageSize: 3 });
    const queries = vi.spyOn(store, 'query');
    const server = createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://x')));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const { port } = server.address() as AddressInfo;
      const text = await (await fetch(`http://127.0.0.1:${port}/insights/export?format=ndjson`)).text();
      expect(
        text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).id),
      ).toEqual(EVENTS.map((e) => e.id));
      // 20 events in pages of 3: 7 reads, the last one short.
      expect(queries).toHaveBeenCalledTimes(7);
    } finally {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
  });
});
