// The PostHog batch capture format. Fields as documented at https://posthog.com/docs/api/capture
// (`/batch/` body with `api_key` and `batch`; each event's `event`, `properties.distinct_id`,
// `timestamp`, `uuid`; `$pageview` and `$identify` with `$anon_distinct_id` and `$set`) and
// https://posthog.com/docs/data/events (the `$current_url`, `$pathname`, `$referrer`,
// `$session_id` properties posthog-js sets).
import type { JourneyEvent } from '@touchpoint/core';
import type { Format } from './format.js';

/** Options of {@link posthog}. */
export interface PostHogOptions {
  /** The project API key (`phc_…`), a write-only key meant for browsers. */
  apiKey: string;
}

/**
 * One PostHog event per Touchpoint event: `page` → `$pageview`, `identify` → `$identify` (props
 * as `$set`, the anonymous id as `$anon_distinct_id`), `track` → its name, `stage` and the survey
 * events → their type (e.g. `survey_answered`). `distinct_id` is the user id once known, else the
 * anonymous id; the journey stage and the survey fields go in `properties`.
 */
export function toPostHogEvent(event: JourneyEvent, dropped = 0): Record<string, unknown> {
  const { id, type, name, stage, props, ts, anonymousId, sessionId, userId, page } = event;
  const distinct_id = userId ?? anonymousId;
  const properties =
    type === 'identify'
      ? { distinct_id, $anon_distinct_id: anonymousId, $set: props }
      : {
          ...props,
          distinct_id,
          $current_url: page.url,
          $pathname: page.path,
          $title: page.title,
          $referrer: page.referrer,
          $session_id: sessionId,
          stage,
        };
  return {
    event: type === 'page' ? '$pageview' : type === 'identify' ? '$identify' : type === 'track' ? name : type,
    // Undefined fields vanish in JSON: `touchpoint_dropped` appears only when events were evicted.
    properties: { ...properties, touchpoint_dropped: dropped > 0 ? dropped : undefined },
    timestamp: new Date(ts).toISOString(),
    uuid: id, // PostHog de-duplicates by it; Touchpoint ids are v4 UUIDs
  };
}

/**
 * `connect(tp, { endpoint: 'https://us.i.posthog.com/batch/', format: posthog({ apiKey }) })`.
 * The key travels in the body, so the page-hide send needs no header. Events
 * evicted from a full queue are counted in `properties.touchpoint_dropped` of the batch's first
 * event, PostHog's body having no field of its own for it.
 */
export function posthog({ apiKey }: PostHogOptions): Format {
  if (typeof apiKey !== 'string' || !apiKey)
    console.error('[touchpoint] posthog: bad apiKey; PostHog will refuse every batch');
  return (events, dropped) => ({
    body: JSON.stringify({
      api_key: apiKey,
      batch: events.map((event, i) => toPostHogEvent(event, i ? 0 : dropped)),
    }),
  });
}
