// Types of lock.mjs for the TypeScript tests.
export declare const LOCK_FILE: string;
export declare function lockDataDir(dir: string): () => void;
