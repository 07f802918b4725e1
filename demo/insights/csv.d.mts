// Types of csv.mjs for the TypeScript tests.
export declare function csvCell(value: unknown): string;
export declare function csvRow(cells: unknown[]): string;
