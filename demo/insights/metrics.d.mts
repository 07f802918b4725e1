// Types of metrics.mjs for the TypeScript tests.
export type Metric = 'nps' | 'csat' | 'ces';
export type Band = 'low' | 'mid' | 'high';
export interface ScoreCount {
  score: number;
  n: number;
}
export interface Summary {
  metric: Metric;
  n: number;
  invalid: number;
  value: number | null;
  low: number;
  mid: number;
  high: number;
}
export interface FunnelRow {
  stage: string;
  visitors: number;
  share: number | null;
  kept: number | null;
}
export declare const STAGES: readonly string[];
export declare const METRICS: readonly Metric[];
export declare const BANDS: readonly Band[];
export declare const SCALES: Record<Metric, { min: number; max: number } & Record<Band, [number, number]>>;
export declare const BAND_LABELS: Record<Metric, Record<Band, string>>;
export declare function isValidScore(metric: string, score: unknown): boolean;
export declare function band(metric: string, score: unknown): Band | undefined;
export declare function roundHalfAway(value: number, digits?: number): number;
export declare function summarize(metric: Metric, counts: Iterable<ScoreCount>): Summary;
export declare function percent(part: number, whole: number): number | null;
export declare function funnel(
  visitorsByStage: Record<string, number>,
  fromPrevious?: Record<string, number>,
): FunnelRow[];
