import type { Identity } from './identity.js';
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
  identity: Identity,
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
    anonymousId: identity._anonymousId,
    sessionId: '',
    userId: identity._userId,
    page,
  };
}
