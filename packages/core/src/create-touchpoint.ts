// Assembles an instance from its parts. The rules live in the modules it wires (the package
// README's "Architecture" draws them): identity and session, page and navigation, event
// building, consent, the emitter, and the survey triggers behind their seam.
import { startPageviews } from './auto-pageviews.js';
import { startConsent } from './consent.js';
import { CREATE_DEFAULTS, type CreateOptions } from './create-options.js';
import { emit } from './emit.js';
import { createEmitter } from './emitter.js';
import { guard } from './guard.js';
import { loadIdentity } from './identity.js';
import type { Instance, InstanceState } from './instance-state.js';
import { createMemoryStore } from './memory-store.js';
import { consent, identify, reset, stage, subscribe, track } from './methods.js';
import { NO_STAGE, stageOfConfig } from './page-stage.js';
import { createPageTracker } from './page-tracker.js';
import { pageView } from './page-view.js';
import { readAutoPageviews } from './pageview-options.js';
import { sanitize } from './sanitize.js';
import { createStore } from './store.js';
import type { TriggerHost } from './survey-seam.js';
import { createTriggers } from './triggers.js';
import type { Props, SurveyEventType, Touchpoint } from './types.js';
import { createWarn } from './warn.js';

export { CONSENT_BUFFER_LIMIT } from './consent.js';

const noop = () => {};

/**
 * Creates a Touchpoint instance: journey events with identity, session and page context,
 * consent, listeners and surveys. Never throws. Without `window` (server rendering, workers,
 * edge runtimes) the same methods work on memory alone: no storage, no configuration fetch,
 * no timers, no page views, nothing printed.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTouchpoint(options: CreateOptions = {}): Touchpoint {
  // Server rendering: inert and silent, so code shared by server and client needs no guards.
  const server = typeof window === 'undefined';
  const warn = server ? noop : createWarn();
  if (typeof options !== 'object' || !options) {
    warn('createTouchpoint(options): invalid; defaults used');
    options = {};
  }
  const {
    config,
    requireConsent = CREATE_DEFAULTS.requireConsent,
    redact = CREATE_DEFAULTS.redact,
  } = options;
  const pageviews = readAutoPageviews(options.autoPageviews, CREATE_DEFAULTS.autoPageviews);
  const store = server ? createMemoryStore() : createStore(warn, true);
  const state: InstanceState = {
    // Consent first: without it, the identity is read from and kept to memory.
    _consented: startConsent(store, requireConsent),
    _identity: loadIdentity(store),
    _held: [],
    _stage: NO_STAGE,
    _lastView: undefined,
  };
  const emitter = createEmitter();
  const page = createPageTracker(redact, warn, pageviews._hash);
  // The triggers are created with the host before the instance exists; the host reaches them
  // and the instance only once they are called, after both are made.
  const host: TriggerHost = {
    _config: server ? undefined : config,
    _where: () => ({ path: page._current().path, stage: state._stage._name }),
    _anonymousId: () => state._identity._anonymousId,
    _consented: () => state._consented,
    _signal(type, payload) {
      if (type === 'config')
        state._stage = stageOfConfig(state._stage, () => triggers._stageFor(page._current().path));
      emitter._emit(type, payload);
    },
    _record: (type, props) =>
      emit(instance, type, { stage: state._stage._name, props: sanitize(props, `record('${type}')`, warn) }),
    _store: store,
    _warn: warn,
  };
  const triggers = createTriggers(host);
  const instance: Instance = {
    _state: state,
    _store: store,
    _emitter: emitter,
    _page: page,
    _triggers: triggers,
    _warn: warn,
  };

  const tp: Touchpoint = {
    page: guard(warn, 'page', (props?: Props) => pageView(instance, props)),
    stage: guard(warn, 'stage', (name: string, props?: Props) => stage(instance, name, props)),
    track: guard(warn, 'track', (name: string, props?: Props) => track(instance, name, props)),
    identify: guard(warn, 'identify', (id: string, traits?: Props) => identify(instance, id, traits)),
    consent: guard(warn, 'consent', (granted: boolean) => consent(instance, granted)),
    on: guard(warn, 'on', (type: string, fn: unknown) => subscribe(instance, type, fn), noop),
    show: guard(warn, 'show', (surveyId: string) => triggers._show(surveyId)),
    explain: guard(
      warn,
      'explain',
      (event?: Parameters<Touchpoint['explain']>[0]) => triggers._explain(event),
      [],
    ),
    closed: guard(warn, 'closed', (surveyId: string) => triggers._closed(surveyId)),
    reset: guard(warn, 'reset', () => reset(instance)),
    record: guard(warn, 'record', (type: SurveyEventType, props: Props) =>
      triggers._recordSurveyEvent(type, props),
    ),
    get consented() {
      return state._consented;
    },
    get preview() {
      return triggers._preview();
    },
    get configHash() {
      return triggers._hash();
    },
  };

  if (!server && typeof document !== 'undefined')
    startPageviews(
      instance,
      pageviews._auto,
      guard(warn, 'page', () => pageView(instance, undefined, true)),
      triggers._firstViewReady,
    );
  return tp;
}
