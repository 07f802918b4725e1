// The Segment HTTP Tracking API batch format, which RudderStack and Jitsu accept as well.
// Fields as documented at
// https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/server/http-api
// (batch body, writeKey and Basic authentication, messageId, timestamp, sentAt, context) and
// https://www.twilio.com/docs/segment/connections/spec/common (common fields, context.page).
import type { JourneyEvent } from '@touchpoint/core';
import type { Format } from './format.js';

/** Options of {@link segment}. */
export interface SegmentOptions {
  /** The write key of a Segment HTTP API source (or a RudderStack / Jitsu source). */
  writeKey: string;
}

/**
 * One Segment message per event: `page` → `page`, `identify` → `identify` (props as `traits`),
 * everything else → `track` named after the event (`track`: its name; `stage` and the survey
 * events: their type, e.g. `survey_answered`). The journey stage and the survey fields
 * (`surveyId`, `metric`, `score`, `comment`, `trail`) go in `properties`.
 */
export function toSegmentMessage(event: JourneyEvent, dropped = 0): Record<string, unknown> {
  const { id, type, name, stage, props, ts, anonymousId, sessionId, userId, page } = event;
  const common = {
    messageId: id, // Segment de-duplicates by it, as Touchpoint's collectors do by `id`
    timestamp: new Date(ts).toISOString(),
    anonymousId,
    userId,
    // Undefined fields vanish in JSON: `dropped` appears only when events were evicted.
    context: { page, touchpoint: { sessionId, dropped: dropped > 0 ? dropped : undefined } },
  };
  if (type === 'identify') return { type, ...common, traits: props };
  // The page spec puts url, path, title and referrer in `properties` as well as in context.page.
  const properties = { ...(type === 'page' && page), ...props, stage };
  return type === 'page'
    ? { type, ...common, properties }
    : { type: 'track', event: type === 'track' ? name : type, ...common, properties };
}

/** `Basic base64(writeKey + ':')`, or undefined for a key that is not a non-empty Latin-1 string. */
function basicAuth(writeKey: unknown): string | undefined {
  if (typeof writeKey !== 'string' || !writeKey) return;
  try {
    return `Basic ${btoa(`${writeKey}:`)}`;
  } catch {
    // btoa throws beyond Latin-1; real write keys are ASCII.
  }
}

/**
 * `connect(tp, { endpoint: 'https://api.segment.io/v1/batch', format: segment({ writeKey }) })`.
 * The write key goes as Basic auth (`base64(writeKey + ':')`) and in the body, which Segment
 * also accepts, so the page-hide send (no headers, to avoid a preflight) is still authenticated.
 * Events evicted from a full queue are counted in `context.touchpoint.dropped` of the batch's
 * first message, Segment's body having no field of its own for it.
 */
export function segment({ writeKey }: SegmentOptions): Format {
  // An empty Authorization header is worse than none: no header at all for a bad key.
  const headers: Record<string, string> = {};
  const authorization = basicAuth(writeKey);
  if (authorization) headers.Authorization = authorization;
  else console.error('[touchpoint] segment: bad writeKey; Segment will refuse every batch');
  return (events, dropped) => {
    const batch = events.map((event, i) => toSegmentMessage(event, i ? 0 : dropped));
    return {
      body: JSON.stringify({ batch, sentAt: new Date().toISOString(), writeKey }),
      headers,
    };
  };
}
