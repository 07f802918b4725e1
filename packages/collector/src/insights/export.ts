// /insights/export: the raw events, as received, in NDJSON (one event per line, exactly
// as stored) or CSV (one column per field, props as JSON). Streamed a page of rows at a
// time with backpressure, so a large table is never one string in memory.
import type { ServerResponse } from 'node:http';
import type { Queryable } from '../database.js';
import { csvRow } from './csv.js';

export type ExportFormat = 'ndjson' | 'csv';

/** The CSV's columns: the event's fields, `time` added for people, `props` as JSON. */
export const CSV_COLUMNS = [
  'id',
  'type',
  'name',
  'stage',
  'ts',
  'time',
  'anonymousId',
  'sessionId',
  'userId',
  'path',
  'url',
  'props',
];

const isoTime = (ts: unknown) => {
  const d = new Date(ts as number);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
};

/** One event as a CSV row's cells, in CSV_COLUMNS order. */
export const csvCells = (event: Record<string, unknown>): unknown[] => cellsOf(event as ExportedEvent);

interface ExportedEvent {
  [field: string]: unknown;
  page?: { path?: unknown; url?: unknown };
}

const cellsOf = (e: ExportedEvent): unknown[] => [
  e.id,
  e.type,
  e.name,
  e.stage,
  e.ts,
  isoTime(e.ts),
  e.anonymousId,
  e.sessionId,
  e.userId,
  e.page?.path,
  e.page?.url,
  e.props === undefined ? '' : JSON.stringify(e.props),
];

export const EXPORT_FORMATS: Record<
  ExportFormat,
  { type: string; header: string; line: (e: Record<string, unknown>) => string }
> = {
  ndjson: {
    type: 'application/x-ndjson; charset=utf-8',
    header: '',
    line: (e) => `${JSON.stringify(e)}\n`,
  },
  csv: {
    type: 'text/csv; charset=utf-8; header=present',
    header: csvRow(CSV_COLUMNS),
    line: (e) => csvRow(csvCells(e)),
  },
};

/** Resolves when the socket can take more, or is gone; leaves no listener behind. */
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/**
 * Writes every event of `store` to `res` in `format`. Stops early, without error, when
 * the client goes away.
 */
export async function streamExport(
  store: Queryable,
  res: ServerResponse,
  format: ExportFormat,
  pageSize: number,
) {
  const { type, header, line } = EXPORT_FORMATS[format];
  const day = new Date().toISOString().slice(0, 10);
  res.writeHead(200, {
    'content-type': type,
    'content-disposition': `attachment; filename="touchpoint-events-${day}.${format}"`,
    'cache-control': 'no-store',
  });
  if (header) res.write(header);
  for await (const events of eventPages(store, pageSize)) {
    if (res.destroyed) return;
    if (!res.write(events.map(line).join(''))) await drained(res);
  }
  res.end();
}

/**
 * Raw events in arrival order, a page at a time, so an export never holds the whole
 * table in memory: `for await (const rows of eventPages(store)) …`.
 */
export async function* eventPages(
  store: Queryable,
  pageSize = 500,
): AsyncGenerator<Array<Record<string, unknown>>> {
  let after = 0;
  for (;;) {
    const { rows } = await store.query<{ seq: number; event: Record<string, unknown> }>(
      `select seq::float8 as seq, event from events where seq > $1 order by seq limit $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.event);
    after = (rows[rows.length - 1] as { seq: number }).seq;
    if (rows.length < pageSize) return;
  }
}
