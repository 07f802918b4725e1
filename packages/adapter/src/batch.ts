// What a stored record becomes on its way to a request, and how a batch meets the byte limit.

/** UTF-8 bytes of a string: what a request body costs against a byte limit. */
export const utf8Bytes = (text: string) => new Blob([text]).size;

/** The JSON of a stored value; undefined when it is not an event or cannot be serialized (a corrupted record). */
export function toJson(value: unknown): string | undefined {
  const event = value as { id?: unknown; type?: unknown } | null;
  if (typeof event?.id !== 'string' || typeof event.type !== 'string') return;
  try {
    return JSON.stringify(event);
  } catch {
    // Cycles and BigInts survive structured clone into IndexedDB but not JSON.
  }
}

/**
 * How many of `count` events to try next when their body of `bytes` is over `maxBytes`: the share
 * that fits if events are about the same size, and always fewer, but at least one (the collector
 * may accept an event larger than the limit; a 413 then drops it alone). One rule on the body as
 * the format built it, so a preset's larger envelope counts too.
 */
export const fitCount = (count: number, bytes: number, maxBytes: number) =>
  Math.max(1, Math.floor((count * maxBytes) / bytes));
