import { pickSurvey } from '../pick-survey.js';
import type { Explanation } from '../types.js';

/** What the overlay says will show: now, or on an event, or nothing. */
export type Next = { id: string; now: true } | { id: string; now: false; event: string } | undefined;

/**
 * Which survey would show next, as the triggers pick it (the core's `pickSurvey`): the survey
 * picked now shows now; else the survey that would be picked if the event it waits for
 * happened shows on that event. Pure.
 */
export function nextSurvey(list: Explanation[]): Next {
  const ready = pickSurvey(list, (e) => e.eligible);
  if (ready) return { id: ready.id, now: true };
  // Nothing shows now: a survey whose only failing condition is its event is picked once it happens.
  const onEvent = pickSurvey(list, (e) => e.reasons.every((r) => r.ok || r.rule === 'event'));
  const event = onEvent?.reasons.find((r) => r.rule === 'event');
  return onEvent && event?.rule === 'event' ? { id: onEvent.id, now: false, event: event.needed } : undefined;
}
