// The loyalty ladder: where each person (user id, else anonymous id) stands, from the
// data Touchpoint has. Pure; the rules are stated here and on the page, and tested on
// hand-made journeys.
//   satisfied: their latest CSAT or NPS answer is in the high band;
//   loyal:     they came back in ≥ 3 sessions spanning ≥ 30 days, with no low-band answer;
//   advocate:  their latest NPS answer is a promoter's and they reached the advocacy stage.
// A person stands on the highest rung whose rule holds; 'none' is everyone else seen.
import type { Band, Metric } from './metrics.js';

export type Rung = 'none' | 'satisfied' | 'loyal' | 'advocate';
export const RUNGS: readonly Rung[] = ['none', 'satisfied', 'loyal', 'advocate'];

const DAY = 86_400_000;
/** The months the month-by-month moves cover at most, up to the latest event. */
const MAX_MONTHS = 120;

/** Options of {@link rungOf}. */
export const LADDER_DEFAULTS = {
  /** Sessions a loyal person has had. */
  loyalSessions: 3,
  /** Days from their first to their latest session, at least. */
  loyalDays: 30,
};

/** What the ladder needs of one person: epoch ms throughout. */
export interface PersonHistory {
  person: string;
  /** When each session began. */
  sessions: number[];
  answers: Array<{ ts: number; metric: Metric; band: Band }>;
  /** The first event in the advocacy stage, or null. */
  advocacyAt: number | null;
}

/**
 * The largest and the smallest of `values`, by a loop: spread into `Math.max`, an array of more
 * than about 125,000 (one person's sessions, a monitoring script signed in as one user) throws.
 */
export const largest = (values: readonly number[]) =>
  values.reduce((most, value) => Math.max(most, value), Number.NEGATIVE_INFINITY);
export const smallest = (values: readonly number[]) =>
  values.reduce((least, value) => Math.min(least, value), Number.POSITIVE_INFINITY);

const latest = (answers: PersonHistory['answers'], metrics: Metric[]) =>
  answers
    .filter((a) => metrics.includes(a.metric))
    .reduce<PersonHistory['answers'][number] | undefined>(
      (last, a) => (!last || a.ts >= last.ts ? a : last),
      undefined,
    );

/** The person's rung with what was known at `asOf` (epoch ms; default: everything). */
export function rungOf(
  history: PersonHistory,
  asOf = Number.POSITIVE_INFINITY,
  options: Partial<typeof LADDER_DEFAULTS> = {},
): Rung {
  const { loyalSessions, loyalDays } = { ...LADDER_DEFAULTS, ...options };
  const answers = history.answers.filter((a) => a.ts <= asOf);
  const sessions = history.sessions.filter((s) => s <= asOf);
  const nps = latest(answers, ['nps']);
  if (nps?.band === 'high' && history.advocacyAt !== null && history.advocacyAt <= asOf) return 'advocate';
  const span = sessions.length ? largest(sessions) - smallest(sessions) : 0;
  if (sessions.length >= loyalSessions && span >= loyalDays * DAY && !answers.some((a) => a.band === 'low'))
    return 'loyal';
  if (latest(answers, ['csat', 'nps'])?.band === 'high') return 'satisfied';
  return 'none';
}

export interface Ladder {
  /** People on each rung. */
  counts: Record<Rung, number>;
  /** People on each rung or above it, and that as a share (0–1) of those on the rung below or above. */
  climb: Array<{ rung: Rung; atLeast: number; ofPrevious: number | null }>;
  /** Month by month (`YYYY-MM`, UTC, at each month's end; the last ten years at most): how many moved from one rung to another. */
  moves: Array<{ from: string; to: string; moves: Array<{ from: Rung; to: Rung; people: number }> }>;
  /** Of those who moved down a rung in any month, the rung they fell from. */
  fellFrom: Record<Rung, number>;
}

const rank = (r: Rung) => RUNGS.indexOf(r);
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);
/** The last millisecond of the UTC month holding `ms`. */
const monthEnd = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
};

/** The last millisecond of the UTC month before the one holding `ms`. */
const monthBefore = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - 1;
};

/** One person's change of rung from the end of month `from` to the end of month `to` (`YYYY-MM`). */
export interface Move {
  from: string;
  to: string;
  fromRung: Rung;
  toRung: Rung;
}

/**
 * The months in which a person changed rung. A rung depends only on what happened by its
 * date, so it can change only in a month with one of the person's events; people are
 * counted from the first month they were seen at its end.
 */
export function personMoves(history: PersonHistory, options: Partial<typeof LADDER_DEFAULTS> = {}): Move[] {
  if (history.sessions.length === 0) return [];
  const times = [...history.sessions, ...history.answers.map((a) => a.ts)];
  if (history.advocacyAt !== null) times.push(history.advocacyAt);
  const first = monthEnd(smallest(history.sessions));
  // Only the months holding an event, not every month between: a clock years off (the wire
  // takes any epoch) would otherwise walk thousands of months for one person.
  const changing = [...new Set(times.map(monthEnd))].filter((end) => end > first).sort((a, b) => a - b);
  const moves: Move[] = [];
  for (const end of changing) {
    const before = monthBefore(end);
    const fromRung = rungOf(history, before, options);
    const toRung = rungOf(history, end, options);
    if (fromRung !== toRung) moves.push({ from: monthOf(before), to: monthOf(end), fromRung, toRung });
  }
  return moves;
}

/**
 * The ladder from the rung of each person now and everyone's moves, with months from
 * `first` to `last` (epoch ms). Moves are listed climbing rung by rung, then by rung reached.
 */
export function assembleLadder(
  counts: Record<Rung, number>,
  moves: Iterable<Move & { people?: number }>,
  first: number,
  last: number,
): Ladder {
  const climb = RUNGS.map((rung, i) => {
    const atLeast = RUNGS.slice(i).reduce((n, r) => n + counts[r], 0);
    const below = i === 0 ? null : RUNGS.slice(i - 1).reduce((n, r) => n + counts[r], 0);
    return { rung, atLeast, ofPrevious: below ? atLeast / below : null };
  });
  // At most the last MAX_MONTHS months: an event from a clock years off would otherwise list
  // every month since.
  const latest = new Date(last);
  const from = Math.max(first, Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth() - MAX_MONTHS, 1));
  const ends: number[] = [];
  if (Number.isFinite(from) && Number.isFinite(last))
    for (let end = monthEnd(from); end < monthEnd(last) + 1; end = monthEnd(end + 1)) ends.push(end);
  const fellFrom = Object.fromEntries(RUNGS.map((r) => [r, 0])) as Record<Rung, number>;
  const months = new Map(
    ends
      .slice(1)
      .map((end, i) => [
        monthOf(end),
        { from: monthOf(ends[i] as number), to: monthOf(end), tally: new Map<string, number>() },
      ]),
  );
  for (const move of moves) {
    const month = months.get(move.to);
    if (!month) continue;
    const key = `${move.fromRung}>${move.toRung}`;
    month.tally.set(key, (month.tally.get(key) ?? 0) + (move.people ?? 1));
    if (rank(move.toRung) < rank(move.fromRung)) fellFrom[move.fromRung] += move.people ?? 1;
  }
  const byRank = (a: { from: Rung; to: Rung }, b: { from: Rung; to: Rung }) =>
    rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to);
  return {
    counts,
    climb,
    moves: [...months.values()].map(({ from, to, tally }) => ({
      from,
      to,
      moves: [...tally]
        .map(([key, people]) => {
          const [f, t] = key.split('>') as [Rung, Rung];
          return { from: f, to: t, people };
        })
        .sort(byRank),
    })),
    fellFrom,
  };
}

/** The ladder over everyone, now and month by month between `first` and `last` (epoch ms). */
export function ladder(
  people: readonly PersonHistory[],
  first: number,
  last: number,
  options: Partial<typeof LADDER_DEFAULTS> = {},
): Ladder {
  const counts = Object.fromEntries(RUNGS.map((r) => [r, 0])) as Record<Rung, number>;
  for (const p of people) counts[rungOf(p, Number.POSITIVE_INFINITY, options)] += 1;
  return assembleLadder(
    counts,
    people.flatMap((p) => personMoves(p, options)),
    first,
    last,
  );
}
