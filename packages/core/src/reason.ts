// One condition of one survey, as the eligibility rule judged it: a typed record, so every
// reader (the console table, the debug overlay, the CLI) takes the values it needs from their
// fields, and `formatReason` is the one place that writes them as text.

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
  );

/** The name of a rule: `'pages'`, `'sample'`, `'cooldown'`, … */
export type RuleName = Reason['rule'];

/** Days, as a person reads them: one decimal at most (`6.5`, `30`). */
const days = (value: number) => `${+value.toFixed(1)}`;

/** What was found, as text. */
function actualText(reason: Reason): string {
  switch (reason.rule) {
    case 'consent':
      return reason.actual ? 'given' : 'missing';
    case 'event':
      return reason.actual ?? 'no event';
    case 'stage':
      return reason.actual ?? 'no stage';
    case 'sample':
      return `bucket ${reason.actual}`;
    case 'answered':
    case 'cooldown':
    case 'minDaysBetweenSurveys':
      return `${days(reason.actual)} days ago`;
    case 'maxPerSession':
      return `${reason.actual} shown`;
    case 'open':
      return `${reason.actual} open`;
    default:
      return `${reason.actual}`;
  }
}

/** What the rule needs, as text. */
function neededText(reason: Reason): string {
  switch (reason.rule) {
    case 'consent':
      return 'given';
    case 'sample':
    case 'maxPerSession':
      return `< ${reason.needed}`;
    case 'answered':
    case 'cooldown':
    case 'minDaysBetweenSurveys':
      return reason.needed === undefined ? 'never' : `${reason.needed} days`;
    case 'open':
      return 'none';
    default:
      return `${reason.needed}`;
  }
}

/**
 * A reason as one line of text, `<what was found>, needs <what it takes>`: `bucket 73, needs < 20`,
 * `2 days ago, needs 30 days`. What the `?tp_debug=1` console table and `touchpoint explain` print.
 */
export function formatReason(reason: Reason): string {
  return `${actualText(reason)}, needs ${neededText(reason)}`;
}
