// A batch on its way to a request: the format applied, its answer checked, the body cut to size.
import { fitCount, utf8Bytes } from './batch.js';
import type { Format, Payload } from './format.js';
import { headerProblem } from './headers.js';
import type { Item } from './queue.js';

/**
 * A format's return value as a {@link Payload}, or a TypeError saying what is wrong with it. A
 * string, a Promise or `{ body: {…} }` would otherwise be POSTed as an empty or garbage body that
 * a 2xx then acknowledges, and the events would be deleted unsent.
 */
export function checkPayload(value: unknown): Payload {
  const payload = value as Payload | null;
  if (typeof payload?.body !== 'string') throw new TypeError('format must return { body: string, headers? }');
  for (const [name, headerValue] of Object.entries(payload.headers ?? {})) {
    const problem = headerProblem(name, headerValue);
    if (problem) throw new TypeError(`format returned a ${problem}`);
  }
  return payload;
}

/**
 * The request for the first items that fit in `maxBytes` of formatted body (at least one), and
 * how many items it carries. The format gets parsed copies of the stored JSON, so it may change
 * them. Throws what the format throws, or what {@link checkPayload} finds.
 */
export function buildPayload(
  format: Format,
  items: Item[],
  dropped: number,
  maxBytes: number,
): [payload: Payload, count: number] {
  let count = items.length;
  for (;;) {
    const events = items.slice(0, count).map((item) => JSON.parse(item[1]));
    const payload = checkPayload(format(events, dropped));
    const bytes = utf8Bytes(payload.body);
    if (count === 1 || bytes <= maxBytes) return [payload, count];
    count = fitCount(count, bytes, maxBytes);
  }
}
