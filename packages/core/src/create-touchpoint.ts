import { createEmitter } from './emitter.js';
import type { Host, Triggers } from './host.js';
import { ANONYMOUS_ID_KEY, CONSENT_KEY, SESSION_KEY, TRAIL_KEY, USER_ID_KEY } from './keys.js';
import { watchNavigation } from './navigation.js';
import { readPage } from './page-context.js';
import { redactUrl } from './redact.js';
import { sanitize } from './sanitize.js';
import { type Session, touchSession } from './session.js';
import { isStageName } from './stages.js';
import { createStore } from './store.js';
import { extendTrail, type Step } from './trail.js';
import { createTriggers } from './triggers.js';
import type { EventType, JourneyEvent, PageContext, Props, Touchpoint, TouchpointConfig } from './types.js';
import { uuid } from './uuid.js';
import { createWarn } from './warn.js';

/** Options of {@link createTouchpoint}; every default is in {@link CREATE_DEFAULTS}. */
export interface CreateOptions {
  /**
   * The survey configuration (SPEC "Survey configuration"): the object, its JSON text, or
   * the URL of the JSON file (fetched with a timeout; the last good copy runs when it fails).
   */
  config?: TouchpointConfig | string | undefined;
  /**
   * Store and deliver nothing until `consent(true)`: events wait in memory (the last
   * {@link CONSENT_BUFFER_LIMIT}). A grant is remembered, so a returning visitor who
   * consented is not asked again; so is a refusal, which holds even when this is false. Default false.
   */
  requireConsent?: boolean | undefined;
  /** A `page` event on load and after every SPA navigation. Default true. */
  autoPageviews?: boolean | undefined;
  /**
   * Redacts the page and referrer URLs (the fragment is already gone) and returns the URL
   * to send; the path is taken from its result. Default {@link redactUrl}; wrap it to add
   * your own rules: `(url) => redactUrl(url).replace(/\/reset\/[^/?]+/, '/reset/:token')`.
   */
  redact?: ((url: string) => string) | undefined;
}

/** The defaults of {@link CreateOptions}. */
export const CREATE_DEFAULTS = {
  requireConsent: false,
  autoPageviews: true,
  redact: redactUrl,
};

/**
 * The longest the first automatic page view waits for a configuration URL without a cached
 * copy: a visitor who leaves meanwhile must not lose the landing page view.
 */
export const FIRST_VIEW_WAIT_MS = 1000;

/** Events held in memory while consent is pending; beyond it the oldest are dropped. */
export const CONSENT_BUFFER_LIMIT = 100;

// Segment-style names: `order_completed`, `Order Completed`, `checkout:step-2`.
const EVENT_NAME = /^[A-Za-z][\w .:-]{0,63}$/;
const SURVEY_EVENT = /^survey_(shown|answered|comment|dismissed)$/;
const METRIC = /^(nps|csat|ces)$/;

/** How a bad argument appears in a warning, without ever throwing itself (symbols would). */
const quote = (value: unknown) => (typeof value === 'string' ? `'${value}'` : typeof value);

/**
 * Creates a Touchpoint instance: journey events with identity, session and page context,
 * consent, listeners and (through the triggers) surveys. Never throws; works without a DOM
 * (server, tests) with in-memory identity and no automatic page views.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTouchpoint(options?: CreateOptions): Touchpoint {
  return createInstance(createTriggers, options);
}

/**
 * The instance, with the survey triggers it is given: `createTriggers`, or `noTriggers`
 * for the core alone (its size is checked on its own, issue 2).
 */
/* @__NO_SIDE_EFFECTS__ */
export function createInstance(
  makeTriggers: (host: Host) => Triggers,
  options: CreateOptions = {},
): Touchpoint {
  const warn = createWarn();
  // Messages for bad arguments share one shape, which is also what keeps them small.
  const bad = (what: string, instead = 'dropped'): undefined => {
    warn(`${what}: invalid; ${instead}`);
  };
  if (typeof options !== 'object' || !options) {
    bad('createTouchpoint(options)', 'defaults used');
    options = {};
  }
  const {
    config,
    requireConsent = CREATE_DEFAULTS.requireConsent,
    autoPageviews = CREATE_DEFAULTS.autoPageviews,
    redact = CREATE_DEFAULTS.redact,
  } = options;
  const dom = typeof document !== 'undefined';
  const emitter = createEmitter();
  const store = createStore(warn, true);
  // Reading the decision is the one storage access before consent: it is the decision itself.
  // A stored refusal holds whatever requireConsent says, or an opt-out would last one page.
  const decision = store._get(CONSENT_KEY);
  let consented = decision === true || (!requireConsent && decision !== false);
  if (!consented) store._persist(false);
  let held: JourneyEvent[] = [];

  let anonymousId = '';
  let userId: string | undefined;
  let trail: { session: string; steps: Step[] } | undefined;
  const loadIdentity = () => {
    const stored = store._get(ANONYMOUS_ID_KEY);
    if (typeof stored === 'string' && stored) anonymousId = stored;
    else {
      anonymousId = uuid();
      store._set(ANONYMOUS_ID_KEY, anonymousId);
    }
    const user = store._get(USER_ID_KEY);
    userId = typeof user === 'string' ? user : undefined;
    trail = undefined;
  };
  loadIdentity();

  // The trail is kept per session: it survives page loads, not a new session.
  const stepsOf = (session: string): Step[] => {
    if (trail?.session !== session) {
      const stored = store._get(TRAIL_KEY) as typeof trail | null;
      trail = stored?.session === session && Array.isArray(stored.steps) ? stored : { session, steps: [] };
    }
    return trail.steps;
  };

  let page: PageContext = { url: '', path: '/' };
  let pageHref: string | undefined;
  const safeRedact = (url: string): string => {
    try {
      const result = redact(url);
      if (typeof result === 'string') return result;
    } catch {}
    bad('options.redact', 'default redaction used');
    return redactUrl(url);
  };
  // Recomputed only when the address changed: track() on the same page reuses it.
  const here = (): PageContext => {
    if (dom && location.href !== pageHref) {
      // The first page's referrer is the document's; after an SPA navigation, the page before.
      const referrer = pageHref === undefined ? safeRedact(document.referrer) : page.url;
      pageHref = location.href;
      page = readPage(safeRedact, referrer);
    }
    return page;
  };

  let stage: string | undefined;
  // stage() was called on this page: it wins over <body data-tp-stage> and the globs.
  let explicit = false;
  // The page's stage came from the `stages` globs (no valid <body data-tp-stage>).
  let fromGlobs = false;
  let lastView: string | undefined;

  const deliver = (event: JourneyEvent) => {
    emitter._emit(event.type, event);
    // Answers to a draft are not recorded: in preview, survey events reach their own
    // listeners (the widget, the overlay) but not '*', where collectors listen.
    if (!(triggers._preview && SURVEY_EVENT.test(event.type))) emitter._emit('*', event);
    triggers._event(event);
  };

  const emit = (type: EventType, props?: Props, name?: string, eventStage = stage) => {
    const ts = Date.now();
    const session = touchSession(store, ts);
    if (type === 'page') session.views++;
    const event: JourneyEvent = { id: uuid(), type, ts, anonymousId, sessionId: session.id, page: here() };
    if (name) event.name = name;
    if (eventStage) event.stage = eventStage;
    if (props) event.props = props;
    if (userId) event.userId = userId;
    extendTrail(stepsOf(session.id), event);
    store._set(TRAIL_KEY, trail as never);
    if (consented) deliver(event);
    else if (held.push(event) > CONSENT_BUFFER_LIMIT) {
      held.shift();
      warn(`over ${CONSENT_BUFFER_LIMIT} events wait for consent; the oldest are dropped`);
    }
  };

  const view = (props: unknown, auto?: boolean) => {
    const current = here();
    if (auto && current.url === lastView) return;
    lastView = current.url;
    if (!explicit) {
      const tagged = dom ? document.body?.getAttribute('data-tp-stage') : null;
      if (tagged != null && !isStageName(tagged)) bad(`<body data-tp-stage="${tagged}">`, 'ignored');
      fromGlobs = !isStageName(tagged);
      stage = fromGlobs ? triggers._stageFor(current.path) : (tagged as string);
    }
    emit('page', sanitize(props, 'page()', warn));
  };

  // Public methods report an unexpected failure (a bug, a hostile page) and carry on.
  const guard =
    <A extends unknown[]>(method: string, work: (...args: A) => void) =>
    (...args: A): void => {
      try {
        work(...args);
      } catch (error) {
        warn(`${method}() failed; ignored`, error);
      }
    };

  const host: Host = {
    _config: config,
    _due: (due) => consented && emitter._emit('survey_due', due),
    _where: () => ({ path: here().path, stage }),
    _views: () => (store._get(SESSION_KEY) as Session | undefined)?.views ?? 0,
    _consented: () => consented,
    _aid: () => anonymousId,
    _now: () => Date.now(),
    _emit: (type, hash) => {
      // A configuration applied after the page view (fetched, or fresher than the cached
      // copy) maps this page's stage too, for the events that follow.
      if (fromGlobs && !explicit) stage = triggers._stageFor(here().path);
      emitter._emit(type, hash);
    },
    _store: store,
    _warn: warn,
  };
  const triggers = makeTriggers(host);

  const tp: Touchpoint = {
    page: guard('page', (props?: Props) => view(props)),
    stage: guard('stage', (name: string, props?: Props) => {
      if (!isStageName(name)) return bad(`stage(${quote(name)})`);
      stage = name;
      explicit = true;
      emit('stage', sanitize(props, `stage('${name}')`, warn));
    }),
    track: guard('track', (name: string, props?: Props) => {
      if (typeof name !== 'string' || !EVENT_NAME.test(name)) return bad(`track(${quote(name)})`);
      const clean = sanitize(props, `track('${name}')`, warn);
      let eventStage = stage;
      if (clean && Object.hasOwn(clean, 'stage')) {
        if (isStageName(clean.stage)) eventStage = clean.stage;
        else bad(`track('${name}') props.stage`, 'ignored');
        delete clean.stage;
      }
      emit('track', clean, name, eventStage);
    }),
    identify: guard('identify', (id: string, traits?: Props) => {
      if (typeof id !== 'string' || !id) return bad(`identify(${quote(id)})`);
      userId = id;
      store._set(USER_ID_KEY, id);
      emit('identify', sanitize(traits, 'identify()', warn));
    }),
    consent: guard('consent', (granted: boolean) => {
      if (typeof granted !== 'boolean') return bad(`consent(${quote(granted)})`, 'ignored');
      if (granted) {
        if (consented) return;
        consented = true;
        store._persist(true);
        store._set(CONSENT_KEY, true);
        emitter._emit('consent', true);
        const release = held;
        held = [];
        for (const event of release) deliver(event);
      } else {
        // Refused or withdrawn: forget the held events and everything stored, and carry on
        // with a fresh identity in memory, in case consent comes later. Only the refusal
        // itself is stored (persisting just long enough to write what memory holds, that
        // key alone), so later page loads stay out until consent(true) replaces it.
        consented = false;
        held = [];
        store._persist(false);
        store._clear();
        store._set(CONSENT_KEY, false);
        store._persist(true);
        store._persist(false);
        loadIdentity();
        emitter._emit('consent', false);
      }
    }),
    on(type, fn) {
      // Like every method, never throws into the page, whatever the type is (a key that throws).
      try {
        if (typeof fn === 'function') return emitter._on(type, fn);
      } catch {}
      bad(`on(${quote(type)}) listener`, 'not subscribed');
      return () => {};
    },
    show: guard('show', (surveyId: string) => triggers._show(surveyId)),
    explain() {
      try {
        return triggers._explain();
      } catch (error) {
        warn('explain() failed', error);
        return [];
      }
    },
    reset: guard('reset', () => {
      for (const key of [USER_ID_KEY, SESSION_KEY, TRAIL_KEY]) store._set(key, undefined);
      anonymousId = uuid();
      store._set(ANONYMOUS_ID_KEY, anonymousId);
      userId = trail = undefined;
    }),
    record: guard('record', (type, props) => {
      if (!SURVEY_EVENT.test(type) || typeof props?.surveyId !== 'string' || !METRIC.test(props.metric))
        return bad(`record(${quote(type)}) (type, surveyId or metric)`);
      // The trail is the journey before the prompt; stored steps are cleaned like props. The
      // configuration's hash lets answers be split by the configuration version that asked.
      const steps = type === 'survey_answered' && stepsOf(touchSession(store, Date.now()).id);
      const full = { ...props, configHash: triggers._hash } as Props;
      if (steps) full.trail = steps.slice() as never;
      emit(type, sanitize(full, `record('${type}')`, warn));
    }),
    get consented() {
      return consented;
    },
    get preview() {
      return triggers._preview;
    },
  };

  if (dom) {
    let at = location.pathname + location.search;
    const auto = guard('page', () => view(undefined, true));
    watchNavigation(() => {
      const now = location.pathname + location.search;
      if (now === at) return;
      at = now;
      explicit = false;
      // Later, so the router has set the new title and <body data-tp-stage> first.
      if (autoPageviews) setTimeout(auto);
    });
    // Never inside this call: whoever subscribes in the same task (connect(tp), the script
    // tag's queue replay with its identify() or stage()) must see the first page view.
    // The first also waits for a configuration URL that has no cached copy yet, so it
    // carries the stage the configuration maps its path to, but at most FIRST_VIEW_WAIT_MS,
    // not the fetch's whole timeout.
    const first = () =>
      (triggers._ready
        ? Promise.race([triggers._ready, new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS))])
        : Promise.resolve()
      ).then(auto);
    if (autoPageviews)
      document.readyState === 'loading'
        ? addEventListener('DOMContentLoaded', first, { once: true })
        : first();
  }
  return tp;
}
