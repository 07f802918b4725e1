import { prng } from '../../../demo/seed.mjs';
import { type RunningServer, startServer } from '../../../demo/server.mjs';
import type { WireEvent } from '../../../packages/collector/src/batch.js';
import { routeShape } from '../../../packages/collector/src/insights/drivers.js';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';
import { buildReport, type Report } from '../../../packages/collector/src/insights/report.js';
import { routeSql } from '../../../packages/collector/src/insights/sql.js';
import { freshDataDir } from '../../demo/data-dir.js';

// Synthetic journeys stored in PGlite and read back through the insights queries: in each
// metric one planted step raises the low-band share from about 15 % to 55 %, and decoy
// steps are drawn independently of the score. NPS: a tracked event earlier in the session
// (not in the trail). CSAT: a page in the answer's trail. CES: a stage in the session.
const T0 = Date.UTC(2026, 2, 2, 9);
const SCORES = { nps: { low: 3, high: 9 }, csat: { low: 1, high: 5 }, ces: { low: 2, high: 6 } };
const PLANTED = { nps: 'event:coupon_error', csat: 'page:/address-again', ces: 'stage:service' };
const DECOYS = ['event:viewed_faq', 'page:/account', 'route:/products/*', 'stage:interest'];

function journeys(n: number) {
  const random = prng(20);
  const events: Array<Record<string, unknown>> = [];
  for (let i = 0; i < n; i++) {
    const metric = (['nps', 'csat', 'ces'] as const)[i % 3] as 'nps' | 'csat' | 'ces';
    const person = `p${i}`;
    let ts = T0 + i * 3_600_000;
    const trail: Array<Record<string, unknown>> = [];
    const push = (type: string, path: string, stage: string | null, name?: string, inTrail = true) => {
      ts += 30_000;
      const event: Record<string, unknown> = {
        id: `${person}-${events.length}`,
        type,
        ts,
        anonymousId: person,
        sessionId: `${person}-s`,
        page: { url: `https://shop.example${path}`, path },
      };
      if (stage) event.stage = stage;
      if (name) event.name = name;
      events.push(event);
      if (inTrail) trail.push({ type, path, ts, ...(stage && { stage }), ...(name && { name }) });
    };
    push('page', '/', 'touchpoint');
    if (random() < 0.3) push('track', '/', null, 'viewed_faq');
    if (random() < 0.5) push('page', `/products/item-${i % 4}`, 'interest');
    if (random() < 0.3) push('page', '/account', 'use');
    const hit = random() < 0.2;
    if (hit && metric === 'nps') {
      push('track', '/', null, 'coupon_error');
      trail.length = 0; // the trail starts after it: only the session holds the step
    }
    // Each planted step alone: no page, route or stage that always comes with it.
    if (hit && metric === 'csat') push('page', '/address-again', null);
    if (hit && metric === 'ces') push('stage', '/', 'service');
    const band = random() < (hit ? 0.55 : 0.15) ? 'low' : 'high';
    push('page', '/done', 'advocacy', undefined, false);
    ts += 30_000;
    events.push({
      id: `${person}-answer`,
      type: 'survey_answered',
      ts,
      anonymousId: person,
      sessionId: `${person}-s`,
      page: { url: 'https://shop.example/done', path: '/done' },
      props: { surveyId: `${metric}-survey`, metric, score: SCORES[metric][band], trail: trail.slice() },
    });
  }
  return events;
}

let app: RunningServer;
let data: { dir: string; remove(): void };
let report: Report;

beforeAll(async () => {
  data = await freshDataDir();
  app = await startServer({ port: 0, dataDir: data.dir });
  const events = journeys(1800);
  await app.store.insert(
    { sentAt: T0, events: events as unknown as WireEvent[], dropped: 0, rejected: 0 },
    'application/json',
  );
  report = await buildReport(app.store, parseCommentView(new URLSearchParams()));
}, 120_000);

afterAll(async () => {
  await app?.close();
  data?.remove();
});

describe('drivers from the database', () => {
  it.each(Object.entries(PLANTED))(
    'ranks the planted step of %s first, and no decoy is significant',
    (metric, planted) => {
      const drivers = report.drivers.filter((d) => d.metric === metric);
      const [first] = drivers;
      expect(`${first?.kind}:${first?.step}`).toBe(planted);
      expect(first?.significant).toBe(true);
      expect(first?.differenceInterval[0]).toBeGreaterThan(0.2);
      const decoys = drivers.filter((d) => DECOYS.includes(`${d.kind}:${d.step}`));
      expect(decoys.length).toBeGreaterThanOrEqual(3);
      expect(decoys.filter((d) => d.significant)).toEqual([]);
    },
  );

  it('serves the same drivers, ladder, retention and service figures as JSON', async () => {
    const json = (await (await fetch(`${app.url}/insights/report.json`)).json()) as Report;
    expect(json.drivers).toEqual(JSON.parse(JSON.stringify(report.drivers)));
    expect(json.ladder).toEqual(report.ladder);
    expect(json.retention).toEqual(report.retention);
    expect(json.service).toEqual(report.service);
  });

  it('shows the drivers on the page, each linking to the comments of the answers that had it', async () => {
    const page = await (await fetch(`${app.url}/insights`)).text();
    for (const id of ['drivers', 'ladder', 'retention', 'service'])
      expect(page).toContain(`<section id="${id}"`);
    expect(page).toContain('href="?metric=nps&amp;band=low&amp;step=event%3Acoupon_error#comments"');
    expect(page).toContain('association, not proof of cause');
  });
});

describe('routeSql', () => {
  it.each([
    '/',
    '/cart',
    '/products/storm-shell',
    '/products/storm-shell/reviews?page=2',
    '/help#returns',
    '/a/b#c',
  ])('gives %s the same route shape as routeShape, or none when it is its own page', async (path) => {
    const { rows } = await app.store.query<{ route: string | null }>(
      `select ${routeSql('$1::text')} as route`,
      [path],
    );
    const shape = routeShape(path);
    expect(rows[0]?.route ?? path.split(/[?#]/)[0]).toBe(shape);
  });
});
