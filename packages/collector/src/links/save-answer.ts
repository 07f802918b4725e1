// One answer per (survey, ref, u): the answer's event id is derived from that key
// (answer-event.ts), so the first answer is an ordinary insert and a later one, which the
// insert counts as a duplicate, replaces the stored event's score, comment and time.
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
  await store.query(
    `update events set props = $2::text::jsonb, event = $3::text::jsonb, ts = $4, received_at = now()
      where id = $1`,
    [event.id, JSON.stringify(event.props ?? {}), JSON.stringify(event), event.ts],
  );
  return 'replaced';
}
