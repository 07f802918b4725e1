import type { Reason } from '@touchpoint/core';

const DAY = 864e5;

/** `2026-03-14`: the overlay is read by people in any locale; ISO dates are unambiguous. */
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

const WAIT_LABELS: Record<string, string> = {
  cooldown: 'cooldown',
  answered: 'answered; repeat',
  minDaysBetweenSurveys: 'pause between surveys',
};

/**
 * One condition of `explain()` as a person reads it in the overlay: `sample bucket 73 ≥ 20`,
 * `event order_completed pending`, `cooldown until 2026-03-14`, `session limit 1 of 1 used`.
 * Pure: it reads the rule's `detail` (`<what is>, needs <what it takes>`, the one shape
 * eligibility writes) and falls back to it for a rule it does not know.
 */
export function describeReason({ rule, ok, detail }: Reason, now: number): string {
  const [is = '', needs = ''] = detail.split(', needs ');
  switch (rule) {
    case 'consent':
      return `consent ${is}`;
    case 'pages':
      return `page ${is} ${ok ? 'matches' : 'not in'} ${needs}`;
    case 'event':
      return `event ${needs} ${ok ? 'happened' : 'pending'}`;
    case 'stage':
      return `stage ${is}${ok ? '' : `, needs ${needs}`}`;
    case 'afterPageViews':
      return `page views ${is} of ${needs}`;
    case 'sample':
      return `sample ${is} ${ok ? '<' : '≥'} ${needs.replace('< ', '')}`;
    case 'maxPerSession':
      return `session limit ${Number.parseInt(is, 10)} of ${needs.replace('< ', '')} used`;
    case 'open':
      return `${is.replace(/ open$/, '')} is open (one prompt at a time)`;
  }
  const label = WAIT_LABELS[rule];
  if (!label) return `${rule}: ${detail}`;
  const days = Number.parseFloat(needs);
  // `never` (an answered survey without repeatAfterDays) has no date to wait for.
  if (Number.isNaN(days)) return `${label} never (${is})`;
  // The rule rounds "days ago" to a tenth, so the date can be a day early near midnight.
  return ok ? `${label} over (${is})` : `${label} until ${day(now + (days - Number.parseFloat(is)) * DAY)}`;
}
