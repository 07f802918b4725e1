import type { JourneyEvent, SurveyDue, Touchpoint } from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type ScriptTouchpoint = Touchpoint & { push(...calls: unknown[][]): void };
declare global {
  interface Window {
    Touchpoint?: unknown;
  }
}

// The adapter and the widget loader are the entry's edges: stubbed here, so these tests prove
// the wiring; the built files are driven for real in tests/e2e/script.test.ts.
const { connect, loadWidget } = vi.hoisted(() => ({
  connect: vi.fn<(tp: Touchpoint, options: { endpoint: string }) => unknown>(),
  loadWidget: vi.fn<(url: string, nonce: string, name?: string) => Promise<unknown>>(),
}));
vi.mock('@touchpoint/adapter', () => ({ connect }));
vi.mock('../../../script/widget-loader/load-widget', () => ({ loadWidget }));

// A path the type-checker does not follow: script/ is its own project.
const entry = new URL('../../../script/tag/touchpoint.ts', import.meta.url).pathname;

/** Runs the script-tag entry afresh, as a page load would. */
const load = async () => {
  vi.resetModules();
  await import(/* @vite-ignore */ entry);
  return window.Touchpoint as ScriptTouchpoint;
};

/** A tag like the page's `<script src="/touchpoint.js" data-…>`, inert so happy-dom does not fetch it. */
const tag = (attributes: Record<string, string>, src = '/touchpoint.js') => {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.src = src;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.append(script);
  return script;
};

const SURVEY = { id: 'home-nps', metric: 'nps', question: 'Would you recommend us?' };
const inline = JSON.stringify({ version: 1, surveys: [SURVEY] });
/** The same survey, due only after an event: the first page view does not make it due. */
const waiting = JSON.stringify({ version: 1, surveys: [{ ...SURVEY, when: { event: 'feedback_clicked' } }] });

/** Lets resolved promises run their callbacks. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

let warn: { mock: { calls: unknown[][] }; mockClear(): void };
const warnings = () => warn.mock.calls.map((call) => String(call[0]));

beforeEach(() => {
  localStorage.clear();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  delete window.Touchpoint;
  connect.mockReset();
  loadWidget.mockReset();
  // A widget file that is still on its way, unless a test says otherwise: a due survey waits for it.
  loadWidget.mockReturnValue(new Promise(() => {}));
  // Nothing leaves the test: a request no test stubbed waits forever instead of reaching
  // happy-dom's default origin (127.0.0.1:3000) and printing the refused connection.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise(() => {})),
  );
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  // vitest hands back the same spy on an already spied console.warn: start from no calls.
  warn.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the script tag', () => {
  it('replays the pre-load queue in order, then the first page view, and keeps push() working afterwards', async () => {
    const events: JourneyEvent[] = [];
    window.Touchpoint = [
      ['on', '*', (e: JourneyEvent) => events.push(e)],
      ['identify', 'user-7'],
      ['stage', 'interest', { sku: 'X1' }],
      ['track', 'compared'],
    ];
    const tp = await load();
    tp.push(['track', 'added_to_cart']);
    tp.track('direct');
    expect(events.map((e) => `${e.type}:${e.name ?? e.stage ?? ''}`)).toEqual([
      'identify:',
      'stage:interest',
      'track:compared',
      'page:interest',
      'track:added_to_cart',
      'track:direct',
    ]);
    expect(events[1]?.props).toEqual({ sku: 'X1' });
    // The queued identify() and stage() apply to the automatic page view that follows them.
    expect(events[3]).toMatchObject({ userId: 'user-7', stage: 'interest' });
  });

  it('makes every core method callable on window.Touchpoint', async () => {
    const tp = await load();
    for (const method of ['page', 'stage', 'track', 'identify', 'consent', 'on', 'show', 'explain', 'reset'])
      expect(typeof (tp as unknown as Record<string, unknown>)[method], method).toBe('function');
  });

  it('connects the adapter to data-endpoint before the queue replays', async () => {
    const seen: string[] = [];
    connect.mockImplementation((tp: Touchpoint) => {
      tp.on('*', (e) => seen.push(e.name ?? e.type));
      return { flush: async () => {}, stop() {} };
    });
    tag({ 'data-endpoint': '/collect' });
    window.Touchpoint = [['track', 'queued_before_load']];
    const tp = await load();
    expect(connect).toHaveBeenCalledTimes(1);
    expect(connect.mock.calls[0]?.[0]).toBe(tp);
    expect(connect.mock.calls[0]?.[1]).toEqual({ endpoint: '/collect' });
    expect(seen).toContain('queued_before_load');
  });

  it('says once that nothing is sent without data-endpoint, and still records events locally', async () => {
    tag({});
    const tp = await load();
    const events: JourneyEvent[] = [];
    tp.on('track', (e) => events.push(e));
    tp.track('local_only');
    expect(connect).not.toHaveBeenCalled();
    expect(events).toHaveLength(1);
    expect(
      warnings().filter((w) =>
        w.includes('no data-endpoint on the script tag; events are recorded on this page'),
      ),
    ).toHaveLength(1);
  });

  it('runs the surveys of data-config-inline', async () => {
    tag({ 'data-config-inline': inline });
    const tp = await load();
    expect(tp.explain().map((e) => e.id)).toEqual(['home-nps']);
  });

  it('fetches data-config, and when it is unreachable says so and carries on without throwing', async () => {
    const fetch = vi.fn(async (_url: string) => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', fetch);
    tag({ 'data-config': '/touchpoint.config.json' });
    const tp = await load();
    await settle();
    expect(fetch.mock.calls[0]?.[0]).toBe('/touchpoint.config.json');
    // The core words the message; it names the URL and what happens instead.
    expect(
      warnings().filter((w) => /^\[touchpoint\] .*\/touchpoint\.config\.json.*no surveys run/.test(w)),
    ).toHaveLength(1);
    tp.track('still_works');
    expect(tp.explain()).toEqual([]);
  });

  it('honours data-require-consent on its tag', async () => {
    tag({ 'data-require-consent': '' });
    const tp = await load();
    expect(tp.consented).toBe(false);
    tp.consent(true);
    expect(tp.consented).toBe(true);
  });

  it('reads data-require-consent="false" as no consent needed', async () => {
    tag({ 'data-require-consent': 'false' });
    expect((await load()).consented).toBe(true);
  });

  it('loads the widget beside itself when a survey is first due, and hands it that survey with data-locale', async () => {
    const shown: SurveyDue[] = [];
    const mount = vi.fn((tp: Pick<Touchpoint, 'on'>, _options: object) => {
      tp.on('survey_due', (due) => shown.push(due));
      return { destroy() {} };
    });
    loadWidget.mockResolvedValue(mount);
    tag(
      { 'data-config-inline': waiting, 'data-locale': 'de', 'data-theme': 'dark' },
      '/static/touchpoint.js?v=3',
    );
    const tp = await load();
    // The survey waits for an event, so the first page view does not load the widget.
    expect(loadWidget).not.toHaveBeenCalled();
    tp.track('feedback_clicked');
    await settle();
    // data-locale="de": the German file, the only one with the German table.
    expect(loadWidget).toHaveBeenCalledWith('http://localhost:3000/static/touchpoint-widget.de.js?v=3', '');
    expect(mount.mock.calls[0]?.[1]).toEqual({ locale: 'de', theme: 'dark' });
    expect(shown.map((due) => due.survey.id)).toEqual(['home-nps']);
  });

  it('loads the widget for a survey due on the first page view of a page that had already loaded', async () => {
    const shown: SurveyDue[] = [];
    loadWidget.mockResolvedValue((tp: Pick<Touchpoint, 'on'>) => {
      tp.on('survey_due', (due) => shown.push(due));
      return { destroy() {} };
    });
    tag({ 'data-config-inline': inline });
    expect(document.readyState).not.toBe('loading');
    await load();
    await settle();
    expect(loadWidget).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([{ survey: SURVEY, forced: false }]);
  });

  it('loads the debug file beside itself only with ?tp_debug=1 or in preview, and mounts it with its own Exit', async () => {
    const mount = vi.fn(() => ({ destroy() {} }));
    loadWidget.mockResolvedValue(mount);
    tag({ 'data-config-inline': waiting }, '/static/touchpoint.js?v=3');
    await load();
    await settle();
    expect(loadWidget).not.toHaveBeenCalled();

    history.replaceState(null, '', '/?tp_debug=1');
    delete window.Touchpoint;
    const tp = await load();
    await settle();
    expect(loadWidget).toHaveBeenCalledWith(
      'http://localhost:3000/static/touchpoint-debug.js?v=3',
      '',
      '__touchpointDebug',
    );
    // No exitPreview passed: the debug file's banner uses its own (mountDebug's default).
    expect(mount).toHaveBeenCalledWith(tp, { nonce: '', overlay: true });

    loadWidget.mockClear();
    mount.mockClear();
    history.replaceState(null, '', '/?tp_preview=/drafts/next.json');
    delete window.Touchpoint;
    await load();
    await settle();
    expect(loadWidget.mock.calls[0]?.[2]).toBe('__touchpointDebug');
    expect(mount.mock.calls[0]).toEqual([expect.anything(), expect.objectContaining({ overlay: false })]);
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('reports a debug file whose mount throws, instead of leaving an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    error.mockClear();
    loadWidget.mockResolvedValue(() => {
      throw new Error('mount bug');
    });
    tag({ 'data-config-inline': waiting });
    history.replaceState(null, '', '/?tp_debug=1');
    await load();
    await settle();
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual(['[touchpoint] debug file: not loaded']);
    // The next test spying on console.error gets this same spy: leave it without calls.
    error.mockClear();
    history.replaceState(null, '', '/');
  });

  it('reports a widget that fails to load once, and the page carries on', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    loadWidget.mockRejectedValue(new Error('offline'));
    tag({ 'data-config-inline': waiting });
    const tp = await load();
    tp.show('home-nps');
    await settle();
    tp.show('home-nps');
    await settle();
    expect(loadWidget).toHaveBeenCalledTimes(1);
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([
      '[touchpoint] the survey widget could not load; no surveys show on this page',
    ]);
  });

  it('tracks clicks on data-tp-track elements, including ones added after it loaded', async () => {
    const tp = await load();
    const events: JourneyEvent[] = [];
    tp.on('track', (e) => events.push(e));
    const button = document.createElement('button');
    button.setAttribute('data-tp-track', 'add_to_cart');
    button.setAttribute('data-tp-stage', 'purchase');
    document.body.append(button);
    button.click();
    expect(events.map((e) => [e.name, e.stage])).toEqual([['add_to_cart', 'purchase']]);
  });

  it('leaves the first instance in place when loaded twice, and says so', async () => {
    const first = await load();
    const second = await load();
    expect(second).toBe(first);
    expect(warnings()).toContain(
      '[touchpoint] touchpoint.js was loaded twice; the first instance stays and this copy does nothing',
    );
  });

  it.each([
    ['one element', 1],
    ['two elements', 2],
  ])(
    'works when a page element has id="Touchpoint" (%s), which is window.Touchpoint too, and says so once',
    async (_, count) => {
      for (let i = 0; i < count; i++) {
        const element = document.createElement('div');
        element.id = 'Touchpoint';
        document.body.append(element);
      }
      // Named access, as browsers give it: the element (or all of them) under its id.
      window.Touchpoint =
        count === 1 ? document.getElementById('Touchpoint') : document.getElementsByTagName('div');
      const tp = await load();
      expect(typeof tp.track).toBe('function');
      expect(typeof tp.push).toBe('function');
      const named = warnings().filter((w) => w.includes('id="Touchpoint"'));
      expect(named).toEqual([
        '[touchpoint] a page element has id="Touchpoint", which is also window.Touchpoint; the instance replaces it there (give the element another id)',
      ]);
      expect(warnings()).not.toContain(
        '[touchpoint] touchpoint.js was loaded twice; the first instance stays and this copy does nothing',
      );
    },
  );

  it('warns about an unknown queued method without throwing', async () => {
    const events: JourneyEvent[] = [];
    window.Touchpoint = [
      ['on', 'track', (e: JourneyEvent) => events.push(e)],
      ['nope', 1],
      ['track', 'after_the_bad_one'],
    ];
    await load();
    expect(warnings()).toContain('[touchpoint] Touchpoint.push(): nope is not a method; ignored');
    expect(events.map((e) => e.name)).toEqual(['after_the_bad_one']);
  });
});
