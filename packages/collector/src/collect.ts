// POST /collect (SPEC "Wire format"): a 2xx only once the batch is committed; each event
// that can never be stored refused alone and named; 503 with Retry-After only for what a
// retry can fix (the database down or too slow).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type BatchLimits, parseBatch, type Rejection, type WireEvent } from './batch.js';
import { isDataError } from './database.js';
import { readBody } from './read-body.js';
import { sendJson } from './respond.js';
import type { EventStore, StoreResult } from './store.js';

/** The media type without parameters: `text/plain;charset=UTF-8` → `text/plain`. */
export const mediaType = (header = '') => (header.split(';')[0] as string).trim().toLowerCase();

/** Normal sends are JSON; unload sends are text/plain to skip the CORS preflight. */
export const ACCEPTED_TYPES = ['application/json', 'text/plain'];

/**
 * Rejections as answered: `{ index, error }`, the error naming the event's id, so a person
 * reading a log line or the adapter's console finds the event without counting.
 */
export const answered = (rejected: readonly Rejection[]) =>
  rejected.map(({ index, id, error }) => ({
    index,
    error: id === undefined ? error : `${error} (id ${JSON.stringify(id)})`,
  }));

export interface CollectOptions {
  maxBodyBytes: number;
  limits: BatchLimits;
  retryAfterSeconds: number;
  log: (message: string) => void;
  /** Runs once a batch is committed, before the answer: crash tests stop the process here. */
  afterCommit?: (() => void) | undefined;
}

/**
 * Stores events one statement each, after the database refused their batch for its
 * content (a rule validation does not know yet): the events it refuses alone are
 * rejected, the others stored, so one event still never costs its neighbours.
 */
async function storeOneByOne(
  store: EventStore,
  { sentAt, dropped }: { sentAt: number; dropped: number },
  events: { event: WireEvent; index: number }[],
  contentType: string,
): Promise<StoreResult & { refused: Rejection[] }> {
  const total = { stored: 0, duplicates: 0, refused: [] as Rejection[] };
  // The client's dropped count is recorded once, with the first event stored.
  let unrecorded = dropped;
  for (const { event, index } of events) {
    try {
      const result = await store.insert(
        { sentAt, events: [event], dropped: unrecorded, rejected: 0 },
        contentType,
      );
      unrecorded = 0;
      total.stored += result.stored;
      total.duplicates += result.duplicates;
    } catch (error) {
      if (!isDataError(error)) throw error;
      const why = (error as Error).message;
      total.refused.push({
        index,
        id: event.id,
        error: `events[${index}]: the database refused it (${why})`,
      });
    }
  }
  return total;
}

export async function collect(
  req: IncomingMessage,
  res: ServerResponse,
  store: EventStore,
  headers: OutgoingHttpHeaders,
  { maxBodyBytes, limits, retryAfterSeconds, log, afterCommit }: CollectOptions,
): Promise<void> {
  const answer = (status: number, body: unknown, more: OutgoingHttpHeaders = {}) =>
    sendJson(res, status, body, { ...headers, ...more });
  const type = mediaType(req.headers['content-type']);
  if (!ACCEPTED_TYPES.includes(type)) {
    req.resume();
    return answer(415, { error: `content-type: expected ${ACCEPTED_TYPES.join(' or ')}` });
  }
  const body = await readBody(req, maxBodyBytes);
  if (!body.ok) {
    if (body.reason === 'aborted') {
      res.destroy();
      return;
    }
    // Closing the connection stops a client that keeps sending what was refused.
    return answer(413, { error: `body: expected at most ${maxBodyBytes} bytes` }, { connection: 'close' });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (error) {
    return answer(400, { error: `body: malformed JSON (${(error as Error).message})` });
  }
  const batch = parseBatch(json, limits);
  if (!batch.ok) {
    const list = answered(batch.rejected ?? []);
    return answer(400, { error: list[0]?.error ?? batch.error, rejected: list });
  }

  const retryLater = (error: unknown) => {
    log(`[touchpoint] could not store a batch, answered 503: ${(error as Error).message}`);
    // Retried by the adapter with backoff; nothing was stored (one statement).
    return answer(
      503,
      { error: 'storage unavailable, retry later' },
      { 'retry-after': String(retryAfterSeconds) },
    );
  };
  let result: StoreResult;
  const rejected = [...batch.rejected];
  try {
    result = await store.insert({ ...batch, rejected: rejected.length }, type);
  } catch (error) {
    if (!isDataError(error)) return retryLater(error);
    const valid = new Set(batch.events);
    const indexed = (json as { events: unknown[] }).events
      .map((event, index) => ({ event: event as WireEvent, index }))
      .filter(({ event }) => valid.has(event));
    try {
      const alone = await storeOneByOne(store, batch, indexed, type);
      rejected.push(...alone.refused);
      rejected.sort((a, b) => a.index - b.index);
      result = { stored: alone.stored, duplicates: alone.duplicates };
    } catch (retryError) {
      return retryLater(retryError);
    }
    if (result.stored + result.duplicates === 0) {
      const list = answered(rejected);
      return answer(400, { error: list[0]?.error, rejected: list });
    }
  }
  afterCommit?.();
  const list = answered(rejected);
  if (list.length) {
    log(
      `[touchpoint] stored ${result.stored} events of a batch, refused ${list.length}; the first: ${list[0]?.error}`,
    );
  }
  return answer(200, { ...result, rejected: list });
}
