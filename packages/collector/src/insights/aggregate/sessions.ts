// What each session adds to the drivers and to service speed, worked out again whenever
// the session receives events (they may arrive late, from another tab, or twice). The
// drivers' step counts are kept by difference: a session's contribution is stored with
// it, so working it out again subtracts the old one and adds the new.
import type { Queryable } from '../../database.js';
import { countSteps, type StepCount } from '../drivers.js';
import { patternFinder } from './patterns.js';
import { prepared } from './prepared.js';
import { serviceFacts } from './service-facts.js';
import { type SessionEvent, sessionAnswerSteps, type TrailStep } from './session-steps.js';

/** Events set aside (skip.ts) are in no figure: a session is worked out without them. */
export const COUNTED = 'not exists (select from insights_skipped k where k.seq = e.seq)';

// `offset 0` keeps each session's lookup on the session index: planned as a join,
// PostgreSQL preferred reading every answer of the table by type.
const SESSION_EVENTS = `
select s.id as "sessionId", e.id, e.ts::float8 as ts, e.type, e.name, e.stage, e.path,
       e.props->>'metric' as metric,
       case when jsonb_typeof(e.props->'score') = 'number' then (e.props->>'score')::float8 end as score
  from unnest($1::text[]) s(id)
 cross join lateral (
   select * from events e where e.session_id = s.id and ${COUNTED} order by e.ts, e.seq offset 0) e
 order by s.id, e.ts, e.seq`;

// The answer test stays outside the `offset 0` subquery: inside it, PostgreSQL read every
// answer of the table by type for each session.
const TRAILS = `
select e.id, t->>'type' as type, t->>'name' as name, t->>'path' as path, t->>'stage' as stage
  from unnest($1::text[]) s(id)
 cross join lateral (
   select e.id, e.type, e.props from events e where e.session_id = s.id and ${COUNTED} offset 0) e
 cross join lateral jsonb_array_elements(
   case when e.type = 'survey_answered' and jsonb_typeof(e.props->'trail') = 'array' then e.props->'trail' else '[]' end
 ) with ordinality x(t, n)
 where jsonb_typeof(t) = 'object'
 order by e.id, n`;

const groupBy = <T, K>(rows: readonly T[], keyOf: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row)) ?? [];
    list.push(row);
    groups.set(keyOf(row), list);
  }
  return groups;
};

const countKey = (c: StepCount) => `${c.metric}\u0000${c.kind}\u0000${c.step}`;

/** Works out again the drivers' steps (pages grouped by `patterns`) and the service visit of the sessions `ids`. */
export async function refreshSessions(
  tx: Queryable,
  ids: readonly string[],
  patterns: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const events = await prepared<SessionEvent & { sessionId: string }>(tx, SESSION_EVENTS, [ids]);
  const trails = await prepared<TrailStep & { id: string }>(tx, TRAILS, [ids]);
  const old = await prepared<{ steps: string }>(
    tx,
    `select steps from insights_sessions where session_id = any($1::text[])`,
    [ids],
  );
  const trailOf = groupBy(trails.rows, (t) => t.id);
  const patternOf = patternFinder(patterns);
  const delta = new Map<string, StepCount>();
  const add = (c: StepCount, sign: number) => {
    const d = delta.get(countKey(c)) ?? { metric: c.metric, kind: c.kind, step: c.step, n: 0, low: 0 };
    d.n += sign * c.n;
    d.low += sign * c.low;
    delta.set(countKey(c), d);
  };
  for (const row of old.rows) for (const c of JSON.parse(row.steps) as StepCount[]) add(c, -1);
  const sessions = [...groupBy(events.rows, (e) => e.sessionId)].map(([id, list]) => {
    const steps = countSteps(sessionAnswerSteps(list, trailOf, patternOf));
    for (const c of steps) add(c, 1);
    return { id, steps: JSON.stringify(steps), service: serviceFacts(list) };
  });
  const changed = [...delta.values()]
    .filter((d) => d.n !== 0 || d.low !== 0)
    .sort((a, b) => (countKey(a) < countKey(b) ? -1 : 1));
  await prepared(
    tx,
    `with counted as (
       insert into insights_steps as t (metric, kind, step, n, low)
       select * from jsonb_to_recordset($1::text::jsonb) x(metric text, kind text, step text, n int, low int)
       on conflict (metric, kind, step) do update set n = t.n + excluded.n, low = t.low + excluded.low)
     insert into insights_sessions as s (session_id, steps)
     select id, steps from jsonb_to_recordset($2::text::jsonb) x(id text, steps text)
     on conflict (session_id) do update set steps = excluded.steps`,
    [JSON.stringify(changed), JSON.stringify(sessions.map(({ id, steps }) => ({ id, steps })))],
  );
  const service = sessions.flatMap(({ id, service }) => (service ? [{ id, ...service }] : []));
  if (service.length === 0) return;
  // A session's facts are replaced whole: a late event may move its entry or exit.
  await prepared(
    tx,
    `with x as (
       select * from jsonb_to_recordset($1::text::jsonb)
         x(id text, entered bigint, "leftAt" bigint, "leftName" text, csat text, tracks jsonb)),
     tracks as (select x.id, t.key as name, t.value::bigint as at from x cross join lateral jsonb_each_text(x.tracks) t),
     gone as (delete from insights_service_tracks g where g.session_id in (select id from x)
               and not exists (select 1 from tracks t where t.id = g.session_id and t.name = g.name)),
     visits as (
       insert into insights_service as s (session_id, entered, left_at, left_name, csat)
       select id, entered, "leftAt", "leftName", csat from x order by id
       on conflict (session_id) do update
         set entered = excluded.entered, left_at = excluded.left_at, left_name = excluded.left_name, csat = excluded.csat)
     insert into insights_service_tracks as g (session_id, name, at)
     select id, name, at from tracks order by id, name
     on conflict (session_id, name) do update set at = excluded.at`,
    [JSON.stringify(service)],
  );
}
