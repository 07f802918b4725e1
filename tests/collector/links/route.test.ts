// GET /s/<surveyId> and the answer its page posts, on a real PGlite store: a GET records
// nothing, a refused link records nothing, and one (survey, ref, u) keeps one answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector } from '../../../packages/collector/src/collector.js';
import type { LinkParams } from '../../../packages/collector/src/links/link-params.js';
import { signedQuery } from '../../../packages/collector/src/links/signature.js';
import type { EventStore } from '../../../packages/collector/src/store.js';
import { type FakeRequest, fakeExchange } from '../support/fake-http.js';
import { openFreshStore } from './fresh-store.js';

const SECRET = 'route-test-secret';
const CONFIG = {
  version: 1,
  surveys: [
    {
      id: 'support-csat',
      metric: 'csat',
      question: 'How satisfied are you with the help you got? </script>',
      when: { pages: ['/help'] },
    },
    {
      id: 'support-ces',
      metric: 'ces',
      question: 'How easy was it?',
      when: { pages: ['/help'], stage: 'use' },
    },
  ],
};

let store: EventStore;
let fresh: Awaited<ReturnType<typeof openFreshStore>> | undefined;
const widgetDir = mkdtempSync(join(tmpdir(), 'tp-widget-'));
writeFileSync(join(widgetDir, 'touchpoint-widget.js'), '/* widget */');

beforeAll(async () => {
  fresh = await openFreshStore();
  store = fresh.store;
}, 120_000);

afterAll(async () => {
  await fresh?.close();
  rmSync(widgetDir, { recursive: true, force: true });
});

const logged: string[] = [];
const collectorWith = (links = {}) =>
  createCollector({
    database: store,
    log: (line) => logged.push(line),
    links: { secret: SECRET, config: CONFIG, widgetDir, ...links },
  });

const call = async (collector: ReturnType<typeof createCollector>, request: FakeRequest) => {
  const { req, res, answer } = fakeExchange(request);
  expect(await collector(req, res)).toBe(true);
  return answer;
};

let refs = 0;
/** A link to a ref no other test uses. */
const newLink = (params: Partial<LinkParams> = {}): LinkParams => ({
  surveyId: 'support-csat',
  ref: `T-${process.pid}-${++refs}`,
  u: 'u-7',
  ch: 'email',
  ...params,
});
const urlOf = (params: LinkParams, secret = SECRET) => `/s/${params.surveyId}?${signedQuery(params, secret)}`;
const answersFor = async (ref: string) =>
  (
    await store.query<{ type: string; props: Record<string, unknown>; user_id: string; stage: string }>(
      `select type, props, user_id, stage from events where props->>'ref' = $1 order by type`,
      [ref],
    )
  ).rows;
const post = (collector: ReturnType<typeof createCollector>, url: string, body: unknown) =>
  call(collector, {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      host: 'collect.example',
      origin: 'https://collect.example',
    },
    body: JSON.stringify(body),
  });

describe('GET /s/<surveyId>', () => {
  it('serves the page under a strict CSP and records nothing', async () => {
    const link = newLink({ score: 2 });
    const answer = await call(collectorWith(), { url: urlOf(link) });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toMatch(/^default-src 'self';/);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toContain('<script src="/s/_/touchpoint-widget.js"></script>');
    expect(answer.body).toContain('<script src="/s/_/link.js"></script>');
    expect(answer.body).not.toMatch(/<script>/);
    expect(await answersFor(link.ref as string)).toEqual([]);
  });

  it('hands the survey and the pre-chosen score to the script, escaped so no text closes the data block', async () => {
    const answer = await call(collectorWith(), { url: urlOf(newLink({ score: 2 })) });
    const block = /<script type="application\/json" id="tp-link-data">(.*)<\/script>/.exec(
      answer.body,
    )?.[1] as string;
    expect(block).not.toContain('</script>');
    expect(JSON.parse(block)).toMatchObject({
      lang: 'en',
      score: 2,
      survey: { id: 'support-csat', metric: 'csat' },
    });
  });

  it('drops a pre-chosen score outside the survey scale', async () => {
    const answer = await call(collectorWith(), { url: urlOf(newLink({ score: 9 })) });
    expect(answer.body).not.toContain('"score":9');
  });

  it.each([
    ['de-DE,de;q=0.9', 'de', 'ltr', 'touchpoint-widget.de.js'],
    ['ar', 'ar', 'rtl', 'touchpoint-widget.ar.js'],
    ['ja, fr;q=0.5', 'fr', 'ltr', 'touchpoint-widget.fr.js'],
    ['ja', 'en', 'ltr', 'touchpoint-widget.js'],
  ])('speaks the first language of Accept-Language it knows (%s)', async (accept, lang, dir, file) => {
    const answer = await call(collectorWith(), {
      url: urlOf(newLink()),
      headers: { 'accept-language': accept },
    });
    expect(answer.body).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(answer.body).toContain(`/s/_/${file}`);
  });

  it.each([
    ['unsigned', (p: LinkParams) => urlOf(p).replace(/&sig=.*/, ''), 403, 'incomplete'],
    ['tampered', (p: LinkParams) => urlOf(p).replace('score=2', 'score=5'), 403, 'changed after it was sent'],
    [
      'signed with another secret',
      (p: LinkParams) => urlOf(p, 'not-the-secret'),
      403,
      'changed after it was sent',
    ],
    ['expired', (p: LinkParams) => urlOf({ ...p, exp: Math.floor(Date.now() / 1000) - 1 }), 410, 'expired'],
    ['for an unknown survey', (p: LinkParams) => urlOf({ ...p, surveyId: 'gone' }), 404, 'no longer exists'],
    ['without ref or u', (p: LinkParams) => urlOf(p).replace(/ref=[^&]*&u=[^&]*&/, ''), 400, 'incomplete'],
  ])('a link %s gets a clear page, and its POST records nothing', async (_, url, status, text) => {
    const link = newLink({ score: 2 });
    const collector = collectorWith();
    const page = await call(collector, { url: url(link) });
    expect(page.status).toBe(status);
    expect(page.body).toContain(text);
    expect(page.body).not.toContain('<script');
    expect((await post(collector, url(link), { type: 'survey_answered', score: 2 })).status).toBe(status);
    expect(await answersFor(link.ref as string)).toEqual([]);
  });

  it('refuses every link when no secret is set, and says so once', async () => {
    logged.length = 0;
    const collector = collectorWith({ secret: undefined });
    for (let i = 0; i < 2; i++) expect((await call(collector, { url: urlOf(newLink()) })).status).toBe(503);
    expect(logged).toEqual([expect.stringMatching(/^\[touchpoint\] .*TOUCHPOINT_LINK_SECRET is not set/)]);
  });

  it('leaves /s/ to the application when link surveys are not set up', async () => {
    const collector = createCollector({ database: store, log: () => {} });
    const { req, res } = fakeExchange({ url: urlOf(newLink()) });
    expect(await collector(req, res)).toBe(false);
  });

  it('reads the configuration from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-config-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify(CONFIG));
    const answer = await call(collectorWith({ config: join(dir, 'config.json') }), { url: urlOf(newLink()) });
    rmSync(dir, { recursive: true });
    expect(answer.status).toBe(200);
  });
});

describe('POST /s/<surveyId>', () => {
  it('stores the answer as an ordinary survey event: channel, ref, user id, the service stage', async () => {
    const link = newLink({ score: 2 });
    const answer = await post(collectorWith(), urlOf(link), { type: 'survey_answered', score: 2 });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ saved: 'stored' });
    expect(await answersFor(link.ref as string)).toEqual([
      {
        type: 'survey_answered',
        props: { surveyId: 'support-csat', metric: 'csat', score: 2, channel: 'email', ref: link.ref },
        user_id: 'u-7',
        stage: 'service',
      },
    ]);
  });

  it('keeps one answer per (survey, ref, u): a later score replaces the earlier one', async () => {
    const link = newLink();
    const collector = collectorWith();
    await post(collector, urlOf({ ...link, score: 2 }), { type: 'survey_answered', score: 2 });
    const second = await post(collector, urlOf({ ...link, score: 4 }), { type: 'survey_answered', score: 4 });
    expect(JSON.parse(second.body)).toMatchObject({ saved: 'replaced' });
    const rows = await answersFor(link.ref as string);
    expect(rows.map((row) => row.props.score)).toEqual([4]);
    const scores = await store.query<{ score: number }>(
      `select score from survey_scores where id = (select id from events where props->>'ref' = $1)`,
      [link.ref],
    );
    expect(scores.rows).toEqual([{ score: 4 }]);
  });

  it('a link to another user for the same ref is a second answer', async () => {
    const link = newLink();
    const collector = collectorWith();
    await post(collector, urlOf(link), { type: 'survey_answered', score: 2 });
    await post(collector, urlOf({ ...link, u: 'u-8' }), { type: 'survey_answered', score: 5 });
    expect((await answersFor(link.ref as string)).map((row) => row.user_id).sort()).toEqual(['u-7', 'u-8']);
  });

  it('stores a comment beside the score, in the stage the survey names', async () => {
    const link = newLink({ surveyId: 'support-ces' });
    const collector = collectorWith();
    await post(collector, urlOf(link), { type: 'survey_answered', score: 6 });
    await post(collector, urlOf(link), { type: 'survey_comment', score: 6, comment: 'Quick, thanks' });
    const rows = await answersFor(link.ref as string);
    expect(rows.map((row) => [row.type, row.stage, row.props.comment])).toEqual([
      ['survey_answered', 'use', undefined],
      ['survey_comment', 'use', 'Quick, thanks'],
    ]);
  });

  it.each([
    ['a score off the survey scale', { type: 'survey_answered', score: 6 }],
    ['a score that is not a number', { type: 'survey_answered', score: '2' }],
    ['another event type', { type: 'survey_shown', score: 2 }],
    ['an empty comment', { type: 'survey_comment', score: 2, comment: '' }],
    ['a comment PostgreSQL cannot store', { type: 'survey_comment', score: 2, comment: 'a\u0000b' }],
  ])('refuses %s with a 400 and stores nothing', async (_, body) => {
    const link = newLink();
    expect((await post(collectorWith(), urlOf(link), body)).status).toBe(400);
    expect(await answersFor(link.ref as string)).toEqual([]);
  });
});

describe('/s/_/ assets', () => {
  it('serves the script, the stylesheet and the widget files, and nothing else', async () => {
    const collector = collectorWith();
    const script = await call(collector, { url: '/s/_/link.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain('__touchpointWidget');
    expect((await call(collector, { url: '/s/_/link.css' })).headers['content-type']).toMatch(/^text\/css/);
    expect((await call(collector, { url: '/s/_/touchpoint-widget.js' })).body).toBe('/* widget */');
    expect((await call(collector, { url: '/s/_/touchpoint-widget.de.js' })).status).toBe(404);
    expect((await call(collector, { url: '/s/_/..%2Fpackage.json' })).status).toBe(404);
    expect((await call(collector, { url: '/s/_/link.js', method: 'POST' })).status).toBe(405);
  });
});
