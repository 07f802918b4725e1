import type { Explanation } from '@touchpoint/core';

/** What the overlay says will show: now, or on an event, or nothing. */
export type Next = { id: string; now: true } | { id: string; now: false; event: string } | undefined;

/**
 * Which survey would show next, as the triggers decide it: the first eligible survey in
 * configuration order shows now; else the first whose only missing condition is its event
 * shows when that event happens. Pure.
 */
export function nextSurvey(list: Explanation[]): Next {
  const ready = list.find((e) => e.eligible);
  if (ready) return { id: ready.id, now: true };
  for (const { id, reasons } of list) {
    const failing = reasons.filter((r) => !r.ok);
    const event =
      failing[0]?.rule === 'event' && failing.length === 1 && failing[0].detail.split(', needs ')[1];
    if (event) return { id, now: false, event };
  }
  return undefined;
}
