// What the triggers judge the surveys of one moment against: the page, the event, the session,
// consent, the prompt on screen, the configuration's limits, the traits and the history, read
// once per moment. The stored history is merged with what other tabs wrote before every
// decision (history.ts).
import { eligibility } from './eligibility.js';
import type { createHistory } from './history.js';
import type { Reason } from './reason.js';
import { pageViews } from './session.js';
import type { TriggerHost } from './survey-seam.js';
import type { TraitStore } from './trait-store.js';
import type { Moment, TriggerState } from './trigger-state.js';
import type { Survey } from './types.js';

/** The parts a judgement reads, besides the triggers' state. */
export interface JudgeParts {
  _host: TriggerHost;
  _history: ReturnType<typeof createHistory>;
  _traits: TraitStore;
}

/**
 * The eligibility rule for every survey of `moment` (the page view without one). Preview
 * bypasses sampling, cooldowns and fatigue limits: the survey without its sample rate, judged
 * against a visitor who has seen nothing.
 */
export function judgeMoment(
  { _host: host, _history: history, _traits: traits }: JudgeParts,
  state: TriggerState,
  moment?: Moment,
): (survey: Survey) => Reason[] {
  const ctx = {
    ...host._where(),
    event: moment,
    pageViews: pageViews(host._store),
    anonymousId: host._anonymousId(),
    sessionId: state._sessionId,
    // Events reach the triggers only after consent; this is for explain() before it.
    consented: host._consented(),
    open: state._prompt._open,
    limits: state._config.limits,
    traits: traits._read(),
  };
  const seen = state._preview ? { surveys: {} } : history._read(state._sessionId);
  const now = Date.now();
  return (survey) => eligibility(state._preview ? { ...survey, sample: 1 } : survey, ctx, seen, now);
}
