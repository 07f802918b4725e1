// Types of route.mjs for the TypeScript tests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventStore } from '../db.mjs';
export declare const INSIGHTS_DEFAULTS: { path: string; exportPageSize: number };
export declare function createInsights(
  store: EventStore,
  options?: Partial<typeof INSIGHTS_DEFAULTS>,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
