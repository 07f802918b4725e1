// Who the visitor is: the anonymous id (the sampling seed, kept across visits) and the id
// given to `identify()`. The instance keeps them in its state record (read once, at start:
// every event carries them); these functions are the only ones that read or change them in
// the store.
import { ANONYMOUS_ID_KEY, USER_ID_KEY } from './keys.js';
import type { Store } from './store.js';
import { uuid } from './uuid.js';

export interface Identity {
  _anonymousId: string;
  _userId: string | undefined;
}

/** A stored id: a non-empty string, else nothing (another version or a person may have written it). */
const storedId = (store: Store, key: string): string | undefined => {
  const value = store._get(key);
  return typeof value === 'string' && value ? value : undefined;
};

/** A new anonymous identity, stored: for a new visitor, after `reset()` and after a refusal. */
export function newAnonymousId(store: Store): string {
  const id = uuid();
  store._set(ANONYMOUS_ID_KEY, id);
  return id;
}

/** The stored identity; a new visitor's anonymous id is made and stored at once. */
export const loadIdentity = (store: Store): Identity => ({
  _anonymousId: storedId(store, ANONYMOUS_ID_KEY) ?? newAnonymousId(store),
  _userId: storedId(store, USER_ID_KEY),
});

/** `identify(id)`, or forgets the user (`reset()`, a refusal) with undefined. */
export function setUserId(store: Store, identity: Identity, id: string | undefined): void {
  identity._userId = id;
  store._set(USER_ID_KEY, id);
}
