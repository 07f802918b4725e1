import { createTouchpoint, type JourneyEvent, STAGES, type TouchpointConfig } from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_VIEW_WAIT_MS } from '../../packages/core/src/config-source';

const collect = (tp: ReturnType<typeof createTouchpoint>, type: '*' | 'page' | 'track' = '*') => {
  const events: JourneyEvent[] = [];
  tp.on(type, (e) => events.push(e));
  return events;
};
const flushStore = () => Promise.resolve();

beforeEach(() => {
  // A spy on an already spied method is the same spy in vitest 4: start each test at zero.
  vi.clearAllMocks();
  localStorage.clear();
  history.replaceState(null, '', '/');
  document.body.removeAttribute('data-tp-stage');
  document.title = 'Home';
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createTouchpoint', () => {
  it('exports the journey stages in journey order', () => {
    expect(STAGES).toEqual([
      'discovery',
      'touchpoint',
      'interest',
      'purchase',
      'use',
      'service',
      'advocacy',
      'churn',
    ]);
  });

  it('records a page view on creation with the page context', () => {
    history.replaceState(null, '', '/products/x?ref=ad');
    const events: JourneyEvent[] = [];
    const tp = createTouchpoint({ autoPageviews: false });
    tp.on('*', (e) => events.push(e));
    tp.page();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'page',
      page: { url: 'http://localhost:3000/products/x?ref=ad', path: '/products/x', title: 'Home' },
    });
    expect(events[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[0]?.anonymousId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("leaves absent fields out of the event's JSON, as the SPEC's event shape has them optional", () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.page();
    tp.identify('user-7');
    tp.track('order_completed', { total: 42 });
    const wire = events.map((e) => Object.keys(JSON.parse(JSON.stringify(e))).sort());
    const base = ['anonymousId', 'id', 'page', 'sessionId', 'ts', 'type'];
    expect(wire).toEqual([base, [...base, 'userId'].sort(), [...base, 'name', 'props', 'userId'].sort()]);
  });

  it('gives track events their name, props and the stage from props.stage', () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('order_completed', { stage: 'purchase', total: 42 });
    expect(events[0]).toMatchObject({
      type: 'track',
      name: 'order_completed',
      stage: 'purchase',
      props: { total: 42 },
    });
    expect(events[0]?.props).not.toHaveProperty('stage');
  });

  it('takes no stage and keeps the props of a track whose JSON-parsed props carry a __proto__ key', () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    tp.track('order_completed', JSON.parse('{"__proto__": {"stage": "purchase"}, "total": 42}'));
    expect(events[0]?.stage).toBeUndefined();
    expect(events[0]?.props).toEqual({ total: 42 });
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('page views', () => {
  it('records one page view on load and one per SPA navigation, never twice in a row for a URL', () => {
    vi.useFakeTimers();
    document.title = 'Start';
    const tp = createTouchpoint();
    const pages = collect(tp, 'page');
    // All in the creating task: the deferred load view then finds its URL recorded already.
    history.pushState(null, '', '/products');
    history.replaceState(null, '', '/products');
    vi.runAllTimers();
    history.pushState(null, '', '/products#reviews');
    vi.runAllTimers();
    history.pushState(null, '', '/checkout');
    vi.runAllTimers();
    expect(pages.map((e) => e.page.path)).toEqual(['/products', '/checkout']);
    expect(pages[1]?.page.referrer).toBe('http://localhost:3000/products');
  });

  it('emits the first automatic page view after createTouchpoint returns, so listeners added in the same task get it', async () => {
    history.replaceState(null, '', '/products');
    expect(document.readyState).not.toBe('loading');
    const tp = createTouchpoint();
    const pages = collect(tp, 'page');
    tp.stage('interest');
    expect(pages).toEqual([]);
    await Promise.resolve();
    expect(pages.map((e) => [e.page.path, e.stage])).toEqual([['/products', 'interest']]);
  });

  it('waits at most FIRST_VIEW_WAIT_MS for a configuration URL without a cached copy before the first page view', async () => {
    vi.useFakeTimers();
    // A config server that never answers within the fetch timeout.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    );
    const tp = createTouchpoint({ config: '/touchpoint.config.json' });
    const events = collect(tp, 'page');
    await vi.advanceTimersByTimeAsync(FIRST_VIEW_WAIT_MS - 1);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toHaveLength(1);
  });

  it('gives the first page view the configured stage when the configuration arrives within the wait', async () => {
    vi.useFakeTimers();
    const config = { version: 1, stages: { '/': 'touchpoint' } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(config))),
    );
    const tp = createTouchpoint({ config: '/touchpoint.config.json' });
    const events = collect(tp, 'page');
    await vi.advanceTimersByTimeAsync(10);
    expect(events.map((e) => e.stage)).toEqual(['touchpoint']);
  });

  it("starts the first view's wait when the document has loaded, not when the instance is created", async () => {
    vi.useFakeTimers();
    const config = { version: 1, stages: { '/': 'touchpoint' } };
    // The configuration answers 2.5 s after start-up, 0.5 s after DOMContentLoaded.
    vi.stubGlobal(
      'fetch',
      vi.fn(
        () => new Promise((resolve) => setTimeout(() => resolve(new Response(JSON.stringify(config))), 2500)),
      ),
    );
    // A classic async script that runs while the page is still parsing.
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      const tp = createTouchpoint({ config: '/touchpoint.config.json' });
      const events = collect(tp, 'page');
      await vi.advanceTimersByTimeAsync(2000);
      window.dispatchEvent(new Event('DOMContentLoaded'));
      await vi.advanceTimersByTimeAsync(400);
      expect(events).toEqual([]);
      await vi.advanceTimersByTimeAsync(200);
      expect(events.map((e) => e.stage)).toEqual(['touchpoint']);
    } finally {
      // Back to the document's own getter.
      delete (document as { readyState?: unknown }).readyState;
    }
  });

  it("gives an event after pushState the new route's stage without automatic page views, as it gives its path", () => {
    vi.useFakeTimers();
    const config: TouchpointConfig = {
      version: 1,
      stages: { '/a': 'interest', '/b': 'purchase' },
      surveys: [
        { id: 'go', metric: 'nps', question: 'Recommend us?', when: { event: 'go', stage: 'purchase' } },
      ],
    };
    history.replaceState(null, '', '/a');
    const tp = createTouchpoint({ config, autoPageviews: false });
    tp.page();
    const dues: unknown[] = [];
    tp.on('survey_due', (d) => dues.push(d));
    const tracks = collect(tp, 'track');
    tp.track('x');
    // Navigated, and the site's own page() call for the new route is not there yet.
    history.pushState(null, '', '/b');
    tp.track('go');
    tp.track('y');
    expect(dues).toHaveLength(1);
    expect(tracks.map((e) => [e.name, e.page.path, e.stage])).toEqual([
      ['x', '/a', 'interest'],
      ['go', '/b', 'purchase'],
      ['y', '/b', 'purchase'],
    ]);
  });

  it('sees back and forward navigation (popstate)', () => {
    vi.useFakeTimers();
    const tp = createTouchpoint();
    const pages = collect(tp, 'page');
    history.pushState(null, '', '/a');
    vi.runAllTimers();
    history.pushState(null, '', '/b');
    vi.runAllTimers();
    history.replaceState(null, '', '/a');
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.runAllTimers();
    expect(pages.map((e) => e.page.path)).toEqual(['/a', '/b', '/a']);
  });

  it('takes the page stage from <body data-tp-stage> and lets stage() win on that page', () => {
    vi.useFakeTimers();
    document.body.setAttribute('data-tp-stage', 'interest');
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.page();
    tp.track('viewed');
    tp.stage('purchase');
    tp.track('paid');
    expect(events.map((e) => [e.type, e.stage])).toEqual([
      ['page', 'interest'],
      ['track', 'interest'],
      ['stage', 'purchase'],
      ['track', 'purchase'],
    ]);
  });

  it('does nothing automatic with autoPageviews: false', () => {
    vi.useFakeTimers();
    const seen: JourneyEvent[] = [];
    const tp = createTouchpoint({ autoPageviews: false });
    tp.on('*', (e) => seen.push(e));
    history.pushState(null, '', '/elsewhere');
    vi.runAllTimers();
    expect(seen).toEqual([]);
  });

  it('redacts secrets in the query and drops the fragment, and accepts a site redaction', () => {
    history.replaceState(null, '', '/reset/abc123?token=s3cr3t&q=shoes#access_token=x');
    const custom = createTouchpoint({
      autoPageviews: false,
      redact: (url) => url.replace(/\/reset\/[^/?]+/, '/reset/:token'),
    });
    const b = collect(custom);
    custom.page();
    expect(b[0]?.page).toMatchObject({
      url: 'http://localhost:3000/reset/:token?token=s3cr3t&q=shoes',
      path: '/reset/:token',
    });
    const tp = createTouchpoint({ autoPageviews: false });
    const c = collect(tp);
    tp.page();
    expect(c[0]?.page.url).toBe('http://localhost:3000/reset/abc123?token=[redacted]&q=shoes');
  });

  it('falls back to the default redaction, with one warning, when the site redaction throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    history.replaceState(null, '', '/?email=a@b.co');
    const tp = createTouchpoint({
      autoPageviews: false,
      redact: () => {
        throw new Error('boom');
      },
    });
    const events = collect(tp);
    tp.page();
    tp.page();
    expect(events[0]?.page.url).toBe('http://localhost:3000/?email=[redacted]');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[touchpoint\] options\.redact/);
  });
});

describe('identity and sessions', () => {
  it('keeps the anonymous id across instances (page loads) through localStorage', async () => {
    const first = collect(createTouchpoint());
    await flushStore();
    const tp = createTouchpoint({ autoPageviews: false });
    const second = collect(tp);
    tp.track('again');
    expect(second[0]?.anonymousId).toBe(
      first[0]?.anonymousId ?? JSON.parse(localStorage.getItem('tp_aid') ?? '""'),
    );
    expect(localStorage.getItem('tp_aid')).toBe(JSON.stringify(second[0]?.anonymousId));
  });

  it('rotates the session after 30 minutes without activity, and not before', () => {
    vi.useFakeTimers();
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('a');
    vi.advanceTimersByTime(29 * 60_000);
    tp.track('b');
    vi.advanceTimersByTime(29 * 60_000);
    tp.track('c');
    vi.advanceTimersByTime(31 * 60_000);
    tp.track('d');
    const [a, b, c, d] = events.map((e) => e.sessionId);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(d).not.toBe(c);
  });

  it('keeps the session across a reload within 30 minutes', async () => {
    vi.useFakeTimers();
    const tp1 = createTouchpoint({ autoPageviews: false });
    const one = collect(tp1);
    tp1.track('a');
    await flushStore();
    vi.advanceTimersByTime(10 * 60_000);
    const tp2 = createTouchpoint({ autoPageviews: false });
    const two = collect(tp2);
    tp2.track('b');
    expect(two[0]?.sessionId).toBe(one[0]?.sessionId);
  });

  it('adds userId after identify and gives a fresh identity on reset', () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('before');
    tp.identify('user-7', { plan: 'pro' });
    tp.track('after');
    tp.reset();
    tp.track('reset');
    const [before, identify, after, reset] = events;
    expect(before?.userId).toBeUndefined();
    expect(identify).toMatchObject({ type: 'identify', userId: 'user-7', props: { plan: 'pro' } });
    expect(after?.userId).toBe('user-7');
    expect(reset?.userId).toBeUndefined();
    expect(reset?.anonymousId).not.toBe(after?.anonymousId);
    expect(reset?.sessionId).not.toBe(after?.sessionId);
  });

  it('starts a new session with an empty trail on reset, though the old one is already stored', async () => {
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('first_person_page');
    await flushStore();
    tp.reset();
    tp.identify('next-person');
    tp.record('survey_answered', { surveyId: 's', metric: 'nps', score: 9 });
    const [first, identify, answered] = events;
    expect(identify?.sessionId).not.toBe(first?.sessionId);
    expect(answered?.props?.trail).toEqual([expect.objectContaining({ type: 'identify' })]);
  });

  it('keeps identity in memory with one warning when localStorage throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked, key: blocked });
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('a');
    tp.track('b');
    await flushStore();
    expect(events).toHaveLength(2);
    expect(events[0]?.anonymousId).toBe(events[1]?.anonymousId);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('localStorage is unavailable');
  });
});

describe('consent', () => {
  it('stores nothing and tells no listener before consent, then releases the held events in order', async () => {
    const tp = createTouchpoint({ requireConsent: true, autoPageviews: false });
    const events = collect(tp);
    const signals: boolean[] = [];
    tp.on('consent', (granted) => signals.push(granted));
    tp.page();
    tp.track('a');
    await flushStore();
    expect(tp.consented).toBe(false);
    expect(events).toEqual([]);
    expect(localStorage.length).toBe(0);
    tp.consent(true);
    await flushStore();
    expect(tp.consented).toBe(true);
    expect(signals).toEqual([true]);
    expect(events.map((e) => e.type)).toEqual(['page', 'track']);
    expect(localStorage.getItem('tp_aid')).toBe(JSON.stringify(events[0]?.anonymousId));
    expect(localStorage.getItem('tp_consent')).toBe('true');
  });

  it('remembers a grant, so a returning visitor is not asked again', async () => {
    createTouchpoint({ requireConsent: true }).consent(true);
    await flushStore();
    expect(createTouchpoint({ requireConsent: true }).consented).toBe(true);
  });

  it('discards held events and clears stored identity on consent(false)', async () => {
    const granted = createTouchpoint();
    granted.track('x');
    await flushStore();
    expect(localStorage.getItem('tp_aid')).not.toBeNull();
    const tp = createTouchpoint({ requireConsent: true, autoPageviews: false });
    const events = collect(tp);
    tp.track('held');
    tp.consent(false);
    granted.consent(false);
    await flushStore();
    // Only the refusal is left: it is the decision itself (it used to be cleared too, so an
    // opt-out lasted one page).
    expect(Object.keys(localStorage).filter((k) => k.startsWith('tp_'))).toEqual(['tp_consent']);
    expect(localStorage.getItem('tp_consent')).toBe('false');
    tp.consent(true);
    tp.track('after');
    expect(events.map((e) => e.name)).toEqual(['after']);
  });

  it('remembers a refusal on later page loads even without requireConsent, until consent(true) replaces it', async () => {
    const first = createTouchpoint({ autoPageviews: false });
    expect(first.consented).toBe(true);
    first.consent(false);
    await flushStore();
    const next = createTouchpoint({ autoPageviews: false });
    expect(next.consented).toBe(false);
    const events = collect(next);
    next.track('held');
    await flushStore();
    expect(events).toEqual([]);
    expect(Object.keys(localStorage)).toEqual(['tp_consent']);
    next.consent(true);
    await flushStore();
    expect(localStorage.getItem('tp_consent')).toBe('true');
    expect(createTouchpoint({ autoPageviews: false }).consented).toBe(true);
    expect(createTouchpoint({ requireConsent: true, autoPageviews: false }).consented).toBe(true);
  });

  it('holds at most 100 events, dropping the oldest with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = createTouchpoint({ requireConsent: true, autoPageviews: false });
    const events = collect(tp);
    for (let i = 0; i < 105; i++) tp.track('n', { i });
    tp.consent(true);
    expect(events).toHaveLength(100);
    expect(events[0]?.props).toEqual({ i: 5 });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('keeps survey_due from listeners while consent is missing', () => {
    const tp = createTouchpoint({ requireConsent: true, autoPageviews: false });
    const due = vi.fn();
    tp.on('survey_due', due);
    tp.show('anything');
    expect(due).not.toHaveBeenCalled();
  });
});

describe('listeners', () => {
  it('reports a throwing listener once and still calls the others', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const tp = createTouchpoint({ autoPageviews: false });
    tp.on('track', () => {
      throw new Error('listener bug');
    });
    const events = collect(tp, 'track');
    expect(() => {
      tp.track('a');
      tp.track('b');
    }).not.toThrow();
    expect(events).toHaveLength(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[touchpoint\] a 'track' listener threw/);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'subscribes a listener to the type %s without throwing, and tells it nothing of other types',
    (type) => {
      const tp = createTouchpoint({ autoPageviews: false });
      const fn = vi.fn();
      let off: (() => void) | undefined;
      expect(() => {
        off = tp.on(type as '*', fn);
      }).not.toThrow();
      tp.track('a');
      expect(fn).not.toHaveBeenCalled();
      expect(off).toBeTypeOf('function');
      off?.();
    },
  );

  it('never throws from on() even for a type that throws when read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = createTouchpoint({ autoPageviews: false });
    const hostile = {
      toString() {
        throw new Error('hostile');
      },
    };
    expect(() => tp.on(hostile as unknown as '*', () => {})).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('stops calling a listener after its unsubscribe, and * never sees local signals', () => {
    const tp = createTouchpoint({ requireConsent: true, autoPageviews: false });
    const all = vi.fn();
    const off = tp.on('*', all);
    tp.consent(true);
    expect(all).not.toHaveBeenCalled();
    tp.track('a');
    off();
    tp.track('b');
    expect(all).toHaveBeenCalledTimes(1);
  });
});

describe('bad input', () => {
  it('drops invalid names and stages with one warning naming the call, and never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    const loose = tp as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => {
      loose.track?.('');
      loose.track?.(Symbol('x'));
      loose.track?.('');
      loose.stage?.('Not A Stage');
      loose.identify?.(42);
      loose.consent?.('yes');
      loose.record?.('survey_bogus', {});
      tp.track('ok', { stage: 'NOPE' } as never);
      loose.on?.('track', 'not a function');
      createTouchpoint('nonsense' as never);
    }).not.toThrow();
    expect(events.map((e) => [e.name, e.stage])).toEqual([['ok', undefined]]);
    const messages = warn.mock.calls.map((c) => String(c[0]));
    expect(messages).toEqual([
      "[touchpoint] track(''): invalid; dropped",
      '[touchpoint] track(symbol): invalid; dropped',
      "[touchpoint] stage('Not A Stage'): invalid; dropped",
      '[touchpoint] identify(number): invalid; dropped',
      "[touchpoint] consent('yes'): invalid; ignored",
      "[touchpoint] record('survey_bogus') (type, surveyId or metric): invalid; dropped",
      "[touchpoint] track('ok') props.stage: invalid; ignored",
      "[touchpoint] on('track') listener: invalid; not subscribed",
      '[touchpoint] createTouchpoint(options): invalid; defaults used',
    ]);
  });

  it('warns once that show() has no configured survey, and explain() lists none', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = createTouchpoint({ autoPageviews: false });
    tp.show('checkout-csat');
    tp.show('checkout-csat');
    expect(tp.explain()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("show('checkout-csat')");
  });
});

describe('journey trail', () => {
  it('attaches the last 20 steps of the session to survey_answered, across page loads', async () => {
    const first = createTouchpoint({ autoPageviews: false });
    for (let i = 0; i < 25; i++) first.track(`step_${i}`);
    await flushStore();
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.stage('purchase');
    tp.record('survey_answered', { surveyId: 'checkout-csat', metric: 'csat', score: 4 });
    const trail = events[1]?.props?.trail as { name?: string; stage?: string; type: string }[];
    expect(events[1]).toMatchObject({ type: 'survey_answered', stage: 'purchase', props: { score: 4 } });
    expect(trail).toHaveLength(20);
    expect(trail[0]?.name).toBe('step_6');
    expect(trail[19]).toMatchObject({ type: 'stage', stage: 'purchase', path: '/' });
  });

  it('starts an empty trail with a new session', () => {
    vi.useFakeTimers();
    const tp = createTouchpoint({ autoPageviews: false });
    const events = collect(tp);
    tp.track('old');
    vi.advanceTimersByTime(31 * 60_000);
    tp.record('survey_answered', { surveyId: 's', metric: 'nps', score: 9 });
    expect(events[1]?.props?.trail).toEqual([]);
  });
});
