// The wire format's rules (SPEC "Wire format"): is this body a batch, and which of its
// events can be stored? Pure, so the HTTP edge, the demo's seed script and the tests share
// one rule.
import { inspectText, unstorableText } from './storable.js';

/** SPEC "Events": the types a client sends. `survey_due` is local and never arrives. */
export const EVENT_TYPES = [
  'page',
  'stage',
  'track',
  'identify',
  'survey_shown',
  'survey_answered',
  'survey_comment',
  'survey_dismissed',
] as const;

/** Bounds that keep one odd client from filling the database. */
export interface BatchLimits {
  /** Events in one batch; the adapter's batches are far smaller. */
  maxEvents: number;
  /** Length of ids and the other short string fields. */
  maxIdLength: number;
  /** Characters in the strings and keys of one event; the core caps each string at 1,000. */
  maxEventLength: number;
  /** Nesting of objects and arrays in one event; a trail is three deep. */
  maxDepth: number;
}

export const BATCH_LIMITS: BatchLimits = {
  maxEvents: 5000,
  maxIdLength: 200,
  maxEventLength: 64 * 1024,
  maxDepth: 32,
};

/**
 * Times the database can hold: JavaScript's Date range (±8.64e15 ms), well inside
 * PostgreSQL's bigint. A larger number would be refused by the database on every retry.
 */
const MAX_EPOCH_MS = 8.64e15;

/** An event as it arrives: only the fields the collector reads are typed. */
export interface WireEvent {
  id: string;
  /** One of EVENT_TYPES once validated. */
  type: string;
  ts: number;
  anonymousId: string;
  sessionId: string;
  page: { url: string; path: string; [field: string]: unknown };
  name?: string;
  stage?: string;
  userId?: string;
  props?: Record<string, unknown>;
  [field: string]: unknown;
}

/** One event left out of a batch: its position in `events`, its id when it has one, and why. */
export interface Rejection {
  index: number;
  id?: string;
  error: string;
}

export type ParsedBatch =
  | { ok: true; sentAt: number; dropped: number; events: WireEvent[]; rejected: Rejection[] }
  | { ok: false; error: string; rejected?: Rejection[] };

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown, limits: BatchLimits): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= limits.maxIdLength;
const isEpochMs = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= MAX_EPOCH_MS;

/**
 * Why `event` cannot be stored, as `field: expected …`, or `undefined` when it can.
 * Only what the database and later queries rely on is checked; unknown extra fields are
 * kept, so a newer client never loses data to an older collector. Text PostgreSQL refuses
 * (U+0000, a lone surrogate) is refused here, so a retry never meets it again.
 */
export function eventError(
  event: unknown,
  path = 'event',
  limits: BatchLimits = BATCH_LIMITS,
): string | undefined {
  const at = (field: string, expected: string) => `${path}${field ? `.${field}` : ''}: expected ${expected}`;
  if (!isObject(event)) return at('', 'an object');
  const short = `a string of 1–${limits.maxIdLength} characters`;
  if (!isShortString(event.id, limits)) return at('id', short);
  if (!EVENT_TYPES.includes(event.type as (typeof EVENT_TYPES)[number]))
    return at('type', EVENT_TYPES.map((t) => `"${t}"`).join(' | '));
  if (!isEpochMs(event.ts)) return at('ts', 'epoch milliseconds');
  for (const field of ['anonymousId', 'sessionId']) {
    if (!isShortString(event[field], limits)) return at(field, short);
  }
  const page = event.page;
  if (!isObject(page) || typeof page.url !== 'string' || typeof page.path !== 'string') {
    return at('page', '{ url, path } strings');
  }
  for (const field of ['name', 'stage', 'userId']) {
    if (event[field] !== undefined && !isShortString(event[field], limits)) return at(field, short);
  }
  if (event.props !== undefined && !isObject(event.props)) return at('props', 'an object');
  const text = inspectText(event, path, limits.maxDepth);
  if (text.error) return text.error;
  if (text.characters > limits.maxEventLength) {
    return at('', `at most ${limits.maxEventLength} characters of text`);
  }
  return undefined;
}

/** The event's id, when it has one that can be printed. */
const idOf = (event: unknown) =>
  isObject(event) &&
  typeof event.id === 'string' &&
  event.id.length <= 200 &&
  !unstorableText(event.id, '', 1)
    ? { id: event.id }
    : {};

/**
 * Reads a parsed body as a batch. A wrong envelope rejects the whole body; a bad event
 * is left out and reported by index and id, so one malformed event never costs its
 * neighbours (SPEC "Wire format": the adapter splits a refused batch to find it).
 */
export function parseBatch(body: unknown, limits: BatchLimits = BATCH_LIMITS): ParsedBatch {
  if (!isObject(body)) return { ok: false, error: 'body: expected a JSON object {"sentAt", "events"}' };
  if (!isEpochMs(body.sentAt)) return { ok: false, error: 'sentAt: expected epoch milliseconds' };
  if (!Array.isArray(body.events)) return { ok: false, error: 'events: expected an array' };
  if (body.events.length > limits.maxEvents) {
    return { ok: false, error: `events: expected at most ${limits.maxEvents} events in one batch` };
  }
  const dropped = body.dropped;
  if (dropped !== undefined && !(Number.isSafeInteger(dropped) && (dropped as number) >= 0)) {
    return { ok: false, error: 'dropped: expected a non-negative integer' };
  }
  const events: WireEvent[] = [];
  const rejected: Rejection[] = [];
  body.events.forEach((event: unknown, index: number) => {
    const error = eventError(event, `events[${index}]`, limits);
    if (error) rejected.push({ index, ...idOf(event), error });
    else events.push(event as WireEvent);
  });
  if (events.length === 0 && rejected.length > 0) {
    return { ok: false, error: (rejected[0] as Rejection).error, rejected };
  }
  return { ok: true, sentAt: body.sentAt, dropped: (dropped as number | undefined) ?? 0, events, rejected };
}
