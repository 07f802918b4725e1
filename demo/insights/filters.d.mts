// Types of filters.mjs for the TypeScript tests.
import type { Band, Metric } from './metrics.mjs';
export interface Filters {
  stage: string | null;
  band: Band | null;
  metric: Metric | null;
  problems: string[];
}
export declare function parseFilters(params: URLSearchParams): Filters;
