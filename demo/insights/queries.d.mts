// Types of queries.mjs for the TypeScript tests.
import type { EventStore } from '../db.mjs';

export interface CommentRow {
  id: string;
  ts: number;
  stage: string | null;
  path: string;
  surveyId: string | null;
  metric: string | null;
  score: number | null;
  band: 'low' | 'mid' | 'high' | null;
  comment: string;
  trail: unknown;
}
export declare const BAND_SQL: string;
export declare const COMMENT_DEFAULTS: { stage: null; band: null; metric: null; limit: number };
export declare function scoreCounts(store: EventStore): Promise<
  Array<{
    surveyId: string;
    metric: string;
    stage: string;
    path: string;
    day: string;
    score: number;
    n: number;
  }>
>;
export declare function stageVisitors(
  store: EventStore,
): Promise<{ visitors: Record<string, number>; fromPrevious: Record<string, number> }>;
export declare function churnOrigins(store: EventStore): Promise<Array<{ stage: string; visitors: number }>>;
export declare function trailMarkerCounts(
  store: EventStore,
): Promise<Array<{ metric: string; marker: string; score: number; n: number }>>;
export declare function totals(store: EventStore): Promise<Record<string, number | null>>;
export declare function comments(
  store: EventStore,
  options?: { stage?: string | null; band?: string | null; metric?: string | null; limit?: number },
): Promise<{ total: number; rows: CommentRow[] }>;
export declare function commentStages(store: EventStore): Promise<string[]>;
export declare function eventPages(
  store: EventStore,
  pageSize?: number,
): AsyncGenerator<Array<Record<string, unknown>>>;
