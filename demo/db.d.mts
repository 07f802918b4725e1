// Types of db.mjs for the TypeScript tests.
export interface Stats {
  events: number;
  batches: number;
  duplicates: number;
  rejected: number;
  dropped: number;
  byType: Record<string, number>;
  byStage: Record<string, number>;
}

export interface EventStore {
  insert(
    batch: { sentAt: number; events: Array<{ id: string }>; dropped: number; rejected: number },
    contentType: string,
  ): Promise<{ stored: number; duplicates: number }>;
  stats(): Promise<Stats>;
  recent(options?: { limit?: number; type?: string }): Promise<Array<Record<string, unknown>>>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

export declare function openEventStore(
  dataDir: string,
  options?: { log?: (message: string) => void },
): Promise<EventStore>;
