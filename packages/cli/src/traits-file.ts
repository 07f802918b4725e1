// `--traits <file>`: the `identify()` traits of the visitors a command judges. Either one
// visitor's traits (`{ "plan": "pro", "orders": 4 }`), or a distribution of visitors: an array
// of `{ "share": 0.2, "traits": { … } }`, shares from 0 to 1 adding up to at most 1; the
// visitors left over are not identified (no traits, so `when.user` never holds for them).
import type { Props } from '@touchpoint/core/rules';

/** One kind of visitor and the share of visitors who are of that kind. */
export interface TraitProfile {
  share: number;
  traits: Props;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The profiles of a traits file; a message saying what is wrong when it is not one. */
export function parseTraits(text: string): TraitProfile[] | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (isObject(raw)) return [{ share: 1, traits: raw as Props }];
  if (!Array.isArray(raw)) return 'expected an object of traits, or an array of { "share", "traits" }';
  let total = 0;
  for (const [i, profile] of raw.entries()) {
    const share = (profile as { share?: unknown })?.share;
    if (
      !isObject(profile) ||
      !isObject(profile.traits) ||
      typeof share !== 'number' ||
      !(share >= 0 && share <= 1)
    )
      return `[${i}]: expected { "share": a number from 0 to 1, "traits": { … } }`;
    total += share;
  }
  // A little slack for shares written as decimals (0.1 + 0.2 is not 0.3 in binary).
  if (total > 1 + 1e-9) return `the shares add up to ${+total.toFixed(6)}, expected at most 1`;
  return raw as TraitProfile[];
}

/**
 * The traits of a visitor whose draw is `draw` (0 ≤ draw < 1): the profile whose share covers
 * it, in file order; none when the draw falls past the last share.
 */
export function traitsFor(profiles: readonly TraitProfile[], draw: number): Props | undefined {
  let end = 0;
  for (const profile of profiles) {
    end += profile.share;
    if (draw < end) return profile.traits;
  }
  return undefined;
}
