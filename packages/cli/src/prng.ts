// The simulation must be repeatable: the same seed gives the same visitors, visits and
// answers, so two runs of `touchpoint simulate` can be compared after a config edit.

/** Mulberry32: a tiny, well-mixed 32-bit generator; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An id shaped like the browser's `crypto.randomUUID()` anonymous ids, drawn from `random`,
 * so simulated visitors land in sample buckets the way real ones do.
 */
export function randomUuid(random: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}
