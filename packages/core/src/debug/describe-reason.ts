import { formatDays, formatInstant, formatReason, formatTraitCondition, type Reason } from '../reason.js';
import { DAY_MS } from '../time.js';

/** `2026-03-14`: the overlay is read by people in any locale; ISO dates are unambiguous. */
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

const WAIT_LABELS = {
  cooldown: 'cooldown',
  answered: 'answered; repeat',
  minDaysBetweenSurveys: 'pause between surveys',
};

/**
 * One condition of `explain()` as a person reads it in the overlay: `sample bucket 73 ≥ 20`,
 * `event order_completed pending`, `cooldown until 2026-03-14`, `session limit 1 of 1 used`.
 * Pure: it reads the reason's fields, and a rule it does not phrase is written by the core's
 * {@link formatReason}, as the console and the CLI write it.
 */
export function describeReason(reason: Reason, now: number): string {
  switch (reason.rule) {
    case 'consent':
      return `consent ${reason.actual ? 'given' : 'missing'}`;
    case 'pages':
      return `page ${reason.actual} ${reason.ok ? 'matches' : 'not in'} ${reason.needed}`;
    case 'event':
      return `event ${reason.needed} ${reason.ok ? 'happened' : 'pending'}`;
    case 'stage':
      return `stage ${reason.actual ?? 'no stage'}${reason.ok ? '' : `, needs ${reason.needed}`}`;
    case 'afterPageViews':
      return `page views ${reason.actual} of ${reason.needed}`;
    case 'sample':
      return `sample bucket ${reason.actual} ${reason.ok ? '<' : '≥'} ${reason.needed}`;
    case 'maxPerSession':
      return `session limit ${reason.actual} of ${reason.needed} used`;
    case 'open':
      return `${reason.actual} is open (one prompt at a time)`;
    case 'user':
      return `trait ${reason.trait} ${reason.actual === undefined ? 'absent' : JSON.stringify(reason.actual)}${reason.ok ? '' : `, needs ${formatTraitCondition(reason.needed)}`}`;
    case 'startsAt':
      return `${reason.ok ? 'started' : 'starts'} ${formatInstant(reason.needed)}`;
    case 'endsAt':
      return `${reason.ok ? 'ends' : 'ended'} ${formatInstant(reason.needed)}`;
    case 'answered':
    case 'cooldown':
    case 'minDaysBetweenSurveys': {
      const label = WAIT_LABELS[reason.rule];
      const ago = `${formatDays(reason.actual)} days ago`;
      // An answered survey without repeatAfterDays has no date to wait for.
      if (reason.needed === undefined) return `${label} never (${ago})`;
      return reason.ok
        ? `${label} over (${ago})`
        : `${label} until ${day(now + (reason.needed - reason.actual) * DAY_MS)}`;
    }
    default:
      return `${(reason as Reason).rule}: ${formatReason(reason)}`;
  }
}
