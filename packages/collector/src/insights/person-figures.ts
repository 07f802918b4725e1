// The ladder and retention as the page reads them: counted over the per-person figures
// kept at ingest (aggregate/persons.ts), with the same rules as ladder.ts and retention.ts.
import type { Queryable } from '../database.js';
import { assembleLadder, type Ladder, RUNGS, type Rung } from './ladder.js';
import { BANDS, type Band } from './metrics.js';
import { type BandRetention, RETENTION_DEFAULTS } from './retention.js';

const DAY = 86_400_000;

/** The ladder now and month by month, with months from `first` to `last` (epoch ms). */
export async function ladderFigures(store: Queryable, first: number, last: number): Promise<Ladder> {
  const rungs = await store.query<{ rung: Rung; people: number }>(
    `select rung, count(*)::int as people from insights_people group by 1`,
  );
  const moves = await store.query<{ from: string; to: string; fromRung: Rung; toRung: Rung; people: number }>(
    `select "from", "to", from_rung as "fromRung", to_rung as "toRung", count(*)::int as people
       from insights_moves group by 1, 2, 3, 4`,
  );
  const counts = Object.fromEntries(RUNGS.map((r) => [r, 0])) as Record<Rung, number>;
  for (const { rung, people } of rungs.rows) counts[rung] = people;
  return assembleLadder(counts, moves.rows, first, last);
}

/**
 * Retention per band of each person's first NPS answer with data up to `dataEnd` (epoch
 * ms). The median is read as its middle one or two values, averaged as median() does.
 */
export async function retentionFigures(
  store: Queryable,
  dataEnd: number,
  options: Partial<typeof RETENTION_DEFAULTS> = {},
): Promise<BandRetention[]> {
  const { horizons } = { ...RETENTION_DEFAULTS, ...options };
  const { rows } = await store.query<Record<string, number | null> & { band: Band; people: number }>(
    `select first_nps_band as band, count(*)::int as people,
            ${horizons
              .map((days, i) => {
                const due = `first_nps_ts + ${days * DAY}`;
                return `count(*) filter (where ${due} <= $1)::int as eligible${i},
                        count(*) filter (where ${due} <= $1 and last_session >= ${due})::int as returned${i}`;
              })
              .join(', ')},
            (array_agg((last_seen - first_seen)::float8 / ${DAY} order by last_seen - first_seen))[((count(*) + 1) / 2)::int] as low_middle,
            (array_agg((last_seen - first_seen)::float8 / ${DAY} order by last_seen - first_seen))[(count(*) / 2 + 1)::int] as high_middle
       from insights_people where first_nps_band is not null group by 1`,
    [dataEnd],
  );
  return BANDS.map((band) => {
    const row = rows.find((r) => r.band === band);
    const people = row?.people ?? 0;
    return {
      band,
      people,
      back: horizons.map((days, i) => {
        const eligible = row?.[`eligible${i}`] ?? 0;
        const returned = row?.[`returned${i}`] ?? 0;
        return { days, eligible, returned, share: eligible ? returned / eligible : null };
      }),
      medianDays: !row
        ? null
        : people % 2
          ? (row.low_middle as number)
          : ((row.low_middle as number) + (row.high_middle as number)) / 2,
    };
  });
}
