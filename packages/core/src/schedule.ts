// `startsAt` / `endsAt`: the dates a survey runs between. Pure; the clock comes in as an
// argument, so the browser, `explain()` and `touchpoint simulate --date` share the rule.
//
// The rule: a date without a time (`2027-01-15`) is midnight UTC, as `Date.parse` reads it,
// so every visitor, whatever their time zone, and the CLI agree on the same instant. A date
// with a time must say its zone (`Z` or `+01:00`): a time without one would mean a different
// instant on every visitor's clock, so the validator refuses it. `startsAt` is inclusive,
// `endsAt` exclusive: `endsAt: "2027-02-01"` runs through the whole of 31 January (UTC).

/** `YYYY-MM-DD`, or that with `THH:MM`, optional seconds and fraction, and a zone. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant (epoch ms) a schedule date stands for, or undefined when `text` is not one: not
 * in the form above, a time without a zone, or a day the month does not have (`2027-02-30`,
 * which `Date.parse` would roll over into March).
 */
export function parseScheduleDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
