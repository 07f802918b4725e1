/**
 * 32 bits of a string: FNV-1a, then Murmur3's finalizer, because FNV-1a alone leaves similar
 * strings (`anon-1:s`, `anon-2:s`) in neighbouring values. Sampling and the configuration hash
 * share this one loop.
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
