// Types of export.mjs for the TypeScript tests.
export declare const CSV_COLUMNS: readonly string[];
export declare function csvCells(event: Record<string, unknown>): unknown[];
