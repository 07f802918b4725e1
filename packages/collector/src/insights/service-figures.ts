// Service speed as the page reads it: each visit worked out in SQL from the facts kept
// at ingest (aggregate/service-facts.ts) with the resolution events the page was
// configured with, the same rule as serviceVisit(), then counted by outcome, time bucket
// and CSAT band, so no visit is read one by one.
import type { Queryable } from '../database.js';
import { type ServiceGroup, type ServiceSummary, SPEED_BUCKETS, serviceSummary } from './service.js';

const VISITS = `visits as (
  select case when r.at is not null then 'resolved'
              when v.left_at is null then 'open'
              when v.left_name = any($1::text[]) then 'resolved'
              else 'left' end as outcome,
         (coalesce(r.at, v.left_at) - v.entered)::float8 / 60000 as minutes,
         v.csat
    from insights_service v
    left join (select session_id, min(at) as at from insights_service_tracks
                where name = any($1::text[]) group by 1) r on r.session_id = v.session_id
)`;

/** bucketOf() in SQL, from SPEED_BUCKETS. */
const BUCKET = `case when minutes is null then 'not resolved'
  ${SPEED_BUCKETS.map((b) => (Number.isFinite(b.upTo) ? `when minutes < ${b.upTo} then '${b.label}'` : `else '${b.label}'`)).join('\n  ')}
end`;

/** Time in the service stage and CSAT by it, over every session that entered the stage. */
export async function serviceFigures(store: Queryable, resolutionEvents: string[]): Promise<ServiceSummary> {
  const groups = await store.query<ServiceGroup>(
    `with ${VISITS}
     select outcome, ${BUCKET} as bucket, csat, count(*)::int as visits from visits group by 1, 2, 3`,
    [resolutionEvents],
  );
  const middle = await store.query<{ n: number; low: number | null; high: number | null }>(
    `with ${VISITS}
     select count(*)::int as n,
            (array_agg(minutes order by minutes))[((count(*) + 1) / 2)::int] as low,
            (array_agg(minutes order by minutes))[(count(*) / 2 + 1)::int] as high
       from visits where minutes is not null`,
    [resolutionEvents],
  );
  const { n, low, high } = middle.rows[0] ?? { n: 0, low: null, high: null };
  const medianMinutes = n === 0 ? null : n % 2 ? low : ((low as number) + (high as number)) / 2;
  return serviceSummary(groups.rows, medianMinutes);
}
