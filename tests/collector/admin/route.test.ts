import { SESSION_COOKIE, sessionValue } from '../../../packages/collector/src/auth.js';
import { createCollector } from '../../../packages/collector/src/collector.js';
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';
import { serve, wireEvent } from '../support/serve.js';

const TOKEN = 'editor-test-token';
const SIGNED_IN = { cookie: `${SESSION_COOKIE}=${sessionValue(TOKEN)}` };
const HOSTILE = '<img src=x onerror=alert(1)> & "quotes"';

let dataDir: { dir: string; remove(): void };
let store: EventStore;
let server: Awaited<ReturnType<typeof serve>>;

/** A page view of `path` at `origin` (the shop's, unless someone else posts it). */
const page = (path: string, session: string, ts: number, origin = 'http://shop.test') =>
  wireEvent({
    type: 'page',
    name: undefined,
    stage: undefined,
    props: {},
    ts,
    sessionId: session,
    anonymousId: session,
    page: { url: `${origin}${path}`, path },
  });

beforeAll(async () => {
  dataDir = await freshDataDir();
  store = await openEventStore(dataDir.dir);
  server = await serve(createCollector({ database: store, insightsToken: TOKEN, rateLimit: false }));
  // Recent traffic: three paths, one track event name.
  const now = Date.now();
  const events = [
    page('/checkout/done', 's1', now - 3600_000),
    wireEvent({ ts: now - 3500_000, sessionId: 's1', anonymousId: 's1', name: 'order_completed' }),
    page('/checkout/done', 's2', now - 7200_000),
    page('/cart', 's2', now - 7300_000),
    page('/products/lamp', 's3', now - 7400_000),
  ];
  const sent = await fetch(`${server.url}/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sentAt: now, events }),
  });
  expect(sent.status).toBe(200);
});
afterAll(async () => {
  await server.close();
  await store.close();
  dataDir.remove();
});
beforeEach(async () => {
  await store.query('truncate config_versions, config_draft');
});

const get = (path: string, headers: Record<string, string> = SIGNED_IN) =>
  fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

/** The CSRF token a signed-in page carries. */
async function csrf(): Promise<string> {
  const text = await (await get('/admin/settings')).text();
  return /name="csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';
}

async function revision(): Promise<string> {
  const text = await (await get('/admin/settings')).text();
  return /name="revision" value="(\d+)"/.exec(text)?.[1] ?? '0';
}

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = SIGNED_IN) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

const CSAT = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How was checkout?',
  'when.pages': '/checkout/done',
  'when.event': 'order_completed',
  cooldownDays: '30',
};

async function createSurvey(fields: Record<string, string> = CSAT) {
  return post('/admin/surveys/new', {
    ...fields,
    action: 'save',
    revision: await revision(),
    csrf: await csrf(),
  });
}

async function publish(author = 'Ana', note = 'first') {
  return post('/admin/publish', { author, note, revision: await revision(), csrf: await csrf() });
}

const ADMIN_GETS = [
  '/admin',
  '/admin/surveys/new',
  '/admin/surveys/checkout-csat',
  '/admin/surveys/checkout-csat/delete',
  '/admin/settings',
  '/admin/versions',
  '/admin/preview?page=/cart',
  '/admin/api/matches?pages=/cart',
];
const ADMIN_POSTS = [
  '/admin/surveys/new',
  '/admin/surveys/checkout-csat',
  '/admin/surveys/checkout-csat/delete',
  '/admin/surveys/checkout-csat/pause',
  '/admin/surveys/checkout-csat/resume',
  '/admin/settings',
  '/admin/publish',
  '/admin/versions/1/rollback',
];

describe('sign-in', () => {
  it.each(ADMIN_GETS)('GET %s without sign-in gets the sign-in form, 401', async (path) => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { cookie: `${SESSION_COOKIE}=forged` }]) {
      const response = await get(path, headers);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('action="/admin/sign-in"');
    }
  });

  it.each(ADMIN_POSTS)('POST %s without sign-in is refused and changes nothing', async (path) => {
    await createSurvey();
    const token = await csrf();
    const response = await post(
      path,
      { ...CSAT, question: 'Changed?', revision: '1', csrf: token, author: 'Mallory' },
      {},
    );
    expect(response.status).toBe(401);
    expect(await store.query('select revision from config_draft')).toMatchObject({ rows: [{ revision: 1 }] });
    expect((await store.query('select count(*)::int as n from config_versions')).rows[0]).toEqual({ n: 0 });
  });

  it('signs in with the insights token at /admin/sign-in, with a cookie for /admin only', async () => {
    const response = await post('/admin/sign-in', { token: TOKEN }, {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
    expect(response.headers.get('set-cookie')).toMatch(
      /^touchpoint_insights=[^;]+; Path=\/admin; HttpOnly; SameSite=Strict/,
    );
  });

  it('serves its stylesheet and script without sign-in, and no page without it', async () => {
    expect((await get('/admin/admin.css', {})).status).toBe(200);
    expect((await get('/admin/admin.js', {})).headers.get('content-type')).toMatch(/javascript/);
  });
});

describe('CSRF', () => {
  it('refuses a signed-in POST with a forged or missing token, and saves nothing', async () => {
    for (const token of ['forged', '']) {
      const response = await post('/admin/surveys/new', {
        ...CSAT,
        action: 'save',
        revision: '0',
        csrf: token,
      });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('forged form token');
    }
    expect((await store.query('select count(*)::int as n from config_draft')).rows[0]).toEqual({ n: 0 });
  });

  it.each(['pause', 'resume'])('refuses a %s with a forged token, and changes nothing', async (action) => {
    await createSurvey();
    for (const token of ['forged', '']) {
      const response = await post(`/admin/surveys/checkout-csat/${action}`, { revision: '1', csrf: token });
      expect(response.status).toBe(403);
    }
    expect(await store.query('select revision from config_draft')).toMatchObject({ rows: [{ revision: 1 }] });
  });

  it('refuses a POST from another origin even with the right token', async () => {
    const token = await csrf();
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const response = await post(
        '/admin/surveys/new',
        { ...CSAT, action: 'save', revision: '0', csrf: token },
        { ...SIGNED_IN, ...headers },
      );
      expect(response.status).toBe(403);
    }
    expect((await store.query('select count(*)::int as n from config_draft')).rows[0]).toEqual({ n: 0 });
  });
});

describe('routes', () => {
  it('answers 404 for a path it does not have, and for an id that is no valid escape, without failing', async () => {
    for (const path of ['/admin/nope', '/admin/surveys/%E0%A4%A', '/admin/surveys/a/b/c'])
      expect((await get(path)).status).toBe(404);
    const response = await post('/admin/surveys/%E0%A4%A/pause', { revision: '0', csrf: await csrf() });
    expect(response.status).toBe(404);
  });

  it('answers 405 to a method it does not take', async () => {
    const response = await fetch(`${server.url}/admin`, { method: 'PUT', headers: SIGNED_IN });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
  });
});

describe('editing', () => {
  it('creates a survey and lists it as a draft', async () => {
    const response = await createSurvey();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/surveys/checkout-csat?saved=1');
    const list = await (await get('/admin')).text();
    expect(list).toContain('checkout-csat');
    expect(list).toContain('Draft only');
  });

  it('refuses a save made from a stale form with a clear message, keeping both edits visible', async () => {
    await createSurvey();
    const token = await csrf();
    const first = await post('/admin/surveys/checkout-csat', {
      ...CSAT,
      question: 'Ana’s edit?',
      action: 'save',
      revision: '1',
      csrf: token,
    });
    expect(first.status).toBe(303);
    const second = await post('/admin/surveys/checkout-csat', {
      ...CSAT,
      question: 'Ben’s edit?',
      action: 'save',
      revision: '1',
      csrf: token,
    });
    expect(second.status).toBe(409);
    const text = await second.text();
    expect(text).toContain('Someone else saved the draft since this page was loaded');
    expect(text).toContain('Ben’s edit?');
    expect(text).toContain('Ana’s edit?');
    // Saving again from the page it showed (the current revision) is a deliberate overwrite.
    expect(/name="revision" value="2"/.test(text)).toBe(true);
    const draft = await store.query<{ config: { surveys: { question: string }[] } }>(
      'select config from config_draft',
    );
    expect(draft.rows[0]?.config.surveys[0]?.question).toBe('Ana’s edit?');
  });

  it('shows the validator error next to its field and does not save', async () => {
    const response = await createSurvey({ ...CSAT, sample: 'half' });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toMatch(
      /<label for="f-sample">Sample \(0 to 1\)<\/label>\s*<ul class="problems" id="f-sample-problems"><li class="error"><strong>Error:<\/strong> expected a number from 0 to 1/,
    );
    expect(text).toMatch(
      /id="f-sample" name="sample" aria-describedby="f-sample-problems f-sample-hint" aria-invalid="true"/,
    );
    expect((await store.query('select count(*)::int as n from config_draft')).rows[0]).toEqual({ n: 0 });
  });

  it('saves traits, schedule, priority and texts by language, and shows them back in their fields', async () => {
    const response = await createSurvey({
      ...CSAT,
      'question.languages': 'ar = كيف كان الدفع؟',
      'when.user': 'plan = pro | team\norders >= 3',
      startsAt: '2027-01-15',
      endsAt: '2027-03-01',
      priority: '5',
      'followUp.low': 'What went wrong?',
      'followUp.low.languages': 'fr = Qu’est-ce qui a coincé ?',
    });
    expect(response.status).toBe(303);
    const draft = await store.query<{ config: { surveys: object[] } }>('select config from config_draft');
    expect(draft.rows[0]?.config.surveys[0]).toMatchObject({
      question: { en: 'How was checkout?', ar: 'كيف كان الدفع؟' },
      when: { user: { plan: ['pro', 'team'], orders: { gte: 3 } } },
      startsAt: '2027-01-15',
      endsAt: '2027-03-01',
      priority: 5,
      followUp: { low: { en: 'What went wrong?', fr: 'Qu’est-ce qui a coincé ?' } },
    });
    const text = await (await get('/admin/surveys/checkout-csat')).text();
    expect(text).toMatch(
      /<textarea id="f-when-user" name="when.user"[^>]*>plan = pro \| team\norders &gt;= 3<\/textarea>/,
    );
    expect(text).toMatch(
      /<textarea id="f-question-languages" name="question.languages"[^>]*>ar = كيف كان الدفع؟<\/textarea>/,
    );
    expect(text).toMatch(/id="f-startsAt" name="startsAt"[^>]*value="2027-01-15"/);
    expect(text).toMatch(/id="f-priority" name="priority"[^>]*value="5"/);
    // The list shows the English text and names the other languages.
    expect(await (await get('/admin')).text()).toContain(
      '<span>How was checkout?</span> <span class="hint">also ar</span>',
    );
    // A follow-up's languages field is folded away only while it is empty.
    const folded = (field: string) =>
      new RegExp(
        `<details class="languages"( open)?><summary>Other languages</summary><div class="field">\\s*<label for="f-${field}-languages">`,
      ).exec(text)?.[1];
    expect(folded('followUp-low')).toBe(' open');
    expect(folded('followUp-mid')).toBeUndefined();
    expect(text).toContain(
      '<details class="languages"><summary>Other languages</summary><div class="field">\n<label for="f-followUp-mid-languages">',
    );
  });

  it('shows what the form cannot read and what the validator refuses next to each field, and saves nothing', async () => {
    const response = await createSurvey({
      ...CSAT,
      'when.user': 'plan pro',
      startsAt: '2027-01-15T09:00',
      'question.languages': 'en = Twice?',
      'followUp.high.languages': 'not a tag = x',
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    const problemsOf = (id: string) =>
      new RegExp(
        `<ul class="problems" id="f-${id}-problems"><li class="error"><strong>Error:</strong> ([^<]*)</li>`,
      ).exec(text)?.[1];
    expect(problemsOf('when-user')).toBe(
      '&quot;plan pro&quot;: expected &quot;trait = value&quot; or &quot;trait &gt;= number&quot;',
    );
    expect(problemsOf('startsAt')).toBe('expected an ISO 8601 date, or date-time with its zone');
    expect(problemsOf('question-languages')).toBe(
      'the English text is given twice: above and as an &quot;en =&quot; line',
    );
    expect(problemsOf('followUp-high-languages')).toBe('expected a language tag');
    // What was typed stays in the form, to be corrected.
    expect(text).toMatch(/name="when.user"[^>]*>plan pro<\/textarea>/);
    // A line the form cannot read refuses the save on its own, though the survey would be valid without it.
    expect((await createSurvey({ ...CSAT, 'when.user': 'plan pro' })).status).toBe(422);
    expect((await store.query('select count(*)::int as n from config_draft')).rows[0]).toEqual({ n: 0 });
  });

  it('keeps a key of a newer SDK through a save and a publish, as a warning, not an error', async () => {
    await store.query(
      `insert into config_draft (id, revision, config, updated_by) values (1, 1, $1::text::json, 'test')`,
      [
        JSON.stringify({
          version: 1,
          surveys: [{ id: 'checkout-csat', metric: 'csat', question: 'Q?', futureField: 3, toString: 1 }],
        }),
      ],
    );
    const page = await (await get('/admin/surveys/checkout-csat')).text();
    expect(page).toContain('<strong>Warning:</strong> futureField: unknown key, ignored');
    expect(page).toContain('<strong>Warning:</strong> toString: unknown key, ignored');
    const saved = await post('/admin/surveys/checkout-csat', {
      ...CSAT,
      action: 'save',
      revision: '1',
      csrf: await csrf(),
    });
    expect(saved.status).toBe(303);
    expect((await publish()).status).toBe(303);
    expect((await (await get('/config/published.json', {})).json()).surveys[0]).toMatchObject({
      futureField: 3,
    });
  });

  it('refuses to save a link the prompt would not show (a javascript: URL), naming the field', async () => {
    const response = await createSurvey({
      ...CSAT,
      'links.low.label': 'Help',
      'links.low.url': 'javascript:alert(1)',
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/id="f-links-low-url-problems"><li class="error">/);
    expect((await store.query('select count(*)::int as n from config_draft')).rows[0]).toEqual({ n: 0 });
  });

  it('shows a lint warning for a glob that matches none of the recent paths, and the matches of one that does', async () => {
    await createSurvey({ ...CSAT, 'when.pages': '/checkout/thanks' });
    const text = await (await get('/admin/surveys/checkout-csat')).text();
    expect(text).toContain('&quot;/checkout/thanks&quot; matches none of the 3 listed pages');
    expect(text).toContain('Matches <strong>0</strong> of the 3 paths seen in the last 30 days.');
    const fixed = await post('/admin/surveys/checkout-csat', {
      ...CSAT,
      'when.pages': '/checkout/**',
      action: 'check',
      revision: '1',
      csrf: await csrf(),
    });
    const checked = await fixed.text();
    expect(checked).not.toContain('matches none');
    expect(checked).toContain('Matches <strong>1</strong> of the 3 paths');
    expect(checked).toContain('<code>/checkout/done</code> (2 views)');
  });

  it('suggests the event names the site sent and estimates the reach from its traffic', async () => {
    await createSurvey();
    const text = await (await get('/admin/surveys/checkout-csat')).text();
    expect(text).toContain('<datalist id="event-names"><option value="order_completed"></option></datalist>');
    // One session (s1) viewed /checkout/done and then sent order_completed, within a 1-day window.
    expect(text).toContain('About <strong>7</strong> people a week would see this.');
  });

  it('shows a question containing markup as text', async () => {
    await createSurvey({ ...CSAT, question: HOSTILE });
    for (const path of ['/admin', '/admin/surveys/checkout-csat']) {
      const text = await (await get(path)).text();
      expect(text).not.toContain('<img');
      expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    }
  });

  it('answers the live matches as JSON for the script', async () => {
    const response = await get(`/admin/api/matches?${new URLSearchParams({ pages: '/checkout/**\n/cart' })}`);
    expect(await response.json()).toEqual({
      globs: 2,
      seen: 3,
      count: 2,
      matched: [
        { path: '/checkout/done', views: 2 },
        { path: '/cart', views: 1 },
      ],
    });
  });

  it('deletes after confirmation', async () => {
    await createSurvey();
    expect(await (await get('/admin/surveys/checkout-csat/delete')).text()).toContain(
      'Delete survey checkout-csat?',
    );
    const response = await post('/admin/surveys/checkout-csat/delete', { revision: '1', csrf: await csrf() });
    expect(response.status).toBe(303);
    expect(await (await get('/admin')).text()).toContain('No surveys yet.');
  });
});

describe('ids', () => {
  it('refuses to save a survey renamed onto the id of a survey after it in the draft', async () => {
    await createSurvey({ ...CSAT, id: 'first' });
    await createSurvey({ ...CSAT, id: 'second' });
    const renamed = await post('/admin/surveys/first', {
      ...CSAT,
      id: 'second',
      action: 'save',
      revision: await revision(),
      csrf: await csrf(),
    });
    expect(renamed.status).toBe(422);
    expect(await renamed.text()).toContain('another survey of the draft has the id &quot;second&quot;');
    const draft = await store.query<{ config: { surveys: { id: string }[] } }>(
      'select config from config_draft',
    );
    expect(draft.rows[0]?.config.surveys.map((s) => s.id)).toEqual(['first', 'second']);
  });
});

describe('publishing', () => {
  it('serves the published configuration at a stable URL with an ETag and a short cache', async () => {
    expect((await get('/config/published.json', {})).status).toBe(404);
    await createSurvey();
    const published = await publish();
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe('/admin?published=1');
    const response = await get('/config/published.json', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"v1-[0-9a-f]{8}"$/);
    expect((await response.json()).surveys[0].id).toBe('checkout-csat');
    expect((await get('/config/published.json', { 'if-none-match': etag })).status).toBe(304);
  });

  it('refuses to publish without a name, or from a stale list', async () => {
    await createSurvey();
    expect((await post('/admin/publish', { author: '', revision: '1', csrf: await csrf() })).status).toBe(
      422,
    );
    expect((await post('/admin/publish', { author: 'Ana', revision: '0', csrf: await csrf() })).status).toBe(
      409,
    );
    expect((await get('/config/published.json', {})).status).toBe(404);
  });

  it('shows the history with a diff, and rolls back with one click: the published URL serves the old version', async () => {
    await createSurvey();
    await publish('Ana', 'first');
    const edit = await post('/admin/surveys/checkout-csat', {
      ...CSAT,
      question: 'Second wording?',
      action: 'save',
      revision: '1',
      csrf: await csrf(),
    });
    expect(edit.status).toBe(303);
    const second = await publish('Ben', 'reworded');
    expect(second.status, await second.text()).toBe(303);
    const history = await (await get('/admin/versions?from=1&to=2')).text();
    expect(history).toContain('<code>surveys[&quot;checkout-csat&quot;].question</code>');
    expect(history).toContain('&quot;How was checkout?&quot;');
    expect(history).toContain('&quot;Second wording?&quot;');
    const rolled = await post('/admin/versions/1/rollback', { author: 'Cy', csrf: await csrf() });
    expect(rolled.status).toBe(303);
    const response = await get('/config/published.json', {});
    expect(response.headers.get('etag')).toMatch(/^"v3-/);
    expect((await response.json()).surveys[0].question).toBe('How was checkout?');
    expect(await (await get('/admin/versions')).text()).toContain('Rollback to version 1');
  });
});

describe('survey states', () => {
  const listed = async (id: string) => {
    const text = await (await get('/admin')).text();
    const row =
      new RegExp(`<tr>\\s*<td><a href="/admin/surveys/${id}">[\\s\\S]*?</tr>`).exec(text)?.[0] ?? '';
    return { status: /<span class="status[^"]*">([^<]*)<\/span>/.exec(row)?.[1], row };
  };

  it('lists live, scheduled, ended and draft surveys by the live version’s schedule', async () => {
    await createSurvey();
    await createSurvey({ ...CSAT, id: 'later', startsAt: '2999-01-01' });
    await createSurvey({ ...CSAT, id: 'over', endsAt: '2020-01-01' });
    await publish();
    await createSurvey({ ...CSAT, id: 'unpublished' });
    expect((await listed('checkout-csat')).status).toBe('Live');
    expect((await listed('later')).status).toBe('Scheduled: starts 2999-01-01 00:00 UTC');
    expect((await listed('over')).status).toBe('Ended 2020-01-01 00:00 UTC');
    expect((await listed('unpublished')).status).toBe('Draft only');
  });

  it('pauses a live survey: kept in the draft, left out of the next publish and of the preview, then resumed', async () => {
    await createSurvey();
    await createSurvey({ ...CSAT, id: 'other' });
    await publish();
    const paused = await post('/admin/surveys/checkout-csat/pause', {
      revision: await revision(),
      csrf: await csrf(),
    });
    expect(paused.status).toBe(303);
    expect(paused.headers.get('location')).toBe('/admin?paused=checkout-csat');
    const before = await listed('checkout-csat');
    expect(before.status).toBe('Paused: still live until the next publish');
    expect(before.row).toContain('aria-label="Resume checkout-csat"');
    // Editing a paused survey keeps it paused; the mark is no validator finding.
    const edit = await post('/admin/surveys/checkout-csat', {
      ...CSAT,
      question: 'Reworded?',
      action: 'save',
      revision: await revision(),
      csrf: await csrf(),
    });
    expect(edit.status).toBe(303);
    expect(await (await get('/admin/surveys/checkout-csat')).text()).toContain('This survey is paused');
    expect((await publish('Ana', 'pause checkout')).status).toBe(303);
    const live = await (await get('/config/published.json', {})).json();
    expect(live.surveys.map((s: { id: string }) => s.id)).toEqual(['other']);
    expect(JSON.stringify(live)).not.toContain('paused');
    expect((await listed('checkout-csat')).status).toBe('Paused');
    expect(await (await get('/admin')).text()).toContain(
      'The draft is what is live, its paused surveys left out.',
    );
    const preview = new URL((await get('/admin/preview?page=/checkout/done')).headers.get('location') ?? '');
    const draft = new URL(preview.searchParams.get('tp_preview') ?? '');
    expect((await (await get(draft.pathname + draft.search, {})).json()).surveys).toHaveLength(1);

    const resumed = await post('/admin/surveys/checkout-csat/resume', {
      revision: await revision(),
      csrf: await csrf(),
    });
    expect(resumed.headers.get('location')).toBe('/admin?resumed=checkout-csat');
    expect((await listed('checkout-csat')).status).toBe('Draft only');
    await publish('Ana', 'back');
    const back = await (await get('/config/published.json', {})).json();
    expect(back.surveys.map((s: { id: string; question: string }) => [s.id, s.question])).toEqual([
      ['checkout-csat', 'Reworded?'],
      ['other', 'How was checkout?'],
    ]);
  });

  it('lints what will be published: a paused survey with errors neither lists them nor hides the publish form', async () => {
    const broken = { id: 'broken', metric: 'csat', question: 'Q?', when: { pages: [] }, paused: true };
    await store.query(
      `insert into config_draft (id, revision, config, updated_by) values (1, 1, $1::text::json, 'test')`,
      [JSON.stringify({ version: 1, surveys: [broken, { id: 'fine', metric: 'nps', question: 'R?' }] })],
    );
    const text = await (await get('/admin')).text();
    expect(text).not.toContain('Fix the errors above to publish.');
    expect(text).not.toContain('<strong>Error:</strong>');
    expect(text).toContain('<button type="submit">Publish the draft</button>');
    expect((await publish()).status).toBe(303);
    const live = await (await get('/config/published.json', {})).json();
    expect(live.surveys.map((s: { id: string }) => s.id)).toEqual(['fine']);
    // Resumed, its errors are what would be published, and gate it again.
    await store.query(`update config_draft set config = $1::text::json, revision = revision + 1`, [
      JSON.stringify({ version: 1, surveys: [{ ...broken, paused: undefined }] }),
    ]);
    expect(await (await get('/admin')).text()).toContain('Fix the errors above to publish.');
  });

  it('refuses a pause from a stale list, and a pause of a survey the draft does not have', async () => {
    await createSurvey();
    await createSurvey({ ...CSAT, id: 'other' });
    const stale = await post('/admin/surveys/checkout-csat/pause', { revision: '1', csrf: await csrf() });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone else saved the draft');
    expect((await listed('checkout-csat')).status).toBe('Draft only');
    const missing = await post('/admin/surveys/nope/pause', {
      revision: await revision(),
      csrf: await csrf(),
    });
    expect(missing.status).toBe(404);
  });
});

describe('preview', () => {
  it('sends the browser to a seen page of the site with ?tp_preview= pointing at the draft, which only the key opens', async () => {
    await createSurvey();
    const response = await get('/admin/preview?page=/checkout/done');
    expect(response.status).toBe(303);
    const target = new URL(response.headers.get('location') ?? '');
    expect(target.origin + target.pathname).toBe('http://shop.test/checkout/done');
    const draft = new URL(target.searchParams.get('tp_preview') ?? '');
    expect(draft.origin).toBe(server.url);
    const answer = await get(draft.pathname + draft.search, {});
    expect(answer.status).toBe(200);
    expect((await answer.json()).surveys[0].id).toBe('checkout-csat');
    expect((await get('/config/draft.json?key=guess', {})).status).toBe(403);
  });

  it('says when the live configuration does not allow this collector as a preview origin', async () => {
    await createSurvey();
    const text = await (await get('/admin/surveys/checkout-csat')).text();
    expect(text).toContain(`does not list this collector (${server.url}) in its preview origins`);
    await post('/admin/settings', { previewOrigins: server.url, revision: '1', csrf: await csrf() });
    await publish();
    expect(await (await get('/admin/surveys/checkout-csat')).text()).not.toContain(
      'does not list this collector',
    );
  });
});

// Last in the file: it adds page views to the shared recent traffic.
describe('preview, with page views posted by someone else', () => {
  it('opens the origin most recent views came from, not the newest view or one dated in the future', async () => {
    await createSurvey();
    const now = Date.now();
    const forged = (ts: number) => page('/checkout/done', 'forger', ts, 'https://evil.example');
    const sent = await fetch(`${server.url}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sentAt: now,
        events: [
          forged(now - 1000),
          forged(now + 86_400_000),
          forged(now + 2 * 86_400_000),
          forged(now + 3 * 86_400_000),
          forged(now + 4 * 86_400_000),
        ],
      }),
    });
    expect(sent.status).toBe(200);
    const response = await get('/admin/preview?page=/checkout/done');
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location') ?? '').origin).toBe('http://shop.test');
  });
});
