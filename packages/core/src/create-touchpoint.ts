import { createEmitter } from './emitter.js';
import { type Host, REFUSED, type Triggers } from './host.js';
import { ANONYMOUS_ID_KEY, CONSENT_KEY, SESSION_KEY, USER_ID_KEY } from './keys.js';
import { watchNavigation } from './navigation.js';
import { readPage } from './page-context.js';
import { redactUrl } from './redact.js';
import { sanitize } from './sanitize.js';
import { touchSession } from './session.js';
import { isStageName } from './stages.js';
import { createStore } from './store.js';
import { createTriggers } from './triggers.js';
import type { EventType, JourneyEvent, PageContext, Props, Touchpoint, TouchpointConfig } from './types.js';
import { uuid } from './uuid.js';
import { createWarn, quote } from './warn.js';

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

/** Events held in memory while consent is pending; beyond it the oldest are dropped. */
export const CONSENT_BUFFER_LIMIT = 100;

// Segment-style names: `order_completed`, `Order Completed`, `checkout:step-2`.
const EVENT_NAME = /^[A-Za-z][\w .:-]{0,63}$/;

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
 * The instance, with the survey triggers it is given: `createTriggers`, which adds the survey
 * methods (`show`, `explain`, `record`, `preview`), or `noTriggers` for the core alone (its
 * size is checked on its own, issue 2).
 */
/* @__NO_SIDE_EFFECTS__ */
export function createInstance(
  makeTriggers: (host: Host, tp: Touchpoint) => Triggers,
  options: CreateOptions = {},
): Touchpoint {
  const warn = createWarn();
  // Development builds name the argument and what happens instead; the wrapper of each
  // method (below) reports the refusal in every build. Call sites pass `__DEV__ && …`, so
  // production carries none of the text.
  const bad = (message: string | false): typeof REFUSED => {
    if (__DEV__) warn(message as string);
    return REFUSED;
  };
  if (typeof options !== 'object' || !options) {
    warn('createTouchpoint(options): invalid; defaults used');
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

  const text = (key: string) => {
    const value = store._get(key);
    return typeof value === 'string' && value ? value : undefined;
  };
  let userId = text(USER_ID_KEY);
  let anonymousId = text(ANONYMOUS_ID_KEY) as string;
  const newIdentity = () => {
    anonymousId = uuid();
    store._set(ANONYMOUS_ID_KEY, anonymousId);
  };
  if (!anonymousId) newIdentity();

  let page: PageContext = { url: '', path: '/' };
  let pageHref: string | undefined;
  const safeRedact = (url: string): string => {
    try {
      const result = redact(url);
      if (typeof result === 'string') return result;
    } catch {}
    warn('options.redact: invalid; default redaction used');
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
    // The triggers may keep an event local: answers to a draft in preview reach their own
    // listeners (the widget, the overlay) but not '*', where collectors listen.
    if (!triggers._local?.(event)) emitter._emit('*', event);
    triggers._event(event);
  };

  const emit = (type: EventType, props?: Props, name?: string, eventStage = stage) => {
    const ts = Date.now();
    // One shape for every event (absent fields undefined, which JSON leaves out).
    const event = {
      id: uuid(),
      type,
      name,
      stage: eventStage,
      props,
      ts,
      anonymousId,
      sessionId: '',
      userId,
      page: here(),
    } as JourneyEvent;
    // Sets the session id, counts the page view and extends the trail.
    touchSession(store, ts, event);
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
      fromGlobs = !isStageName(tagged);
      // Tagging is the page author's, not a call's: said in every build.
      if (tagged != null && fromGlobs) warn(`<body data-tp-stage="${tagged}">: invalid; ignored`);
      stage = fromGlobs ? triggers._stageFor(current.path) : (tagged as string);
    }
    emit('page', sanitize(props, 'page()', warn));
  };

  const tp = {
    page: (props?: Props) => view(props),
    stage(name: string, props?: Props) {
      if (!isStageName(name)) return bad(__DEV__ && `stage(${quote(name)}): invalid; dropped`);
      stage = name;
      explicit = true;
      emit('stage', sanitize(props, `stage('${name}')`, warn));
    },
    track(name: string, props?: Props) {
      if (typeof name !== 'string' || !EVENT_NAME.test(name))
        return bad(__DEV__ && `track(${quote(name)}): invalid; dropped`);
      const clean = sanitize(props, `track('${name}')`, warn);
      let eventStage = stage;
      if (clean && Object.hasOwn(clean, 'stage')) {
        if (isStageName(clean.stage)) eventStage = clean.stage;
        // Said in every build: the call goes on, so its wrapper cannot say it.
        else warn(`track('${name}') props.stage: invalid; ignored`);
        delete clean.stage;
      }
      emit('track', clean, name, eventStage);
    },
    identify(id: string, traits?: Props) {
      if (typeof id !== 'string' || !id) return bad(__DEV__ && `identify(${quote(id)}): invalid; dropped`);
      userId = id;
      store._set(USER_ID_KEY, id);
      emit('identify', sanitize(traits, 'identify()', warn));
    },
    consent(granted: boolean) {
      if (typeof granted !== 'boolean') return bad(__DEV__ && `consent(${quote(granted)}): invalid; ignored`);
      if (granted && consented) return;
      consented = granted;
      // Refused or withdrawn: forget the held events and everything stored, and carry on
      // with a fresh identity in memory, in case consent comes later. Only the refusal
      // itself is stored, so later page loads stay out until consent(true) replaces it.
      if (!granted) {
        held = [];
        store._clear();
      }
      // Persisting writes what memory holds: with a grant, the identity and session so far;
      // with a refusal, that key alone (the store was just cleared). Then memory only.
      store._set(CONSENT_KEY, granted);
      store._persist(true);
      if (!granted) {
        store._persist(false);
        newIdentity();
        userId = undefined;
      }
      emitter._emit('consent', granted);
      const release = held;
      held = [];
      for (const event of release) deliver(event);
    },
    on(type: string, fn: unknown) {
      // A type that throws as a key (a hostile object) fails into the wrapper, like any method.
      return typeof fn === 'function'
        ? emitter._on(type, fn as never)
        : bad(__DEV__ && `on(${quote(type)}) listener: invalid; not subscribed`);
    },
    reset() {
      userId = undefined;
      store._set(USER_ID_KEY, undefined);
      // A new session at once, with an empty trail: removing the record would let the next
      // event re-read the stored one (the cross-tab check) before the removal is written, and
      // the next person's answers would carry the last one's journey.
      store._set(SESSION_KEY, { id: uuid(), last: Date.now(), views: 0, trail: [] });
      newIdentity();
    },
    get consented() {
      return consented;
    },
  } as unknown as Touchpoint;

  const host: Host = {
    _config: config,
    _where: () => ({ path: here().path, stage }),
    _aid: () => anonymousId,
    _signal: (type, payload) => {
      // A configuration applied after the page view (fetched, or fresher than the cached
      // copy) maps this page's stage too, for the events that follow.
      if (type === 'config' && fromGlobs && !explicit) stage = triggers._stageFor(here().path);
      emitter._emit(type, payload);
    },
    _record: (type, props) => emit(type, sanitize(props, `record('${type}')`, warn)),
    _store: store,
    _warn: warn,
  };
  // The triggers add the survey methods (show, explain, record) before the wrapping below.
  const triggers = makeTriggers(host, tp);

  // Every method reports an unexpected failure (a bug, a hostile page) and a refusal of its
  // arguments, and never throws into the page. Getters hold no function: they stay as they are.
  const wrap =
    (key: string, method: (...args: never[]) => unknown) =>
    (...args: unknown[]) => {
      try {
        const result = method(...(args as never[]));
        if (result !== REFUSED) return result;
        if (!__DEV__) warn(`${key}(): invalid arguments; ignored`);
      } catch (error) {
        warn(`${key}() failed; ignored`, error);
      }
      // What a caller can still use: on() an unsubscribe function, explain() a list.
      return key === 'on' ? () => {} : key === 'explain' ? [] : undefined;
    };
  const methods = tp as unknown as Record<string, (...args: never[]) => unknown>;
  for (const key in methods) if (typeof methods[key] === 'function') methods[key] = wrap(key, methods[key]);

  if (dom) {
    let at = location.pathname + location.search;
    // The automatic page views, wrapped like page().
    const guarded = wrap('page', () => view(undefined, true));
    watchNavigation(() => {
      const now = location.pathname + location.search;
      if (now === at) return;
      at = now;
      explicit = false;
      // Later, so the router has set the new title and <body data-tp-stage> first.
      if (autoPageviews) setTimeout(guarded);
    });
    // Never inside this call: whoever subscribes in the same task (connect(tp), the script
    // tag's queue replay with its identify() or stage()) must see the first page view. The
    // triggers may hold it back a little longer (`_ready`: a configuration URL without a
    // cached copy), so it carries the stage the configuration maps its path to.
    const first = () => Promise.resolve(triggers._ready?.()).then(guarded);
    if (autoPageviews)
      document.readyState === 'loading'
        ? addEventListener('DOMContentLoaded', first, { once: true })
        : first();
  }
  return tp;
}
