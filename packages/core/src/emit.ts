// How an event travels: built, counted in the session, then delivered to listeners and the
// triggers, or held until consent.
import { buildEvent, type EventFields } from './build-event.js';
import { CONSENT_BUFFER_LIMIT, hold } from './consent.js';
import type { Instance } from './instance-state.js';
import { touchSession } from './session.js';
import type { EventType, JourneyEvent } from './types.js';

/** To its type's listeners, to '*' (where collectors listen) unless the triggers keep it local, then to the triggers. */
export function deliver(instance: Instance, event: JourneyEvent): void {
  instance._emitter._emit(event.type, event);
  // Answers to a draft in preview reach their own listeners (the widget, the overlay) but not '*'.
  if (!instance._triggers._isLocal(event)) instance._emitter._emit('*', event);
  instance._triggers._onEvent(event);
}

/** Emits an event now, or holds it while consent is pending. */
export function emit(instance: Instance, type: EventType, fields: EventFields): void {
  const ts = Date.now();
  const event = buildEvent(type, fields, instance._state._identity, instance._page._current(), ts);
  // Sets the session id, counts the page view and extends the trail.
  touchSession(instance._store, ts, event);
  if (instance._state._consented) deliver(instance, event);
  else if (hold(instance._state._held, event))
    instance._warn(`over ${CONSENT_BUFFER_LIMIT} events wait for consent; the oldest are dropped`);
}

/** Consent given: the held events, in order. */
export function release(instance: Instance): void {
  const held = instance._state._held;
  instance._state._held = [];
  for (const event of held) deliver(instance, event);
}
