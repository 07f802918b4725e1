import { ENVELOPE_BYTES } from './wire.js';

/** A stored event ready to go: its queue key, its JSON and that JSON's UTF-8 size. */
export interface Item {
  _key: IDBValidKey;
  _json: string;
  _bytes: number;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** UTF-8 bytes of a string: what a request body costs against a byte limit. */
export const utf8Bytes = (text: string) => encoder.encode(text).length;

/** Serializes a stored value; undefined when it cannot be (a corrupted record). */
export function toItem(key: IDBValidKey, value: unknown): Item | undefined {
  const event = value as { id?: unknown; type?: unknown } | null;
  if (typeof event?.id !== 'string' || typeof event.type !== 'string') return;
  try {
    const json = JSON.stringify(event);
    return { _key: key, _json: json, _bytes: utf8Bytes(json) };
  } catch {
    // Cycles and BigInts survive structured clone into IndexedDB but not JSON.
    return;
  }
}

/**
 * The first items that fit in one request: at most `count` of them and `maxBytes` of body.
 * Always at least one, so an event larger than `maxBytes` is still attempted (the collector
 * may accept it; a 413 then drops it alone).
 */
export function takeBatch(items: Item[], count: number, maxBytes: number): Item[] {
  let size = ENVELOPE_BYTES;
  let n = 0;
  for (const item of items) {
    size += item._bytes + 1;
    if (n >= count || (n > 0 && size > maxBytes)) break;
    n++;
  }
  return items.slice(0, n);
}
