// What a stored record becomes on its way to a request, and how a batch meets the byte limit.

/** UTF-8 bytes of a string: what a request body costs against a byte limit. */
export const utf8Bytes = (text: string) => new Blob([text]).size;

/** Whether a stored value is the JSON of an event; false for a corrupted record. */
export function readable(value: unknown): value is string {
  try {
    const event = JSON.parse(value as string);
    return typeof event.id === 'string' && typeof event.type === 'string';
  } catch {
    return false;
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
