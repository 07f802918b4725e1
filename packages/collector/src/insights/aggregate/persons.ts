// What each person adds to the ladder and to retention, worked out again whenever one of
// their visitors receives events: their rung now, the months they changed rung, and the
// dates retention reads. A person is their user id once any of their events carries one,
// else their anonymous id (insights_visitors.person), so identifying a visitor moves their
// history from one key to the other: both are worked out again, and a key left with no
// visitor is removed.
import type { Queryable } from '../../database.js';
import { largest, personMoves, rungOf } from '../ladder.js';
import { assemblePeople } from '../people.js';
import { VALID_SQL } from '../sql.js';
import { prepared } from './prepared.js';
import { COUNTED } from './sessions.js';

export interface PersonSessionRow {
  person: string;
  start: number;
  last: number;
  advocacy: number | null;
}

export interface PersonAnswerRow {
  person: string;
  ts: number;
  metric: string;
  score: number;
}

/** Works out again the ladder and retention figures of the people `keys`. */
export async function refreshPeople(tx: Queryable, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const sessions = await prepared<PersonSessionRow>(
    tx,
    `select v.person, min(e.ts)::float8 as start, max(e.ts)::float8 as last,
            (min(e.ts) filter (where e.stage = 'advocacy'))::float8 as advocacy
       from insights_visitors v
      cross join lateral (
        select * from events e where e.anonymous_id = v.anonymous_id and ${COUNTED} offset 0) e
      where v.person = any($1::text[])
      group by v.person, e.session_id`,
    [keys],
  );
  const answers = await prepared<PersonAnswerRow>(
    tx,
    // `offset 0` keeps each visitor's lookup on the events' visitor index, and the answer
    // test outside it: planned as a join, or with the type inside, PostgreSQL read every
    // answer of the table by type for each visitor (seconds a run when most events are answers).
    `select v.person, s.ts::float8 as ts, s.metric, s.score
       from insights_visitors v
      cross join lateral (
        select e.id, e.ts, e.type, e.props->>'metric' as metric,
               case when jsonb_typeof(e.props->'score') = 'number' then (e.props->>'score')::double precision end as score
          from events e
         where e.anonymous_id = v.anonymous_id and ${COUNTED}
        offset 0) s
      where v.person = any($1::text[]) and s.type = 'survey_answered' and s.score is not null and ${VALID_SQL}
      order by s.ts, s.id`,
    [keys],
  );
  const histories = assemblePeople(sessions.rows, answers.rows);
  const people = histories.map((p) => ({
    person: p.person,
    rung: rungOf(p),
    first_seen: p.firstSeen,
    last_seen: p.lastSeen,
    last_session: largest(p.sessions),
    first_nps_ts: p.firstNps?.ts ?? null,
    first_nps_band: p.firstNps?.band ?? null,
  }));
  const moves = histories.flatMap((p) => personMoves(p).map((m) => ({ person: p.person, ...m })));
  // One statement for the people (a key left with no visitor goes), one for their moves.
  await prepared(
    tx,
    `with new as (select * from jsonb_populate_recordset(null::insights_people, $2::text::jsonb)),
     gone as (delete from insights_people where person = any($1::text[]) and person not in (select person from new))
     insert into insights_people as p select * from new order by person
     on conflict (person) do update
       set rung = excluded.rung, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
           last_session = excluded.last_session, first_nps_ts = excluded.first_nps_ts,
           first_nps_band = excluded.first_nps_band`,
    [keys, JSON.stringify(people)],
  );
  await prepared(
    tx,
    `with new as (
       select * from jsonb_to_recordset($2::text::jsonb)
         x(person text, "from" text, "to" text, "fromRung" text, "toRung" text)),
     gone as (delete from insights_moves m where m.person = any($1::text[])
               and not exists (select 1 from new where new.person = m.person and new."to" = m."to"))
     insert into insights_moves as m (person, "from", "to", from_rung, to_rung)
     select person, "from", "to", "fromRung", "toRung" from new order by person, "to"
     on conflict (person, "to") do update set "from" = excluded."from", from_rung = excluded.from_rung, to_rung = excluded.to_rung`,
    [keys, JSON.stringify(moves)],
  );
}
