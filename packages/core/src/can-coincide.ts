// Whether two surveys' schedules and trait conditions leave any visitor at any moment for
// whom both can be due. Conservative: only conditions that plainly exclude each other (date
// windows that do not meet, lists or values of the same trait with nothing in common) say no;
// ranges and anything else are taken as compatible, so lint warns rather than stays silent.
import { parseScheduleDate } from './schedule.js';
import type { Survey, TraitCondition } from './types.js';

/** The instants a survey runs in, `[from, until)`. */
const windowOf = (survey: Survey): [number, number] => [
  survey.startsAt === undefined ? -Infinity : (parseScheduleDate(survey.startsAt) ?? Infinity),
  survey.endsAt === undefined ? Infinity : (parseScheduleDate(survey.endsAt) ?? -Infinity),
];

/** True when the two surveys' `startsAt` / `endsAt` windows share an instant. */
export function schedulesMeet(a: Survey, b: Survey): boolean {
  const [aFrom, aUntil] = windowOf(a);
  const [bFrom, bUntil] = windowOf(b);
  return Math.max(aFrom, bFrom) < Math.min(aUntil, bUntil);
}

/** The values a condition accepts, when it is a value or a list; undefined for a range. */
const values = (condition: TraitCondition): unknown[] | undefined =>
  Array.isArray(condition) ? condition : typeof condition === 'object' ? undefined : [condition];

/** False when some trait both surveys name must take values that have nothing in common. */
export function traitsMeet(a: Survey, b: Survey): boolean {
  const bUser = b.when?.user ?? {};
  return Object.entries(a.when?.user ?? {}).every(([trait, condition]) => {
    const other = bUser[trait];
    const mine = values(condition);
    const theirs = other === undefined ? undefined : values(other);
    return !mine || !theirs || mine.some((value) => theirs.includes(value));
  });
}
