import { SESSION_KEY } from './keys.js';
import type { Store } from './store.js';
import { uuid } from './uuid.js';

/** A session ends after this long without an event (the analytics industry's 30 minutes). */
export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

/** The stored session: its id, the last activity and the page views so far. */
export interface Session {
  id: string;
  /** Epoch ms of the last event. */
  last: number;
  /** Page views in this session (the triggers' `afterPageViews`). */
  views: number;
}

/** Pure: is this stored value (which may be anything) a session still alive at `now`? */
export const isLive = (value: unknown, now: number): value is Session =>
  typeof (value as Session)?.id === 'string' &&
  (value as Session).views >= 0 &&
  Math.abs(now - (value as Session).last) < SESSION_TIMEOUT_MS;

/**
 * The live session at `now`, marked active; a new one after 30 minutes of inactivity.
 * Before rotating it re-reads storage: another tab may have kept the session alive.
 */
export function touchSession(store: Store, now: number): Session {
  let session: unknown = store._get(SESSION_KEY);
  if (!isLive(session, now)) session = store._get(SESSION_KEY, true);
  const live: Session = isLive(session, now) ? session : { id: uuid(), last: now, views: 0 };
  live.last = now;
  store._set(SESSION_KEY, live as never);
  return live;
}
