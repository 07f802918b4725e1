import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JourneyEvent } from '@touchpoint/core';

/**
 * How the collector answers: `ok` 200; `503` and `429` (with `Retry-After`) refuse the batch;
 * `hang` reads the request and never answers, as an overloaded collector or a dead proxy does.
 * Offline is the browser's side: `context.setOffline(true)`.
 */
export type Mode = 'ok' | '503' | '429' | 'hang';

/** One POST as the collector saw it. */
export interface Seen {
  /** The answer given; 0 for a request left hanging. */
  status: number;
  /** Ids of the events in the body, in order (none when it was not the SPEC's wire format). */
  ids: string[];
  contentType: string;
}

export interface Collector {
  /** The route to give `serve()` for the endpoint path. */
  route(req: IncomingMessage, res: ServerResponse): void;
  mode: Mode;
  /** The `Retry-After` header sent with a 429 (seconds or an HTTP date). */
  retryAfter: string;
  /**
   * Events acknowledged with a 2xx, first copy by id. Events of a refused or hanging request
   * are not here: the client was never told they arrived, so they must come again.
   */
  received: Map<string, JourneyEvent>;
  /** Copies of already acknowledged ids (at-least-once delivery allows them; tests report them). */
  duplicates: number;
  /** Every POST, in arrival order. */
  requests: Seen[];
  /** Bodies that were not `{"sentAt", "events": [...]}` with an id on every event. */
  malformed: string[];
  /** The ids among `ids` not acknowledged yet. */
  missing(ids: Iterable<string>): string[];
  /** Back to `ok`, dropping the hanging connections (the client sees a network error). */
  restore(): void;
  /** Closes hanging connections and forgets everything. */
  reset(): void;
}

/** A collector for the e2e suite whose failures the test switches on and off. */
export function createCollector(): Collector {
  const hanging = new Set<ServerResponse>();
  const collector: Collector = {
    mode: 'ok',
    retryAfter: '1',
    received: new Map(),
    duplicates: 0,
    requests: [],
    malformed: [],
    route(req, res) {
      if (req.method !== 'POST') return void res.writeHead(405).end();
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        let events: JourneyEvent[] = [];
        try {
          const parsed = JSON.parse(body);
          if (!Array.isArray(parsed.events) || parsed.events.some((e: JourneyEvent) => !e?.id)) throw 0;
          events = parsed.events;
        } catch {
          collector.malformed.push(body.slice(0, 200));
        }
        const mode = collector.mode;
        const status = mode === 'ok' ? 200 : mode === '503' ? 503 : mode === '429' ? 429 : 0;
        collector.requests.push({
          status,
          ids: events.map((e) => e.id),
          contentType: String(req.headers['content-type'] ?? ''),
        });
        if (mode === 'hang') {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if (status === 200)
          for (const event of events)
            if (collector.received.has(event.id)) collector.duplicates++;
            else collector.received.set(event.id, event);
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(mode === '429' ? { 'retry-after': collector.retryAfter } : {}),
        });
        res.end('{}');
      });
    },
    missing: (ids) => [...ids].filter((id) => !collector.received.has(id)),
    restore() {
      collector.mode = 'ok';
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    reset() {
      collector.restore();
      collector.retryAfter = '1';
      collector.received.clear();
      collector.duplicates = 0;
      collector.requests.length = 0;
      collector.malformed.length = 0;
    },
  };
  return collector;
}
