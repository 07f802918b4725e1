import { SESSION_KEY } from './keys.js';
import type { Store } from './store.js';
import { type Step, TRAIL_LENGTH } from './trail.js';
import type { JourneyEvent } from './types.js';
import { uuid } from './uuid.js';

/** A session ends after this long without an event (the analytics industry's 30 minutes). */
export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * The stored session: its id, the last activity, the page views so far and the journey
 * trail. One record, one write per event: the trail lives and dies with its session.
 */
export interface Session {
  id: string;
  /** Epoch ms of the last event. */
  last: number;
  /** Page views in this session (the triggers' `afterPageViews`). */
  views: number;
  /** The last {@link TRAIL_LENGTH} steps of this session, across page loads. */
  trail: Step[];
}

/** Pure: is this stored value (which may be anything) a session still alive at `now`? */
export const isLive = (value: unknown, now: number): value is Session =>
  typeof (value as Session)?.id === 'string' &&
  (value as Session).views >= 0 &&
  Array.isArray((value as Session).trail) &&
  Math.abs(now - (value as Session).last) < SESSION_TIMEOUT_MS;

/** Page views in the stored session so far (the triggers' `afterPageViews`). */
export const pageViews = (store: Store): number =>
  (store._get(SESSION_KEY) as Session | undefined)?.views ?? 0;

/**
 * The live session at `now`, marked active; a new one after 30 minutes of inactivity.
 * Before rotating it re-reads storage: another tab may have kept the session alive.
 * With an event, counts its page view and appends its step to the trail.
 */
export function touchSession(store: Store, now: number, event?: JourneyEvent): Session {
  let session: unknown = store._get(SESSION_KEY);
  if (!isLive(session, now)) session = store._get(SESSION_KEY, true);
  const live: Session = isLive(session, now) ? session : { id: uuid(), last: now, views: 0, trail: [] };
  live.last = now;
  if (event) {
    event.sessionId = live.id;
    if (event.type === 'page') live.views++;
    const step: Step = {
      type: event.type,
      stage: event.stage,
      name: event.name,
      path: event.page.path,
      ts: now,
    };
    if (live.trail.push(step) > TRAIL_LENGTH) live.trail.shift();
  }
  store._set(SESSION_KEY, live as never);
  return live;
}
