// Types of seed.mjs for the TypeScript tests and the e2e suite.
import type { EventStore } from '@touchpoint/collector';

export interface SeedOptions {
  seed?: number;
  visitors?: number;
  days?: number;
  end?: number;
  batchSize?: number;
}
export declare const SEED_DEFAULTS: Required<SeedOptions>;
export declare const SEED_DEMO: { visitors: number; days: number };
export declare function prng(seed: number): () => number;
export declare function generateJourneys(options?: SeedOptions): Array<
  Record<string, unknown> & {
    id: string;
    type: string;
    ts: number;
    anonymousId: string;
    sessionId: string;
    stage?: string;
    name?: string;
    props?: Record<string, unknown>;
    page: { url: string; path: string };
  }
>;
export declare function seed(
  store: EventStore,
  options?: SeedOptions,
): Promise<{ events: number; stored: number; duplicates: number }>;
