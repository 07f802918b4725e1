// Who the visitor is: the anonymous id (the sampling seed, kept across visits) and the id
// given to `identify()`. Kept in the store (which caches in memory) and read from it when
// needed, not copied into the instance: one place holds them.
import { ANONYMOUS_ID_KEY, USER_ID_KEY } from './keys.js';
import type { Store } from './store.js';
import { uuid } from './uuid.js';

/** A stored id: a non-empty string, else nothing (another version or a person may have written it). */
const storedId = (store: Store, key: string): string | undefined => {
  const value = store._get(key);
  return typeof value === 'string' && value ? value : undefined;
};

/** A new anonymous identity, stored: on first use, after `reset()` and after a refusal. */
export function newAnonymousId(store: Store): string {
  const id = uuid();
  store._set(ANONYMOUS_ID_KEY, id);
  return id;
}

/** The visitor's anonymous id; a new one on first use. */
export const anonymousId = (store: Store): string =>
  storedId(store, ANONYMOUS_ID_KEY) ?? newAnonymousId(store);

/** The id given to `identify()`, if any. */
export const userId = (store: Store): string | undefined => storedId(store, USER_ID_KEY);

/** `identify(id)`, or forgets the user (`reset()`) with undefined. */
export function setUserId(store: Store, id: string | undefined): void {
  store._set(USER_ID_KEY, id);
}
