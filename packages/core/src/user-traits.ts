// `when.user`: conditions on the traits given to `identify()`. Pure: the triggers, `explain()`
// and the CLI judge a survey's conditions against the same traits with these functions.
import type { JsonValue, Props, TraitCondition, UserConditions } from './types.js';

/** The comparisons a range condition may use, in the order they are written back. */
export const RANGE_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;

/** One of {@link RANGE_OPERATORS}. */
export type RangeOperator = (typeof RANGE_OPERATORS)[number];

const COMPARE: Record<RangeOperator, (trait: number, bound: number) => boolean> = {
  gt: (trait, bound) => trait > bound,
  gte: (trait, bound) => trait >= bound,
  lt: (trait, bound) => trait < bound,
  lte: (trait, bound) => trait <= bound,
};

/**
 * True when the trait `value` meets `condition`: equal to a value, equal to any value of a
 * list, or inside every bound of a range (a range needs a number). An absent trait
 * (`undefined`) never matches, not even `lt`: a survey for "fewer than 3 orders" waits until
 * the site says how many orders there are, rather than asking people it knows nothing about.
 */
export function traitMatches(value: JsonValue | undefined, condition: TraitCondition): boolean {
  if (value === undefined) return false;
  if (Array.isArray(condition)) return condition.some((one) => one === value);
  if (typeof condition === 'object' && condition !== null)
    return (
      typeof value === 'number' &&
      RANGE_OPERATORS.every((op) => condition[op] === undefined || COMPARE[op](value, condition[op]))
    );
  return value === condition;
}

/** The trait keys any survey of `surveys` names in `when.user`: the only traits kept on the device. */
export function namedTraitKeys(surveys: readonly { when?: { user?: UserConditions } }[]): string[] {
  return [...new Set(surveys.flatMap((survey) => Object.keys(survey.when?.user ?? {})))];
}

/** Only the traits of `traits` whose key is in `keys`: what the device keeps of `identify()`. */
export function keepNamedTraits(traits: Props | undefined, keys: readonly string[]): Props {
  const kept: Props = {};
  for (const key of keys) if (traits && Object.hasOwn(traits, key)) kept[key] = traits[key] as JsonValue;
  return kept;
}
