// Types of report.mjs for the TypeScript tests.
import type { EventStore } from '../db.mjs';
import type { Filters } from './filters.mjs';
import type { FunnelRow, Metric, Summary } from './metrics.mjs';
import type { CommentRow } from './queries.mjs';

export type ByMetric = Record<Metric, Summary>;
export interface MarkerEffect {
  marker: string;
  metric: Metric;
  summary: Summary;
  delta: number;
}
export interface Report {
  totals: {
    events: number;
    visitors: number;
    answers: number;
    comments: number;
    first: number | null;
    last: number | null;
  };
  overall: ByMetric;
  bySurvey: Array<{ surveyId: string; metric: Metric; summary: Summary }>;
  byStage: Array<[string, ByMetric]>;
  byPage: Array<[string, ByMetric]>;
  days: string[];
  daily: Map<string, ByMetric>;
  trend: Map<string, ByMetric>;
  funnel: FunnelRow[];
  churn: Array<{ stage: string; visitors: number }>;
  markers: MarkerEffect[];
  comments: { total: number; rows: CommentRow[] };
  commentStages: string[];
  filters: Filters;
}
export declare function rollup<R extends { metric: string; score: number; n: number }>(
  rows: R[],
  keyOf: (row: R) => string,
): Map<string, ByMetric>;
export declare const TREND_DAYS: number;
export declare function noAnswers(): ByMetric;
export declare function trailing<R extends { day: string; metric: string; score: number; n: number }>(
  rows: R[],
  days: string[],
  window?: number,
): Map<string, ByMetric>;
export declare function daysBetween(first: string | undefined, last: string | undefined): string[];
export declare function markerEffects(
  markerRows: Array<{ marker: string; metric: string; score: number; n: number }>,
  overall: ByMetric,
  minAnswers?: number,
): MarkerEffect[];
export declare function buildReport(store: EventStore, filters: Filters): Promise<Report>;
