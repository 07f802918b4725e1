// How a batch becomes a request body: the SPEC's wire format by default, or a preset
// (`@touchpoint/adapter/segment`, `@touchpoint/adapter/posthog`) or a function of the app's own.
import type { JourneyEvent } from '@touchpoint/core';

/** One request for a batch of events. */
export interface Payload {
  /** The request body, sent as is (JSON for every preset). */
  body: string;
  /**
   * Headers this body needs, e.g. an auth scheme; `ConnectOptions.headers` win over them. The
   * page-hide send carries none (any would force a CORS preflight during unload): put what the
   * collector must have (a write key) in the body as well.
   */
  headers?: Record<string, string>;
}

/**
 * Builds the request for a batch, oldest event first. `dropped` counts the events evicted from a
 * full queue, refused alone or left out as unserializable since the last acknowledged batch; a
 * format that cannot carry it should say so in its documentation. Each call gets fresh copies of the events, which it may change.
 */
export type Format = (events: JourneyEvent[], dropped: number) => Payload;
