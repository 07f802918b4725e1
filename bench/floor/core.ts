// EXPERIMENT (not production code): issue 2's core written from scratch for size above all,
// to find how small it can be with every rule of issue 2 and the SPEC's event shape.
// One closure, no leaf modules; see floor/REPORT.md for the figures.
//
// Build flags: __MSG__ false drops every console message (variant b, the lower bound);
// __DEV__ is not used (the real core's development diagnostics have no counterpart here).
declare const __MSG__: boolean;

type Any = any;

export const STAGES = 'discovery touchpoint interest purchase use service advocacy churn'.split(' ');

const isStage = (v: unknown): v is string => typeof v == 'string' && /^[a-z][a-z0-9_-]{0,39}$/.test(v);

// crypto.randomUUID exists only in secure contexts; getRandomValues everywhere.
const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d: Any) =>
    (d ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (d / 4)))).toString(16),
  );

// Query values named like secrets (camelCase → snake_case, whole words for short names, so
// `keyword` and `barcode` survive) or holding an e-mail address become [redacted].
export const redactUrl = (url: string): string =>
  url.replace(/([?&][^&=]+=)([^&]*)/g, (pair, name: string, value: string) =>
    /pass|pwd|secret|token|auth|session|sessid|e-?mail|jwt|credential|[^a-z](key|sess|code|sig|signature|otp|ssn|phone|tel|card|cvv|cvc|iban|sid|pin|mail)[^a-z]/.test(
      name.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase(),
    ) || /[^@]+(@|%40)[^@]+\.[a-z]/i.test(value)
      ? `${name}[redacted]`
      : pair,
  );

export function createTouchpoint(options?: Any): Any {
  // Messages once per cause (the text is the cause); none at all in variant (b).
  const said = new Set<string>();
  const warn = (m: string, e?: unknown, c: 'warn' | 'error' = 'warn') =>
    __MSG__ &&
    !said.has(m) &&
    said.add(m) &&
    console[c](`[touchpoint] ${m}`, ...(e === undefined ? [] : [e]));
  const {
    requireConsent,
    autoPageviews = true,
    redact = redactUrl,
  } = typeof options == 'object' && options
    ? options
    : (options === undefined || (__MSG__ && warn('createTouchpoint(options): invalid; defaults used')), {});
  const dom = typeof document != 'undefined';

  // --- storage: memory first, written behind once per task while persisting (consent).
  let mem: Any = {};
  let persist = true;
  let queued: unknown;
  const io = (f: (s: Storage) => void) => {
    try {
      f(localStorage);
    } catch (e) {
      __MSG__ && warn('localStorage is unavailable; memory is used', e);
    }
  };
  const get = (k: string, fresh?: 1): Any => {
    if (persist && (fresh || !(k in mem)))
      io((s) => {
        mem[k] = JSON.parse(s.getItem(`tp_${k}`)!) ?? undefined;
      });
    return mem[k];
  };
  const flush = () => {
    queued = 0;
    if (persist)
      io((s) => {
        for (const k in mem)
          mem[k] === undefined ? s.removeItem(`tp_${k}`) : s.setItem(`tp_${k}`, JSON.stringify(mem[k]));
      });
  };
  const set = (k: string, v: unknown) => {
    mem[k] = v;
    if (persist && !queued) queueMicrotask(flush), (queued = 1);
  };

  // --- consent: the stored decision is the one read before consent.
  const decision = get('consent');
  let consented = decision === true || (!requireConsent && decision !== false);
  persist = consented;
  let held: Any[] = [];

  // --- identity
  let userId = get('uid');
  let anonymousId: string = get('aid');
  const newIdentity = () => set('aid', (anonymousId = uuid()));
  if (!anonymousId) newIdentity();

  // --- listeners: a throwing one is reported once per type, never rethrown.
  const sets: Any = Object.create(null);
  const signal = (type: string, payload: unknown) =>
    sets[type]?.forEach((fn: Any) => {
      try {
        fn(payload);
      } catch (e) {
        __MSG__ && warn(`a '${type}' listener threw`, e, 'error');
      }
    });

  // --- page context: recomputed when the address changed.
  let page: Any = { url: '', path: '/' };
  let href: string | undefined;
  const redacted = (url: string): string => {
    try {
      const r = redact(url);
      if (typeof r == 'string') return r;
    } catch {}
    __MSG__ && warn('options.redact: invalid; default redaction used');
    return redactUrl(url);
  };
  const here = () => {
    if (dom && location.href !== href) {
      const referrer = href === undefined ? redacted(document.referrer) : page.url;
      href = location.href;
      const url = redacted(href.split('#')[0]!);
      page = {
        url,
        path: new URL(url, href).pathname,
        title: document.title || undefined,
        referrer: referrer || undefined,
      };
    }
    return page;
  };

  // --- props reduced to JSON as JSON.stringify would see them.
  const clean = (props: unknown, field: string | false): Any => {
    const holders: unknown[] = [];
    // A value budget, so `track('x', { el: window })` stays cheap: the rest is cut.
    let values = 0;
    const note = () => __MSG__ && warn(`${field} props: changed to fit JSON`);
    const walk = (v: Any, key: string): unknown => {
      values++;
      if (typeof v?.toJSON == 'function') v = v.toJSON(key);
      const t = typeof v;
      if (t == 'string' && v.length > 1e3) return (note(), v.slice(0, 1e3));
      if (t == 'bigint') return (note(), `${v}`);
      if (t == 'number' && !isFinite(v)) return (note(), null);
      if (
        t == 'function' ||
        t == 'symbol' ||
        (v && t == 'object' && (holders.includes(v) || holders.length > 8))
      )
        return void note();
      if (!v || t != 'object') return v;
      holders.push(v);
      const array = Array.isArray(v);
      const copy: Any = array ? [] : {};
      for (const k of Object.keys(v)) {
        if (values > 499) {
          note();
          break;
        }
        // Assigning a JSON-parsed `__proto__` key would replace the copy's prototype.
        if (k == '__proto__') note();
        else {
          const x = walk(v[k], k);
          if (x !== undefined) copy[k] = x;
          else if (array) copy[k] = null;
        }
      }
      holders.pop();
      return copy;
    };
    if (props == null) return;
    if (typeof props != 'object' || Array.isArray(props)) return void note();
    try {
      return walk(props, '');
    } catch (e) {
      __MSG__ && warn(`${field} props: unreadable; dropped`, e);
    }
  };

  // --- events
  let stage: string | undefined;
  let explicit: unknown; // stage() was called on this page: it wins over <body data-tp-stage>
  let lastView: string | undefined;
  const deliver = (event: Any) => {
    signal(event.type, event);
    signal('*', event);
  };
  const emit = (type: string, props?: Any, name?: string, eventStage = stage) => {
    const ts = Date.now();
    const live = (s: Any) => s?.trail && Math.abs(ts - s.last) < 18e5;
    let session = get('session');
    // Before rotating, re-read storage: another tab may have kept the session alive.
    if (!live(session)) session = get('session', 1);
    if (!live(session)) session = { id: uuid(), trail: [] };
    session.last = ts;
    const event = {
      id: uuid(),
      type,
      name,
      stage: eventStage,
      props,
      ts,
      anonymousId,
      sessionId: session.id,
      userId,
      page: here(),
    };
    if (session.trail.push({ type, stage: eventStage, name, path: event.page.path, ts }) > 20)
      session.trail.shift();
    set('session', session);
    if (consented) deliver(event);
    else if (held.push(event) > 100) {
      held.shift();
      __MSG__ && warn('over 100 events wait for consent; the oldest are dropped');
    }
  };
  const view = (props?: unknown, auto?: 1) => {
    const { url } = here();
    if (auto && url === lastView) return;
    lastView = url;
    if (!explicit) {
      const tagged = dom ? document.body?.getAttribute('data-tp-stage') : null;
      if (__MSG__ && tagged != null && !isStage(tagged))
        warn(`<body data-tp-stage="${tagged}">: invalid; ignored`);
      // Issue 3 maps `path` through the configuration's `stages` globs here.
      stage = isStage(tagged) ? tagged : undefined;
    }
    emit('page', clean(props, __MSG__ && 'page()'));
  };

  const tp: Any = {
    page: (props?: unknown) => view(props),
    stage(name: string, props?: unknown) {
      if (!isStage(name)) throw 0;
      stage = name;
      explicit = 1;
      emit('stage', clean(props, __MSG__ && `stage('${name}')`));
    },
    track(name: string, props?: unknown) {
      if (typeof name != 'string' || !/^[A-Za-z][\w .:-]{0,63}$/.test(name)) throw 0;
      const c = clean(props, __MSG__ && `track('${name}')`);
      let s = stage;
      if (c && Object.hasOwn(c, 'stage')) {
        if (isStage(c.stage)) s = c.stage;
        else __MSG__ && warn(`track('${name}') props.stage: invalid; ignored`);
        delete c.stage;
      }
      emit('track', c, name, s);
    },
    identify(id: string, traits?: unknown) {
      if (typeof id != 'string' || !id) throw 0;
      set('uid', (userId = id));
      emit('identify', clean(traits, __MSG__ && 'identify()'));
    },
    consent(granted: boolean) {
      if (typeof granted != 'boolean') throw 0;
      if (granted && consented) return;
      consented = persist = true;
      // Refused: forget held events and every stored key but the refusal itself.
      if (!granted) {
        held = [];
        mem = {};
        io((s) => {
          for (const k of Object.keys(s)) if (k.startsWith('tp_')) s.removeItem(k);
        });
      }
      set('consent', granted);
      flush();
      consented = persist = granted;
      if (!granted) {
        newIdentity();
        userId = undefined;
      }
      signal('consent', granted);
      const release = held;
      held = [];
      release.forEach(deliver);
    },
    on(type: string, fn: unknown) {
      if (typeof fn != 'function') throw 0;
      const listeners = (sets[type] ??= new Set());
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    reset() {
      set('uid', (userId = undefined));
      // A new session with an empty trail at once: the next person must not carry this one's.
      set('session', { id: uuid(), last: Date.now(), trail: [] });
      newIdentity();
    },
    get consented() {
      return consented;
    },
  };

  // Nothing throws into the page: a refusal (throw 0) or a failure is reported and ignored.
  const wrap =
    (k: string, f: Any) =>
    (...args: unknown[]) => {
      try {
        return f(...args);
      } catch (e) {
        __MSG__ && (e === 0 ? warn(`${k}(): invalid arguments; ignored`) : warn(`${k}() failed; ignored`, e));
      }
      if (k == 'on') return () => {};
    };
  for (const k in tp) if (typeof tp[k] == 'function') tp[k] = wrap(k, tp[k]);

  if (dom) {
    const auto = wrap('page', () => view(0, 1));
    let at = location.pathname + location.search;
    const navigated = () => {
      const now = location.pathname + location.search;
      if (now !== at) {
        at = now;
        explicit = 0;
        // Later, so the router has set the new title and <body data-tp-stage> first.
        if (autoPageviews) setTimeout(auto);
      }
    };
    for (const m of ['pushState', 'replaceState'] as const) {
      const original = history[m];
      history[m] = function (this: History) {
        const r = original.apply(this, arguments as Any);
        navigated();
        return r;
      };
    }
    addEventListener('popstate', navigated);
    // Never inside this call: listeners subscribed in the same task see the first view.
    if (autoPageviews)
      document.readyState == 'loading' ? addEventListener('DOMContentLoaded', auto) : queueMicrotask(auto);
  }
  return tp;
}
