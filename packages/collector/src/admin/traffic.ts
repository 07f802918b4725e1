// What the editor reads of the stored events: the paths and event names the site really
// sent recently, the visits the reach estimate runs on, and answers per survey and per
// configuration hash. Read-only; `since` is epoch ms, compared with the events' own `ts`.
import type { AllowedOrigins } from '../cors.js';
import type { Queryable } from '../database.js';
import type { Visit } from './estimate.js';

export const DAY_MS = 86_400_000;

/** How far back "recent traffic" goes: the 30 days. */
export const RECENT_DAYS = 30;

export interface SeenPath {
  path: string;
  views: number;
  /** The newest full URL of that page as recorded, for "Preview on the site". */
  url: string;
}

export async function recentPaths(db: Queryable, since: number, limit = 2000): Promise<SeenPath[]> {
  const { rows } = await db.query<SeenPath>(
    `select path, count(*)::int as views, (array_agg(event->'page'->>'url' order by ts desc))[1] as url
       from events where type = 'page' and ts >= $1
      group by path order by views desc, path limit $2`,
    [since, limit],
  );
  return rows;
}

/**
 * Where the site is, for the preview: `own` (this collector's origin, when the site and the
 * collector share it, as the demo does) if recent page views came from it, else the origin most
 * of them came from; events dated after `until` left out, and, when `allowed` lists the sites
 * that may send, origins it does not list. Any client may post events (one without an Origin
 * header passes CORS), so one view's URL, however new, is not trusted with the draft's key.
 */
export async function siteOrigin(
  db: Queryable,
  since: number,
  until: number,
  own: string,
  allowed: AllowedOrigins = '*',
): Promise<string | undefined> {
  const { rows } = await db.query<{ origin: string | null }>(
    `select origin from (
       select substring(event->'page'->>'url' from '^https?://[^/?#]+') as origin, count(*) as views
         from events where type = 'page' and ts >= $1 and ts <= $2 group by 1
     ) seen
     where origin is not null and ($4::text[] is null or origin = any($4::text[]))
     order by origin = $3::text desc, views desc, origin limit 1`,
    [since, until, own, allowed === '*' ? null : allowed],
  );
  return rows[0]?.origin ?? undefined;
}

export async function recentEventNames(db: Queryable, since: number, limit = 200): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select name from events where type = 'track' and name is not null and ts >= $1
      group by name order by count(*) desc, name limit $2`,
    [since, limit],
  );
  return rows.map((r) => r.name);
}

/** The visits since `since`, at most `limit` (the newest, when there are more), with the traits of identify events. */
export async function recentVisits(db: Queryable, since: number, limit = 200_000): Promise<Visit[]> {
  const { rows } = await db.query<{
    anonymous_id: string;
    session_id: string;
    ts: string | number;
    type: string;
    name: string | null;
    stage: string | null;
    path: string;
    traits: Visit['traits'];
  }>(
    `select anonymous_id, session_id, ts, type, name, stage, path,
            case when type = 'identify' and jsonb_typeof(props) = 'object' then props end as traits
       from events
      where ts >= $1 and type in ('page', 'track', 'stage', 'identify') order by ts desc limit $2`,
    [since, limit],
  );
  return rows.map((r) => ({
    anonymousId: r.anonymous_id,
    sessionId: r.session_id,
    ts: Number(r.ts),
    type: r.type,
    name: r.name,
    stage: r.stage,
    path: r.path,
    traits: r.traits,
  }));
}

/** Answers (scores) so far, by survey id. */
export async function answersBySurvey(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ survey_id: string; n: number }>(
    'select survey_id, count(*)::int as n from survey_scores group by survey_id',
  );
  return new Map(rows.map((r) => [r.survey_id, r.n]));
}

/** Answers by the `configHash` the SDK sent with them: which version they were asked under. */
export async function answersByHash(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ hash: string; n: number }>(
    `select props->>'configHash' as hash, count(*)::int as n from events
      where type = 'survey_answered' and props ? 'configHash' group by 1`,
  );
  return new Map(rows.map((r) => [r.hash, r.n]));
}
