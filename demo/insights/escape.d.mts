// Types of escape.mjs for the TypeScript tests.
export declare function escapeHtml(value: unknown): string;
