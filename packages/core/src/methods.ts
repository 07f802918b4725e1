// The instance's journey calls, as functions over its parts (instance-state.ts). Each returns
// REFUSED for arguments it cannot use; the guard around it (guard.ts) reports that.
import { storeDecision } from './consent.js';
import { emit, release } from './emit.js';
import { newAnonymousId, setUserId } from './identity.js';
import type { Instance } from './instance-state.js';
import { SESSION_KEY, TRAITS_KEY } from './keys.js';
import { stageCalled } from './page-stage.js';
import { type MaybeRefused, REFUSED } from './refused.js';
import { sanitize } from './sanitize.js';
import { isStageName } from './stages.js';
import type { Props } from './types.js';
import { uuid } from './uuid.js';
import { quote } from './warn.js';

// Segment-style names: `order_completed`, `Order Completed`, `checkout:step-2`.
const EVENT_NAME = /^[A-Za-z][\w .:-]{0,63}$/;

/**
 * Development builds name the argument and what happens instead; the guard of each method
 * reports the refusal in every build. Call sites pass `__DEV__ && …`, so production carries
 * none of the text.
 */
function refuse(instance: Instance, message: string | false): typeof REFUSED {
  if (__DEV__) instance._warn(message as string);
  return REFUSED;
}

export function stage(instance: Instance, name: string, props?: Props): MaybeRefused {
  if (!isStageName(name)) return refuse(instance, __DEV__ && `stage(${quote(name)}): invalid; dropped`);
  instance._state._stage = stageCalled(instance._state._stage, name);
  emit(instance, 'stage', { stage: name, props: sanitize(props, `stage('${name}')`, instance._warn) });
}

export function track(instance: Instance, name: string, props?: Props): MaybeRefused {
  if (typeof name !== 'string' || !EVENT_NAME.test(name))
    return refuse(instance, __DEV__ && `track(${quote(name)}): invalid; dropped`);
  const clean = sanitize(props, `track('${name}')`, instance._warn);
  let eventStage = instance._state._stage._name;
  if (clean && Object.hasOwn(clean, 'stage')) {
    if (isStageName(clean.stage)) eventStage = clean.stage;
    // Said in every build: the call goes on, so its guard cannot say it.
    else instance._warn(`track('${name}') props.stage: invalid; ignored`);
    delete clean.stage;
  }
  emit(instance, 'track', { name, stage: eventStage, props: clean });
}

export function identify(instance: Instance, id: string, traits?: Props): MaybeRefused {
  if (typeof id !== 'string' || !id)
    return refuse(instance, __DEV__ && `identify(${quote(id)}): invalid; dropped`);
  setUserId(instance._store, instance._state._identity, id);
  emit(instance, 'identify', {
    stage: instance._state._stage._name,
    props: sanitize(traits, 'identify()', instance._warn),
  });
}

export function consent(instance: Instance, granted: boolean): MaybeRefused {
  if (typeof granted !== 'boolean')
    return refuse(instance, __DEV__ && `consent(${quote(granted)}): invalid; ignored`);
  const { _state: state, _store: store } = instance;
  if (granted && state._consented) return;
  state._consented = granted;
  // Refused or withdrawn: the held events and everything stored are forgotten, and the
  // instance carries on with a fresh identity in memory, in case consent comes later.
  if (!granted) state._held = [];
  storeDecision(store, granted);
  if (!granted) state._identity = { _anonymousId: newAnonymousId(store), _userId: undefined };
  instance._emitter._emit('consent', granted);
  release(instance);
}

export function reset(instance: Instance): void {
  const { _state: state, _store: store } = instance;
  // A new session at once, with an empty trail: removing the record would let the next
  // event re-read the stored one (the cross-tab check) before the removal is written, and
  // the next person's answers would carry the last one's journey.
  store._set(SESSION_KEY, { id: uuid(), last: Date.now(), views: 0, trail: [] });
  setUserId(store, state._identity, undefined);
  // The traits kept for `when.user` were the last person's.
  store._set(TRAITS_KEY, undefined);
  state._identity._anonymousId = newAnonymousId(store);
}

export function subscribe(instance: Instance, type: string, fn: unknown): MaybeRefused<() => void> {
  // A type that throws as a key (a hostile object) fails into the guard, like any method.
  if (typeof fn !== 'function')
    return refuse(instance, __DEV__ && `on(${quote(type)}) listener: invalid; not subscribed`);
  return instance._emitter._on(type, fn as never);
}
