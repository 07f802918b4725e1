// Consent: whether events may be stored and delivered, and what a decision does to storage.
import { CONSENT_KEY } from './keys.js';
import type { Store } from './store.js';
import type { JourneyEvent } from './types.js';

/** Events held in memory while consent is pending; beyond it the oldest are dropped. */
export const CONSENT_BUFFER_LIMIT = 100;

/**
 * Consented at start? Reading the stored decision is the one storage access before consent:
 * it is the decision itself. A stored refusal holds whatever requireConsent says, or an
 * opt-out would last one page.
 */
export const consentedAtStart = (decision: unknown, requireConsent: boolean): boolean =>
  decision === true || (!requireConsent && decision !== false);

/** Consented at start, by the stored decision; without consent, the store keeps to memory. */
export function startConsent(store: Store, requireConsent: boolean): boolean {
  const consented = consentedAtStart(store._get(CONSENT_KEY), requireConsent);
  if (!consented) store._persist(false);
  return consented;
}

/** Holds an event until consent; true when the oldest held event had to be dropped for it. */
export function hold(held: JourneyEvent[], event: JourneyEvent): boolean {
  if (held.push(event) <= CONSENT_BUFFER_LIMIT) return false;
  held.shift();
  return true;
}

/**
 * Stores a decision. Refused or withdrawn: everything stored is forgotten and only the refusal
 * itself is kept, so later page loads stay out until consent(true) replaces it; then memory
 * only. Granted: what memory holds so far (identity, session) is written, and kept written.
 */
export function storeDecision(store: Store, granted: boolean): void {
  if (!granted) store._clear();
  store._set(CONSENT_KEY, granted);
  store._persist(true);
  if (!granted) store._persist(false);
}
