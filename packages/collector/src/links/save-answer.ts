// One answer per (survey, ref, u): the answer's event id is derived from that key
// (answer-event.ts), so the first answer is an ordinary insert and a later one, which the
// insert counts as a duplicate, replaces the stored event's score, comment and time, and
// the insights figures count the new version in its place (insights/aggregate/replace.ts).
import type { WireEvent } from '../batch.js';
import type { EventStore } from '../store.js';

/** The content type recorded on the batch row of a link answer (the `/collect` ones are JSON or text). */
export const LINK_CONTENT_TYPE = 'application/x-touchpoint-link';

/** @returns `stored` for a first answer, `replaced` when it changed an earlier one. */
export async function saveAnswer(store: EventStore, event: WireEvent): Promise<'stored' | 'replaced'> {
  const { stored } = await store.insert(
    { sentAt: event.ts, events: [event], dropped: 0, rejected: 0 },
    LINK_CONTENT_TYPE,
  );
  if (stored) return 'stored';
  // Stored by the insert that came first (events are never deleted): it is there to replace.
  await store.replace(event);
  return 'replaced';
}
