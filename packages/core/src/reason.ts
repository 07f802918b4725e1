// One condition of one survey, as the eligibility rule judged it: a typed record, so every
// reader (the console table, the debug overlay, the CLI) takes the values it needs from their
// fields, and `formatReason` is the one place that writes them as text.

import type { JsonValue, TraitCondition } from './types.js';

/** Fields every reason has. */
interface Judged {
  /** True when the condition holds. */
  ok: boolean;
}

/** Why a survey is, or is not, eligible: one condition, what was found and what it takes. */
export type Reason = Judged &
  (
    | { rule: 'consent'; actual: boolean; needed: true }
    | {
        rule: 'pages';
        /** The page's path. */
        actual: string;
        /** The glob that decided, or the survey's globs when none matched. */
        needed: string | string[];
      }
    | { rule: 'event' /** The event being judged, if any. */; actual: string | undefined; needed: string }
    | { rule: 'stage' /** The event's stage, else the page's. */; actual: string | undefined; needed: string }
    | { rule: 'afterPageViews' /** Page views in this session. */; actual: number; needed: number }
    | {
        rule: 'sample';
        /** The visitor's bucket for this survey, 0–99.99. */
        actual: number;
        /** The bucket must be below this: the sample rate in percent. */
        needed: number;
      }
    | {
        rule: 'answered' | 'cooldown' | 'minDaysBetweenSurveys';
        /** Days since the survey was answered, or last shown or dismissed (or any survey shown). */
        actual: number;
        /** Days to wait; undefined for an answered survey without `repeatAfterDays`: never again. */
        needed: number | undefined;
      }
    | {
        rule: 'maxPerSession';
        /** Surveys shown in this session. */
        actual: number;
        /** The session's limit: fewer than this may have shown. */
        needed: number;
      }
    | { rule: 'open' /** The survey whose prompt is open now. */; actual: string; needed: undefined }
    | {
        rule: 'user';
        /** The trait this condition is about. */
        trait: string;
        /** The visitor's value of it; undefined when `identify()` gave none (never matches). */
        actual: JsonValue | undefined;
        needed: TraitCondition;
      }
    | {
        rule: 'startsAt' | 'endsAt';
        /** The clock, epoch ms. */
        actual: number;
        /** The schedule's instant, epoch ms: from it on (`startsAt`), before it (`endsAt`). */
        needed: number;
      }
  );

/** The name of a rule: `'pages'`, `'sample'`, `'cooldown'`, … */
export type RuleName = Reason['rule'];

/** Days, as a person reads them: one decimal at most (`6.5`, `30`). */
export const formatDays = (value: number): string => `${+value.toFixed(1)}`;

/**
 * A reason as one line of text, `<what was found>, needs <what it takes>`: `bucket 73, needs < 20`,
 * `2 days ago, needs 30 days`. What the `?tp_debug=1` console table and `touchpoint explain` print.
 */
export function formatReason(reason: Reason): string {
  switch (reason.rule) {
    case 'consent':
      return `${reason.actual ? 'given' : 'missing'}, needs given`;
    case 'event':
      return `${reason.actual ?? 'no event'}, needs ${reason.needed}`;
    case 'stage':
      return `${reason.actual ?? 'no stage'}, needs ${reason.needed}`;
    case 'sample':
      return `bucket ${reason.actual}, needs < ${reason.needed}`;
    case 'maxPerSession':
      return `${reason.actual} shown, needs < ${reason.needed}`;
    case 'open':
      return `${reason.actual} open, needs none`;
    case 'answered':
    case 'cooldown':
    case 'minDaysBetweenSurveys':
      return `${formatDays(reason.actual)} days ago, needs ${reason.needed === undefined ? 'never' : `${reason.needed} days`}`;
    case 'user':
      return `${reason.trait} ${reason.actual === undefined ? 'absent' : JSON.stringify(reason.actual)}, needs ${formatTraitCondition(reason.needed)}`;
    case 'startsAt':
      return `${formatInstant(reason.actual)}, needs from ${formatInstant(reason.needed)}`;
    case 'endsAt':
      return `${formatInstant(reason.actual)}, needs before ${formatInstant(reason.needed)}`;
    default:
      // `pages`, `afterPageViews`, and a rule added later: the values as they are.
      return `${reason.actual}, needs ${reason.needed}`;
  }
}

/** An instant as ISO 8601 in UTC, without milliseconds when there are none: `2027-01-15T00:00:00Z`. */
export const formatInstant = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

const RANGE_SIGNS = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** A trait condition as a person reads it: `"pro"`, `"pro" | "team"`, `≥ 3 and < 10`. */
export function formatTraitCondition(condition: TraitCondition): string {
  if (Array.isArray(condition)) return condition.map((one) => JSON.stringify(one)).join(' | ');
  if (typeof condition !== 'object') return JSON.stringify(condition);
  return (Object.keys(RANGE_SIGNS) as (keyof typeof RANGE_SIGNS)[])
    .filter((op) => condition[op] !== undefined)
    .map((op) => `${RANGE_SIGNS[op]} ${condition[op]}`)
    .join(' and ');
}
