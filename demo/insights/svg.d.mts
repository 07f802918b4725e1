// Types of svg.mjs for the TypeScript tests.
export declare const BAR_CHART: {
  width: number;
  labelWidth: number;
  valueWidth: number;
  rowHeight: number;
  barHeight: number;
};
export declare function barChart(chart: {
  title: string;
  rows: Array<{ label: string; value: number | null; text?: string; tone?: string }>;
  min?: number;
  max: number;
}): string;
export declare function bandSplit(split: { title: string; low: number; mid: number; high: number }): string;
export declare function lineChart(chart: {
  title: string;
  days: string[];
  points: Record<string, { value: number | null; n: number }>;
  min: number;
  max: number;
  unit?: string;
}): string;
