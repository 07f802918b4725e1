// Sampling must be stable per visitor and survey: a visitor drawn out of a 20% survey
// stays out on every page load, with nothing stored. So the draw is a hash, not a random.

/**
 * The visitor's bucket for a survey, 0–99.99: FNV-1a over `anonymousId:surveyId`, then
 * Murmur3's finalizer, because FNV-1a alone leaves similar ids in neighbouring buckets.
 */
export function sampleBucket(anonymousId: string, surveyId: string): number {
  const s = `${anonymousId}:${surveyId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (((h ^ (h >>> 16)) >>> 0) % 10000) / 100;
}

/** True when the visitor falls inside `rate` (0–1) of a survey's audience. */
export function inSample(anonymousId: string, surveyId: string, rate: number): boolean {
  return sampleBucket(anonymousId, surveyId) < rate * 100;
}
