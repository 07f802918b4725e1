// Types of batch.mjs for the TypeScript tests.
export declare const EVENT_TYPES: readonly string[];
export declare const BATCH_LIMITS: { maxEvents: number; maxIdLength: number };

export interface Rejection {
  index: number;
  error: string;
}

export type ParsedBatch =
  | { ok: false; error: string; rejected?: Rejection[] }
  | {
      ok: true;
      sentAt: number;
      dropped: number;
      events: Array<Record<string, unknown> & { id: string }>;
      rejected: Rejection[];
    };

export declare function eventError(
  event: unknown,
  path?: string,
  limits?: typeof BATCH_LIMITS,
): string | undefined;
export declare function parseBatch(body: unknown, limits?: typeof BATCH_LIMITS): ParsedBatch;
