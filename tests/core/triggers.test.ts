import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configHash } from '../../packages/core/src/config-hash';
import { CONFIG_KEY, HISTORY_KEY, SESSION_KEY } from '../../packages/core/src/keys';
import type { TriggerHost } from '../../packages/core/src/survey-seam';
import { createTriggers } from '../../packages/core/src/triggers';
import type {
  EventType,
  JourneyEvent,
  JsonValue,
  Survey,
  SurveyDue,
  TouchpointConfig,
} from '../../packages/core/src/types';
import { validateConfig } from '../../packages/core/src/validate';
import { readable, readableAll } from './readable';

const DAY = 864e5;
const csat: Survey = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How satisfied are you with checkout today?',
  when: { pages: ['/checkout/done'], event: 'order_completed', stage: 'purchase', delayMs: 1500 },
  cooldownDays: 30,
};
const nps: Survey = { id: 'home-nps', metric: 'nps', question: 'Recommend us?', when: { pages: ['/'] } };
const help: Survey = { id: 'help-ces', metric: 'ces', question: 'Easy?', when: { pages: ['/help/**'] } };
const config: TouchpointConfig = {
  version: 1,
  stages: { '/': 'touchpoint', '/checkout/**': 'purchase', '/help/**': 'service' },
  surveys: [csat, nps, help],
};

/** A host as createTouchpoint makes one, with the page, session and storage in plain variables. */
function fakeHost(cfg: unknown = config, stored: Record<string, JsonValue> = {}) {
  const data: Record<string, JsonValue> = { ...stored };
  const dues: SurveyDue[] = [];
  const state = { path: '/', stage: undefined as string | undefined, views: 0, session: 's1' };
  const host: TriggerHost = {
    _config: cfg as TouchpointConfig,
    _where: () => ({ path: state.path, stage: state.stage }),
    _anonymousId: () => 'anon-1',
    _consented: () => true,
    _signal: vi.fn((type: string, payload: unknown) => {
      if (type === 'survey_due') dues.push(payload as SurveyDue);
    }),
    _record: vi.fn(),
    _store: {
      // The session record holds the page views, as the core's does.
      _get: (key) => (key === SESSION_KEY ? { views: state.views } : data[key]),
      _set: (key, value) => {
        if (value === undefined) delete data[key];
        else data[key] = value;
      },
      _persist() {},
      _clear() {},
    },
    _warn: vi.fn(),
  };
  const triggers = createTriggers(host);
  // The instance's survey methods, as it delegates them to the triggers; consent given.
  const tp = {
    show: (id: string) => triggers._show(id),
    explain: () => triggers._explain(),
    record: (type: string, props: unknown) => triggers._recordSurveyEvent(type, props),
  };
  const event = (type: EventType, extra: Partial<JourneyEvent> = {}) =>
    triggers._onEvent({
      id: `e${Math.random()}`,
      type,
      ts: Date.now(),
      anonymousId: 'anon-1',
      sessionId: state.session,
      page: { url: `https://shop.example${state.path}`, path: state.path },
      ...(state.stage ? { stage: state.stage } : {}),
      ...extra,
    });
  /** A page view, as the core emits it on load and after SPA navigations. */
  const visit = (path: string) => {
    state.path = path;
    state.stage = triggers._stageFor(path);
    state.views++;
    event('page');
  };
  const record = (type: EventType, surveyId: string) => event(type, { props: { surveyId, metric: 'nps' } });
  const ids = () => dues.map((d) => d.survey.id);
  return { host, tp, triggers, data, dues, state, event, visit, record, ids };
}

/** Each test on a fake clock at 2026-01-01, with the globals it stubs restored after. */
function onFakeClock() {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}

describe('createTriggers', () => {
  onFakeClock();

  it('makes a survey with only pages due on a matching page view', () => {
    const t = fakeHost();
    t.visit('/about');
    expect(t.dues).toEqual([]);
    t.visit('/');
    expect(t.dues).toEqual([{ survey: nps, forced: false }]);
  });

  it('supplies the page stage from the config stages, the most specific glob winning', () => {
    const t = fakeHost({ version: 1, stages: { '/**': 'touchpoint', '/checkout/**': 'purchase' } });
    expect(t.triggers._stageFor('/checkout/done/')).toBe('purchase');
    expect(t.triggers._stageFor('/about')).toBe('touchpoint');
  });

  it('waits for the event, the stage and the page together, then for delayMs', () => {
    const t = fakeHost();
    t.visit('/checkout/done');
    t.event('track', { name: 'cart_viewed' });
    vi.advanceTimersByTime(5000);
    expect(t.dues).toEqual([]);
    t.event('track', { name: 'order_completed' });
    vi.advanceTimersByTime(1499);
    expect(t.dues).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.dues).toEqual([{ survey: csat, forced: false }]);
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'waits for delayMs for a survey with the id %s, like any other id',
    (id) => {
      const survey: Survey = { id, metric: 'nps', question: 'Q?', when: { pages: ['/'], delayMs: 1000 } };
      const t = fakeHost({ version: 1, surveys: [survey] });
      t.visit('/');
      vi.advanceTimersByTime(1000);
      expect(t.ids()).toEqual([id]);
    },
  );

  it('does not make the survey due when the event happens on another stage', () => {
    const t = fakeHost();
    t.visit('/checkout/done');
    t.event('track', { name: 'order_completed', stage: 'service' });
    vi.advanceTimersByTime(2000);
    expect(t.dues).toEqual([]);
  });

  it('cancels a pending delay when the visitor navigates away first, SPA navigations included', () => {
    const t = fakeHost();
    t.visit('/checkout/done');
    t.event('track', { name: 'order_completed' });
    vi.advanceTimersByTime(1000);
    t.visit('/about');
    vi.advanceTimersByTime(10_000);
    expect(t.dues).toEqual([]);
  });

  it('keeps the delay of an event tracked on the new page before that page view arrives (pushState, then track)', () => {
    const t = fakeHost();
    t.visit('/cart');
    // The router pushed /checkout/done and tracked in the same task; the core's automatic
    // page view for the new URL comes a task later.
    t.state.path = '/checkout/done';
    t.state.stage = 'purchase';
    t.event('track', { name: 'order_completed' });
    t.visit('/checkout/done');
    vi.advanceTimersByTime(1500);
    expect(t.ids()).toEqual(['checkout-csat']);
  });

  it('starts one timer per survey however often its event repeats', () => {
    const t = fakeHost({ ...config, surveys: [csat], limits: { maxPerSession: 5 } });
    t.visit('/checkout/done');
    t.event('track', { name: 'order_completed' });
    vi.advanceTimersByTime(1000);
    t.event('track', { name: 'order_completed' });
    vi.advanceTimersByTime(5000);
    expect(t.ids()).toEqual(['checkout-csat']);
  });

  it('checks again in full when the delay elapses: a survey shown meanwhile uses up the session', () => {
    const t = fakeHost();
    t.visit('/checkout/done');
    t.event('track', { name: 'order_completed' });
    // Shown automatically in another tab meanwhile (show() would not count toward the limit).
    t.data[HISTORY_KEY] = { surveys: { 'help-ces': { shown: Date.now() } }, session: { id: 's1', shown: 1 } };
    vi.advanceTimersByTime(1500);
    expect(t.ids()).toEqual([]);
  });

  it('lets the first survey in configuration order win when several are due at once', () => {
    const t = fakeHost({ version: 1, surveys: [help, nps, { ...help, id: 'help-2' }] });
    t.visit('/help/faq');
    expect(t.ids()).toEqual(['help-ces']);
  });

  it("drops the page view's waiting pick when an event then picks a survey of higher priority, which waits longer", () => {
    const page: Survey = { ...nps, id: 'page-csat', when: { pages: ['/checkout/done'], delayMs: 1000 } };
    const order: Survey = {
      ...nps,
      id: 'order-nps',
      priority: 1,
      when: { event: 'order_completed', delayMs: 3000 },
    };
    const t = fakeHost({ version: 1, surveys: [page, order] });
    t.visit('/checkout/done');
    t.event('track', { name: 'order_completed' });
    vi.advanceTimersByTime(5000);
    // The widget shows the first survey due: the higher priority wins even while it waits.
    expect(t.ids()).toEqual(['order-nps']);
  });

  it("drops an event's waiting pick when a later event picks a survey that ranks higher", () => {
    const added: Survey = { ...nps, id: 'added', when: { event: 'added_to_cart', delayMs: 1000 } };
    const order: Survey = {
      ...nps,
      id: 'order-nps',
      priority: 1,
      when: { event: 'order_completed', delayMs: 3000 },
    };
    const t = fakeHost({ version: 1, surveys: [added, order] });
    t.visit('/cart');
    t.event('track', { name: 'added_to_cart' });
    t.event('track', { name: 'order_completed' });
    vi.advanceTimersByTime(5000);
    expect(t.ids()).toEqual(['order-nps']);
  });

  it("keeps an event's waiting pick when a later event picks a survey that ranks lower", () => {
    const order: Survey = {
      ...nps,
      id: 'order-nps',
      priority: 1,
      when: { event: 'order_completed', delayMs: 3000 },
    };
    const added: Survey = { ...nps, id: 'added', when: { event: 'added_to_cart', delayMs: 1000 } };
    const t = fakeHost({ version: 1, surveys: [order, added], limits: { maxPerSession: 5 } });
    t.visit('/cart');
    t.event('track', { name: 'order_completed' });
    t.event('track', { name: 'added_to_cart' });
    vi.advanceTimersByTime(5000);
    expect(t.ids()).toEqual(['order-nps']);
  });

  it('keeps to one prompt at a time from survey_shown until the open one is dismissed', () => {
    const t = fakeHost({ version: 1, surveys: [nps, help], limits: { maxPerSession: 5 } });
    t.visit('/');
    // The widget reports the prompt it shows; a due alone no longer holds the page (it may be dropped).
    t.record('survey_shown', 'home-nps');
    t.visit('/help');
    expect(t.ids()).toEqual(['home-nps']);
    expect(readable(t.tp.explain()[1]?.reasons.at(-1))).toEqual({
      rule: 'open',
      ok: false,
      detail: 'home-nps open, needs none',
    });
    t.record('survey_dismissed', 'home-nps');
    t.visit('/help/faq');
    expect(t.ids()).toEqual(['home-nps', 'help-ces']);
  });

  it('leaves nothing behind for a due that nothing showed, so the next survey can still be due', () => {
    const t = fakeHost({ version: 1, surveys: [nps, help], limits: { maxPerSession: 5 } });
    t.visit('/');
    // No survey_shown: consent missing, another prompt open, or the widget still loading.
    t.visit('/help');
    expect(t.ids()).toEqual(['home-nps', 'help-ces']);
    expect(t.tp.explain()[1]?.reasons.filter((r) => !r.ok)).toEqual([]);
  });

  it('keeps the prompt open through its follow-up after survey_answered, until the comment is sent', () => {
    const faq: Survey = { ...help, when: { pages: ['/help/**'], event: 'faq_opened' } };
    const t = fakeHost({ version: 1, surveys: [nps, faq], limits: { maxPerSession: 5 } });
    t.visit('/');
    t.record('survey_shown', 'home-nps');
    t.record('survey_answered', 'home-nps');
    t.event('track', { name: 'faq_opened' });
    t.state.path = '/help/faq';
    t.event('track', { name: 'faq_opened' });
    expect(t.ids()).toEqual(['home-nps']);
    expect(t.tp.explain()[1]?.reasons.at(-1)?.rule).toBe('open');
    t.record('survey_comment', 'home-nps');
    t.event('track', { name: 'faq_opened' });
    expect(t.ids()).toEqual(['home-nps', 'help-ces']);
  });

  it('ends the follow-up of an answered prompt at the next page view, since it may close without an event', () => {
    const t = fakeHost({ version: 1, surveys: [nps, help], limits: { maxPerSession: 5 } });
    t.visit('/');
    t.record('survey_shown', 'home-nps');
    t.record('survey_answered', 'home-nps');
    t.visit('/help/faq');
    expect(t.ids()).toEqual(['home-nps', 'help-ces']);
  });

  it('records shown, answered and dismissed in the history as the widget reports them', () => {
    const t = fakeHost();
    t.record('survey_shown', 'home-nps');
    t.record('survey_answered', 'home-nps');
    t.record('survey_comment', 'home-nps');
    t.record('survey_dismissed', 'help-ces');
    const now = Date.now();
    expect(t.data[HISTORY_KEY]).toEqual({
      surveys: { 'home-nps': { shown: now, answered: now }, 'help-ces': { dismissed: now } },
      last: now,
      session: { id: 's1', shown: 1 },
    });
  });

  it('never shows an answered survey again, in later sessions and days', () => {
    const t = fakeHost();
    t.visit('/');
    t.record('survey_shown', 'home-nps');
    t.record('survey_answered', 'home-nps');
    for (let day = 1; day <= 400; day += 100) {
      vi.setSystemTime(Date.UTC(2026, 0, 1) + day * DAY);
      t.state.session = `s-day-${day}`;
      t.visit('/');
    }
    expect(t.ids()).toEqual(['home-nps']);
  });

  it('shows a dismissed survey again once its cooldown has passed, in a later session', () => {
    const t = fakeHost({ version: 1, surveys: [{ ...nps, cooldownDays: 30 }] });
    t.visit('/');
    t.record('survey_shown', 'home-nps');
    t.record('survey_dismissed', 'home-nps');
    vi.setSystemTime(Date.UTC(2026, 0, 1) + 29 * DAY);
    t.state.session = 's2';
    t.visit('/');
    expect(t.ids()).toEqual(['home-nps']);
    vi.setSystemTime(Date.UTC(2026, 0, 1) + 30 * DAY);
    t.visit('/');
    expect(t.ids()).toEqual(['home-nps', 'home-nps']);
  });

  it('forces a survey with show(id), bypassing pages and limits', () => {
    const t = fakeHost();
    t.record('survey_shown', 'home-nps');
    t.visit('/about');
    t.tp.show('checkout-csat');
    expect(t.dues).toEqual([{ survey: csat, forced: true }]);
  });

  it('warns and shows nothing for show() of an unknown survey', () => {
    const t = fakeHost();
    t.tp.show('nope');
    expect(t.dues).toEqual([]);
    expect(t.host._warn).toHaveBeenCalledWith("show('nope'): unknown survey; ignored");
  });

  it('explains every survey on this page right now', () => {
    const t = fakeHost();
    t.visit('/checkout/done');
    expect(readableAll(t.tp.explain())).toEqual([
      {
        id: 'checkout-csat',
        eligible: false,
        reasons: [
          { rule: 'consent', ok: true, detail: 'given, needs given' },
          { rule: 'pages', ok: true, detail: '/checkout/done, needs /checkout/done' },
          { rule: 'event', ok: false, detail: 'no event, needs order_completed' },
          { rule: 'stage', ok: true, detail: 'purchase, needs purchase' },
          { rule: 'maxPerSession', ok: true, detail: '0 shown, needs < 1' },
        ],
      },
      {
        id: 'home-nps',
        eligible: false,
        reasons: [
          { rule: 'consent', ok: true, detail: 'given, needs given' },
          { rule: 'pages', ok: false, detail: '/checkout/done, needs /' },
          { rule: 'maxPerSession', ok: true, detail: '0 shown, needs < 1' },
        ],
      },
      expect.objectContaining({ id: 'help-ces', eligible: false }),
    ]);
  });

  it('logs the explanation on each page view with ?tp_debug=1 in the URL', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    fakeHost().visit('/');
    expect(table).not.toHaveBeenCalled();
    history.replaceState(null, '', '/?tp_debug=1');
    fakeHost().visit('/');
    expect(info).toHaveBeenCalledWith('[touchpoint] surveys on / (tp_debug=1)');
    expect(table).toHaveBeenCalledWith([
      expect.objectContaining({ id: 'checkout-csat', eligible: false }),
      {
        id: 'home-nps',
        eligible: true,
        why: '',
      },
      expect.objectContaining({ id: 'help-ces', eligible: false }),
    ]);
    history.replaceState(null, '', '/');
  });

  it('reports an invalid configuration once and runs its valid surveys', () => {
    const t = fakeHost({ version: 1, surveys: [{ ...nps, metric: 'stars' }, help] });
    expect(t.host._warn).toHaveBeenCalledTimes(1);
    expect(t.host._warn).toHaveBeenCalledWith(
      'config: invalid; 1 survey(s) skipped, other bad fields ignored:\nsurveys[0].metric: expected "nps" | "csat" | "ces"',
    );
    t.visit('/help');
    expect(t.ids()).toEqual(['help-ces']);
  });

  it('judges the current page when a fetched configuration arrives after the page view', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(config))),
    );
    const t = fakeHost('/touchpoint.config.json');
    t.visit('/');
    expect(t.dues).toEqual([]);
    await vi.runAllTimersAsync();
    expect(t.ids()).toEqual(['home-nps']);
  });

  it('warns instead of leaving an unhandled rejection when applying a fetched configuration fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(config))),
    );
    const t = fakeHost('/touchpoint.config.json');
    vi.mocked(t.host._signal).mockImplementation(() => {
      throw new Error('bug');
    });
    await expect(t.triggers._firstViewReady?.()).resolves.toBeUndefined();
    expect(t.host._warn).toHaveBeenCalledWith('config: not applied', expect.any(Error));
  });

  it('runs the cached configuration when the fetch fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const t = fakeHost('/touchpoint.config.json');
    t.data[CONFIG_KEY] = { url: '/touchpoint.config.json', config: config as never };
    t.visit('/');
    await vi.runAllTimersAsync();
    expect(t.ids()).toEqual(['home-nps']);
  });
});

describe('a configuration URL, stale while revalidating', () => {
  const URL_ = '/touchpoint.config.json';
  const fresh: TouchpointConfig = { ...config, stages: { '/**': 'use' }, surveys: [help] };
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(fresh))),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('runs the cached copy at once, then the fresh one when it arrives', async () => {
    const t = fakeHost(URL_, { [CONFIG_KEY]: { url: URL_, config: config as never } });
    // A multi-page site loads the configuration on every page: the first page view of each
    // must not wait for the network, nor lose the page's stage.
    expect(t.triggers._firstViewReady).toBeUndefined();
    expect(t.triggers._stageFor('/checkout/done')).toBe('purchase');
    await vi.waitFor(() => expect(t.triggers._stageFor('/checkout/done')).toBe('use'));
    expect(t.tp.explain().map((e) => e.id)).toEqual(['help-ces']);
  });

  it('warns about an invalid configuration once, not again when the fresh copy is the same', async () => {
    const bad = { ...fresh, surveys: [help, { ...nps, metric: 'stars' }] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(bad))),
    );
    const t = fakeHost(URL_, { [CONFIG_KEY]: { url: URL_, config: bad as never } });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    // One macrotask turn lets the fetch's promise chain (response, json, apply) settle.
    await new Promise((settled) => setTimeout(settled));
    expect(t.host._warn).toHaveBeenCalledTimes(1);
    expect(t.host._signal).toHaveBeenCalledTimes(1);
  });

  it('without a cached copy, offers a promise the first page view waits for', async () => {
    const t = fakeHost(URL_);
    expect(t.triggers._stageFor('/checkout/done')).toBeUndefined();
    await t.triggers._firstViewReady?.();
    expect(t.triggers._stageFor('/checkout/done')).toBe('use');
  });

  it('gives the first page view of a load the stage the fetched configuration maps its path to', async () => {
    history.replaceState(null, '', '/checkout/done');
    const { createTouchpoint } = await import('@touchpoint/core');
    const tp = createTouchpoint({ config: URL_ });
    const pages: JourneyEvent[] = [];
    tp.on('page', (e) => pages.push(e));
    await vi.waitFor(() => expect(pages).toHaveLength(1));
    expect(pages[0]?.stage).toBe('use');
    history.replaceState(null, '', '/');
    localStorage.clear();
  });
});

describe('triggers through createTouchpoint', () => {
  afterEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('stamps every survey event with the hash of the validated configuration in use', async () => {
    const { createTouchpoint } = await import('@touchpoint/core');
    // An unknown key is dropped by the validator, so the hash is of what runs, not of the file.
    const raw = { ...config, theme: 'dark' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(raw))),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = createTouchpoint({ config: '/touchpoint.config.json', autoPageviews: false });
    const events: JourneyEvent[] = [];
    tp.on('*', (e) => events.push(e));
    for (let i = 0; i < 10 && !tp.explain().length; i++) await new Promise((r) => setTimeout(r));
    const expected = configHash(validateConfig(raw).config);
    expect(expected).not.toBe(configHash(raw));
    const survey = { surveyId: 'home-nps', metric: 'nps' } as const;
    tp.record('survey_shown', survey);
    tp.record('survey_answered', { ...survey, score: 9 });
    tp.record('survey_comment', { ...survey, comment: 'Great' });
    tp.record('survey_dismissed', { ...survey, configHash: 'forged' });
    tp.track('not_a_survey_event');
    expect(events.map((e) => [e.type, e.props?.configHash])).toEqual([
      ['survey_shown', expected],
      ['survey_answered', expected],
      ['survey_comment', expected],
      ['survey_dismissed', expected],
      ['track', undefined],
    ]);
    vi.unstubAllGlobals();
  });

  it('names missing consent in explain() until consent is given', async () => {
    const { createTouchpoint } = await import('@touchpoint/core');
    const tp = createTouchpoint({ config, requireConsent: true, autoPageviews: false });
    const consentOf = () => tp.explain().map((e) => [e.id, e.eligible, readable(e.reasons[0])]);
    tp.page();
    expect(consentOf()).toEqual([
      ['checkout-csat', false, { rule: 'consent', ok: false, detail: 'missing, needs given' }],
      ['home-nps', false, { rule: 'consent', ok: false, detail: 'missing, needs given' }],
      ['help-ces', false, { rule: 'consent', ok: false, detail: 'missing, needs given' }],
    ]);
    tp.consent(true);
    const given = { rule: 'consent', ok: true, detail: 'given, needs given' };
    expect(tp.explain().map((e) => readable(e.reasons[0]))).toEqual([given, given, given]);
  });

  it('gives page views the configured stage, makes the due survey known and records what the widget reports', async () => {
    const { createTouchpoint } = await import('@touchpoint/core');
    vi.useFakeTimers();
    history.replaceState(null, '', '/checkout/done');
    const tp = createTouchpoint({ config, autoPageviews: false });
    const dues: SurveyDue[] = [];
    const pages: (string | undefined)[] = [];
    tp.on('survey_due', (d) => dues.push(d));
    tp.on('page', (e) => pages.push(e.stage));
    tp.page();
    tp.track('order_completed');
    expect(pages).toEqual(['purchase']);
    expect(tp.explain().map((e) => e.id)).toEqual(['checkout-csat', 'home-nps', 'help-ces']);
    vi.advanceTimersByTime(1499);
    expect(dues).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(dues.map((d) => d.survey.id)).toEqual(['checkout-csat']);
    tp.record('survey_shown', { surveyId: 'checkout-csat', metric: 'csat' });
    await Promise.resolve();
    expect(JSON.parse(localStorage.getItem('tp_history') ?? '{}').surveys).toEqual({
      'checkout-csat': { shown: expect.any(Number) },
    });
    tp.show('home-nps');
    expect(dues.at(-1)).toEqual({ survey: nps, forced: true });
    vi.useRealTimers();
  });
});

describe('preview through createTouchpoint', () => {
  const DRAFT = '/drafts/next.json';
  const CMS_DRAFT = 'https://cms.example.com/drafts/next.json';
  // Published: nobody is sampled in. The draft: the same survey reworded, still sample 0.
  const published: TouchpointConfig = {
    version: 1,
    surveys: [{ ...nps, sample: 0 }],
    previewOrigins: ['https://cms.example.com'],
  };
  const draft: TouchpointConfig = {
    version: 1,
    surveys: [{ ...nps, question: 'Draft: recommend us?', sample: 0, cooldownDays: 30 }],
    limits: { maxPerSession: 1, minDaysBetweenSurveys: 30 },
  };
  const served: Record<string, TouchpointConfig> = {
    '/touchpoint.config.json': published,
    [DRAFT]: draft,
    [CMS_DRAFT]: draft,
  };

  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.useRealTimers();
    sessionStorage.clear();
    localStorage.clear();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body = served[url];
        return body ? new Response(JSON.stringify(body)) : new Response('', { status: 404 });
      }),
    );
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warn.mockClear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    history.replaceState(null, '', '/');
  });

  /** An instance on `url`, once its configuration is applied, with what its listeners saw. */
  const start = async (url: string) => {
    const { createTouchpoint, previewConfig } = await import('@touchpoint/core');
    history.replaceState(null, '', url);
    const tp = createTouchpoint({ config: previewConfig('/touchpoint.config.json'), autoPageviews: false });
    const all: JourneyEvent[] = [];
    const dues: SurveyDue[] = [];
    const shown: JourneyEvent[] = [];
    tp.on('*', (e) => all.push(e));
    tp.on('survey_due', (d) => dues.push(d));
    tp.on('survey_shown', (e) => shown.push(e));
    const hash = await new Promise<string>((resolve) => tp.on('config', resolve));
    return { tp, all, dues, shown, hash };
  };

  it('runs a same-origin draft instead of the published configuration, bypassing sampling, cooldowns and limits', async () => {
    // History that would block the survey for a month, and the session's one survey used up.
    localStorage.setItem(
      'tp_history',
      JSON.stringify({ surveys: { 'home-nps': { shown: Date.now() } }, last: Date.now() }),
    );
    const { tp, dues, hash } = await start(`/?tp_preview=${encodeURIComponent('/drafts/next.json')}`);
    expect(tp.preview).toBe('/drafts/next.json');
    expect(hash).toBe(configHash(validateConfig(draft).config));
    tp.page();
    expect(dues.map((d) => d.survey.question)).toEqual(['Draft: recommend us?']);
    // The widget shows it (a due alone holds nothing since it may be dropped).
    tp.record('survey_shown', { surveyId: 'home-nps', metric: 'nps' });
    // Only the open prompt holds it now: no sample, cooldown or limit counts in preview.
    expect(
      tp
        .explain()[0]
        ?.reasons.filter((r) => !r.ok)
        .map((r) => r.rule),
    ).toEqual(['open']);
  });

  it('writes no survey history and keeps survey events from collectors, while journey events still go', async () => {
    const { tp, all, shown } = await start('/?tp_preview=/drafts/next.json');
    tp.page();
    tp.record('survey_shown', { surveyId: 'home-nps', metric: 'nps' });
    tp.record('survey_answered', { surveyId: 'home-nps', metric: 'nps', score: 9 });
    tp.track('order_completed');
    await Promise.resolve();
    expect(all.map((e) => e.type)).toEqual(['page', 'track']);
    // The widget's own listeners still hear the survey: the prompt works as on the real page.
    expect(shown).toHaveLength(1);
    expect(localStorage.getItem('tp_history')).toBeNull();
    // The draft is not kept as the last good copy of the published configuration.
    expect(JSON.parse(localStorage.getItem('tp_config') ?? '{}').url).toBe('/touchpoint.config.json');
  });

  it('keeps the preview through navigation within the tab', async () => {
    await start('/?tp_preview=/drafts/next.json');
    const { tp } = await start('/products');
    expect(tp.preview).toBe('/drafts/next.json');
  });

  it('runs a draft from an origin the published configuration lists in previewOrigins', async () => {
    const { tp, dues } = await start(`/?tp_preview=${encodeURIComponent(CMS_DRAFT)}`);
    expect(tp.preview).toBe(CMS_DRAFT);
    tp.page();
    expect(dues.map((d) => d.survey.question)).toEqual(['Draft: recommend us?']);
  });

  it('refuses a draft from any other origin with one message, and runs the published configuration', async () => {
    const other = 'https://evil.example/draft.json';
    const { tp, dues, all, hash } = await start(`/?tp_preview=${encodeURIComponent(other)}`);
    expect(tp.preview).toBeUndefined();
    expect(sessionStorage.getItem('tp_preview')).toBeNull();
    expect(hash).toBe(configHash(validateConfig(published).config));
    expect(fetch).not.toHaveBeenCalledWith(other, expect.anything());
    expect(warn.mock.calls.map((c: unknown[]) => String(c[0]))).toEqual([
      `[touchpoint] preview ${other}: origin not in previewOrigins; published config runs`,
    ]);
    tp.page();
    expect(dues).toEqual([]); // sample 0 holds again
    tp.record('survey_shown', { surveyId: 'home-nps', metric: 'nps' });
    expect(all.map((e) => e.type)).toEqual(['page', 'survey_shown']);
  });

  it('refuses inline JSON as a draft, though it resolves as a same-origin path, and never parses it', async () => {
    const inline = JSON.stringify({
      ...draft,
      surveys: [{ ...nps, question: 'Visit evil.example', sample: 1 }],
    });
    const { tp, dues, hash } = await start(`/?tp_preview=${encodeURIComponent(inline)}`);
    expect(tp.preview).toBeUndefined();
    expect(sessionStorage.getItem('tp_preview')).toBeNull();
    expect(hash).toBe(configHash(validateConfig(published).config));
    expect(warn.mock.calls.map((c: unknown[]) => String(c[0]))).toEqual([
      `[touchpoint] preview ${inline}: not an http(s) URL; published config runs`,
    ]);
    tp.page();
    expect(dues).toEqual([]);
  });

  it('remembers a draft for the tab only once the published configuration allowed it', async () => {
    const { createTouchpoint, previewConfig } = await import('@touchpoint/core');
    history.replaceState(null, '', '/?tp_preview=/drafts/next.json');
    const tp = createTouchpoint({ config: previewConfig('/touchpoint.config.json'), autoPageviews: false });
    expect(sessionStorage.getItem('tp_preview')).toBeNull();
    await new Promise((resolve) => tp.on('config', resolve));
    expect(sessionStorage.getItem('tp_preview')).toBe('/drafts/next.json');
  });

  it('ignores ?tp_preview= when the configuration is not wrapped in previewConfig, so apps that never preview carry none of it', async () => {
    const { createTouchpoint } = await import('@touchpoint/core');
    history.replaceState(null, '', '/?tp_preview=/drafts/next.json');
    const tp = createTouchpoint({ config: '/touchpoint.config.json', autoPageviews: false });
    expect(tp.preview).toBeUndefined();
    const hash = await new Promise<string>((resolve) => tp.on('config', resolve));
    expect(hash).toBe(configHash(validateConfig(published).config));
    expect(fetch).not.toHaveBeenCalledWith(DRAFT, expect.anything());
  });

  it('leaves preview on exitPreview(): the tab forgets the draft and reloads without the parameter', async () => {
    const { exitPreview } = await import('@touchpoint/core');
    const replace = vi.spyOn(location, 'replace').mockImplementation(() => {});
    const { tp } = await start('/products?tp_preview=/drafts/next.json');
    expect(tp.preview).toBe('/drafts/next.json');
    exitPreview();
    expect(replace).toHaveBeenCalledWith('http://localhost:3000/products');
    expect(sessionStorage.getItem('tp_preview')).toBeNull();
    // The reloaded page runs the published configuration, at once from its last good copy
    // (revalidated by a fetch), so its survey events carry the published hash.
    history.replaceState(null, '', '/products');
    const { createTouchpoint, previewConfig } = await import('@touchpoint/core');
    const after = createTouchpoint({
      config: previewConfig('/touchpoint.config.json'),
      autoPageviews: false,
    });
    expect(after.preview).toBeUndefined();
    const seen: JourneyEvent[] = [];
    after.on('survey_shown', (e) => seen.push(e));
    after.record('survey_shown', { surveyId: nps.id, metric: nps.metric });
    expect(seen[0]?.props?.configHash).toBe(configHash(validateConfig(published).config));
  });
});

describe('survey rules that hold (page views, configuration updates, early events, show())', () => {
  onFakeClock();

  it.each<[string, (t: ReturnType<typeof fakeHost>) => void]>([
    ['a tracked click', (t) => t.event('track', { name: 'clicked' })],
    ['identify()', (t) => t.event('identify')],
    ['stage()', (t) => t.event('stage', { stage: 'service' })],
  ])('decides a page-view survey once per page view: dismissed, it does not come back after %s', (_, act) => {
    const t = fakeHost({ version: 1, surveys: [nps], limits: { maxPerSession: 5 } });
    t.visit('/');
    t.record('survey_shown', 'home-nps');
    t.record('survey_dismissed', 'home-nps');
    act(t);
    expect(t.ids()).toEqual(['home-nps']);
    // The next page view decides again.
    t.visit('/');
    expect(t.ids()).toEqual(['home-nps', 'home-nps']);
  });

  it('re-checks a page view that has picked nothing when stage() enters the stage its survey needs', () => {
    const used: Survey = { ...nps, when: { pages: ['/'], stage: 'use' } };
    const t = fakeHost({ version: 1, surveys: [used] });
    t.visit('/');
    expect(t.ids()).toEqual([]);
    t.state.stage = 'use';
    t.event('stage', { stage: 'use' });
    expect(t.ids()).toEqual(['home-nps']);
  });

  it('explains what it holds beside the rules: the pick due now or after its delay, and a page view that has picked', () => {
    const slow: Survey = { ...help, when: { pages: ['/'], delayMs: 2000 } };
    const t = fakeHost({ version: 1, surveys: [slow, nps], limits: { maxPerSession: 5 } });
    t.visit('/');
    vi.advanceTimersByTime(500);
    expect(t.tp.explain().map(({ id, dueInMs, decided }) => ({ id, dueInMs, decided }))).toEqual([
      { id: 'help-ces', dueInMs: 1500, decided: undefined },
      { id: 'home-nps', dueInMs: undefined, decided: true },
    ]);
    vi.advanceTimersByTime(1500);
    expect(t.ids()).toEqual(['help-ces']);
    expect(t.tp.explain()[0]?.dueInMs).toBe(0);
    t.record('survey_shown', 'help-ces');
    t.record('survey_dismissed', 'help-ces');
    expect(t.tp.explain().map(({ eligible, dueInMs, decided }) => [eligible, dueInMs, decided])).toEqual([
      [true, undefined, true],
      [true, undefined, true],
    ]);
  });

  it('does not show() count toward maxPerSession: an automatic survey still shows after one', () => {
    const t = fakeHost({ version: 1, surveys: [nps, help] });
    t.visit('/about');
    t.tp.show('help-ces');
    t.record('survey_shown', 'help-ces');
    t.record('survey_dismissed', 'help-ces');
    t.visit('/');
    expect(t.ids()).toEqual(['help-ces', 'home-nps']);
    // The automatic one does count: the default limit is one per session.
    t.record('survey_shown', 'home-nps');
    t.record('survey_dismissed', 'home-nps');
    t.visit('/help');
    expect(t.ids()).toEqual(['help-ces', 'home-nps']);
  });

  it('closes the open prompt when the widget says it closed (an empty follow-up), so others may show', () => {
    const t = fakeHost({ version: 1, surveys: [nps, help], limits: { maxPerSession: 5 } });
    t.visit('/');
    t.record('survey_shown', 'home-nps');
    t.record('survey_answered', 'home-nps');
    expect(t.tp.explain()[1]?.reasons.at(-1)?.rule).toBe('open');
    t.triggers._closed('home-nps');
    expect(t.tp.explain()[1]?.reasons.some((r) => r.rule === 'open')).toBe(false);
  });

  it('counts an event tracked before the first configuration for it, once, and runs an early show()', async () => {
    const URL_ = '/touchpoint.config.json';
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    const { delayMs: _, ...when } = csat.when ?? {};
    const noDelay: Survey = { ...csat, when };
    const t = fakeHost(URL_);
    t.state.path = '/checkout/done';
    t.state.stage = 'purchase';
    t.event('track', { name: 'order_completed' });
    t.tp.show('help-ces');
    t.visit('/checkout/done');
    expect(t.ids()).toEqual([]);
    answer(new Response(JSON.stringify({ ...config, surveys: [noDelay, help] })));
    await vi.waitFor(() => expect(t.ids()).toEqual(['checkout-csat', 'help-ces']));
    expect(t.dues.map((d) => d.forced)).toEqual([false, true]);
    // Exactly once: a later configuration does not count the early event again.
    t.record('survey_shown', 'checkout-csat');
    t.record('survey_dismissed', 'checkout-csat');
    expect(t.ids()).toHaveLength(2);
  });

  it('drops an early event of another page: it counts for the surveys of its own page only', async () => {
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    const { delayMs: _, ...when } = csat.when ?? {};
    const t = fakeHost('/touchpoint.config.json');
    t.state.path = '/checkout/pay';
    t.state.stage = 'purchase';
    t.event('track', { name: 'order_completed' });
    t.visit('/checkout/done');
    answer(new Response(JSON.stringify({ ...config, surveys: [{ ...csat, when }] })));
    await vi.waitFor(() => expect(t.tp.explain().map((e) => e.id)).toEqual(['checkout-csat']));
    expect(t.ids()).toEqual([]);
  });

  it('re-checks a pending delay against a new configuration: a survey it drops never shows', async () => {
    const URL_ = '/touchpoint.config.json';
    const delayed: Survey = { ...nps, when: { pages: ['/'], delayMs: 1500 } };
    const cached = { ...config, surveys: [delayed] };
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    const t = fakeHost(URL_, { [CONFIG_KEY]: { url: URL_, config: cached as never } });
    t.visit('/');
    vi.advanceTimersByTime(400);
    answer(new Response(JSON.stringify({ ...config, surveys: [help] })));
    await vi.waitFor(() => expect(t.triggers._stageFor('/checkout/x')).toBe('purchase'));
    await vi.waitFor(() => expect(t.tp.explain().map((e) => e.id)).toEqual(['help-ces']));
    vi.advanceTimersByTime(1100);
    expect(t.ids()).toEqual([]);
  });
});
