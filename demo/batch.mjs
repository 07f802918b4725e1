// The wire format's rules (SPEC "Wire format"): is this body a batch, and which of its
// events can be stored? Pure, so the collector's HTTP edge and the tests share one rule.

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
];

/** Bounds that keep one odd client from filling the database. */
export const BATCH_LIMITS = {
  /** Events in one batch; the adapter's batches are far smaller. */
  maxEvents: 5000,
  /** Length of ids and the other short string fields. */
  maxIdLength: 200,
};

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v, limits) => typeof v === 'string' && v.length > 0 && v.length <= limits.maxIdLength;

/**
 * Why `event` cannot be stored, as `field: expected …`, or `undefined` when it can.
 * Only what the database and later queries rely on is checked; unknown extra fields are
 * kept, so a newer client never loses data to an older collector.
 */
export function eventError(event, path = 'event', limits = BATCH_LIMITS) {
  const at = (field, expected) => `${path}${field ? `.${field}` : ''}: expected ${expected}`;
  if (!isObject(event)) return at('', 'an object');
  const short = `a string of 1–${limits.maxIdLength} characters`;
  if (!isShortString(event.id, limits)) return at('id', short);
  if (!EVENT_TYPES.includes(event.type)) return at('type', EVENT_TYPES.map((t) => `"${t}"`).join(' | '));
  if (!Number.isFinite(event.ts)) return at('ts', 'epoch milliseconds');
  for (const field of ['anonymousId', 'sessionId']) {
    if (!isShortString(event[field], limits)) return at(field, short);
  }
  if (!isObject(event.page) || typeof event.page.url !== 'string' || typeof event.page.path !== 'string') {
    return at('page', '{ url, path } strings');
  }
  for (const field of ['name', 'stage', 'userId']) {
    if (event[field] !== undefined && !isShortString(event[field], limits)) return at(field, short);
  }
  if (event.props !== undefined && !isObject(event.props)) return at('props', 'an object');
  return undefined;
}

/**
 * Reads a parsed body as a batch. A wrong envelope rejects the whole body; a bad event
 * is left out and reported by index, so one malformed event never costs its neighbours
 * (a 4xx makes the client drop the whole batch, SPEC "Wire format").
 *
 * @returns `{ ok: false, error }` or `{ ok: true, sentAt, dropped, events, rejected }`
 */
export function parseBatch(body, limits = BATCH_LIMITS) {
  if (!isObject(body)) return { ok: false, error: 'body: expected a JSON object {"sentAt", "events"}' };
  if (!Number.isFinite(body.sentAt)) return { ok: false, error: 'sentAt: expected epoch milliseconds' };
  if (!Array.isArray(body.events)) return { ok: false, error: 'events: expected an array' };
  if (body.events.length > limits.maxEvents) {
    return { ok: false, error: `events: expected at most ${limits.maxEvents} events in one batch` };
  }
  if (body.dropped !== undefined && !(Number.isInteger(body.dropped) && body.dropped >= 0)) {
    return { ok: false, error: 'dropped: expected a non-negative integer' };
  }
  const events = [];
  const rejected = [];
  body.events.forEach((event, index) => {
    const error = eventError(event, `events[${index}]`, limits);
    if (error) rejected.push({ index, error });
    else events.push(event);
  });
  if (events.length === 0 && rejected.length > 0) {
    return { ok: false, error: rejected[0].error, rejected };
  }
  return { ok: true, sentAt: body.sentAt, dropped: body.dropped ?? 0, events, rejected };
}
