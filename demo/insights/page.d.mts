// Types of page.mjs for the TypeScript tests.
import type { Report } from './report.mjs';
export declare function formatValue(metric: string, value: number | null | undefined): string;
export declare function renderPage(report: Report): string;
