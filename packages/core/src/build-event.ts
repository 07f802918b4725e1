import { anonymousId, userId } from './identity.js';
import type { Store } from './store.js';
import type { EventType, JourneyEvent, PageContext, Props } from './types.js';
import { uuid } from './uuid.js';

/** What a call adds to an event: the name of a track event, its stage and its props. */
export interface EventFields {
  name?: string | undefined;
  stage: string | undefined;
  props: Props | undefined;
}

/**
 * A new event with the visitor's identity and the page. The session id is set by
 * touchSession (session.ts), which also counts the page view and extends the trail.
 */
export function buildEvent(
  type: EventType,
  fields: EventFields,
  store: Store,
  page: PageContext,
  ts: number,
): JourneyEvent {
  // One shape for every event (absent fields undefined, which JSON leaves out), which
  // engines keep fast.
  return {
    id: uuid(),
    type,
    name: fields.name,
    stage: fields.stage,
    props: fields.props,
    ts,
    anonymousId: anonymousId(store),
    sessionId: '',
    userId: userId(store),
    page,
  };
}
