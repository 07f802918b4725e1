// Sampling must be stable per visitor and survey: a visitor drawn out of a 20% survey
// stays out on every page load, with nothing stored. So the draw is a hash, not a random.

import { hash32 } from './hash32.js';

/** The visitor's bucket for a survey, 0–99.99: {@link hash32} of `anonymousId:surveyId`. */
export function sampleBucket(anonymousId: string, surveyId: string): number {
  return (hash32(`${anonymousId}:${surveyId}`) % 10000) / 100;
}

/** True when a visitor in `bucket` (from {@link sampleBucket}) falls inside `rate` (0–1). */
export const bucketInSample = (bucket: number, rate: number): boolean => bucket < rate * 100;

/** True when the visitor falls inside `rate` (0–1) of a survey's audience. */
export function inSample(anonymousId: string, surveyId: string, rate: number): boolean {
  return bucketInSample(sampleBucket(anonymousId, surveyId), rate);
}
