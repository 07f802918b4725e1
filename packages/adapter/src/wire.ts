// The request body the collector receives (SPEC "Wire format"). The only file that spells its fields.

/**
 * `{"sentAt", "events", "dropped"?}` built from events already serialized, so each event is
 * stringified once, when its size is measured for batching.
 */
export function body(events: string[], sentAt: number, dropped: number): string {
  return `{"sentAt":${sentAt},"events":[${events.join(',')}]${dropped > 0 ? `,"dropped":${dropped}` : ''}}`;
}

/** Bytes of the envelope around the events, with room for 13-digit times and large counts. */
export const ENVELOPE_BYTES = body([], 1e13, 1e10).length;
