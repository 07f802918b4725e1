// The options of connect(): their defaults, their ranges, and how a wrong one is reported.
import type { Format } from './format.js';
import { headerProblem } from './headers.js';
import type { Report } from './report.js';
import { touchpoint } from './wire.js';

/** Options of `connect`; every one but `endpoint` has its default in {@link CONNECT_DEFAULTS}. */
export interface ConnectOptions {
  /** The collector URL; events are POSTed there as `{"sentAt", "events", "dropped"?}`. */
  endpoint: string;
  /**
   * Extra request headers, e.g. an API key. The page-hide send carries none of them. A name or
   * value that `fetch()` would refuse is reported at `connect()` and left out.
   */
  headers?: Record<string, string>;
  /** The most events in one request: an integer from 1 to 1,000. */
  batchSize?: number;
  /**
   * How often queued events are sent when no batch has filled up meanwhile, in ms: an integer
   * from 1 to 2,147,483,647 (the longest timer browsers keep: a longer one would fire at once).
   */
  flushIntervalMs?: number;
  /**
   * The most bytes of request body: an integer from 1 to 1,048,576. Keep it under 64 KiB, what a
   * keepalive request may carry at unload.
   */
  maxBatchBytes?: number;
  /**
   * The most events kept while the collector is unreachable, an integer from 1 to 1,000,000;
   * beyond it the oldest are dropped and counted.
   */
  maxQueue?: number;
  /**
   * The request body: `'touchpoint'` (the SPEC's wire format) or a {@link Format}, such as the
   * presets `segment()` from `@touchpoint/adapter/segment` and `posthog()` from
   * `@touchpoint/adapter/posthog`. Batches are cut to `maxBatchBytes` of the formatted body.
   */
  format?: 'touchpoint' | Format;
}

export const CONNECT_DEFAULTS = {
  headers: {} as Record<string, string>,
  batchSize: 20,
  flushIntervalMs: 5000,
  maxBatchBytes: 60_000,
  maxQueue: 10_000,
  format: 'touchpoint' as 'touchpoint' | Format,
};

type Counts = 'batchSize' | 'flushIntervalMs' | 'maxBatchBytes' | 'maxQueue';

/** The largest integer each numeric option takes; the smallest is 1. */
export const OPTION_MAXIMUMS: Record<Counts, number> = {
  batchSize: 1000,
  // setTimeout and setInterval keep a 32-bit signed delay: a longer one fires at once.
  flushIntervalMs: 2 ** 31 - 1,
  maxBatchBytes: 1_048_576,
  maxQueue: 1_000_000,
};

/** Options with every default applied and every value checked. */
export type Settings = Required<Omit<ConnectOptions, 'format'>> & { format: Format };

/**
 * The options as the adapter uses them. A count that is not an integer in its range takes its
 * default; a bad header is left out; an unknown format is the SPEC's. Each is reported, naming
 * the option.
 */
export function resolveOptions(options: ConnectOptions, report: Report): Settings {
  const settings = { ...CONNECT_DEFAULTS, ...options } as Settings & { format: unknown };
  for (const [name, max] of Object.entries(OPTION_MAXIMUMS) as [Counts, number][]) {
    const value = settings[name];
    if (!Number.isInteger(value) || value < 1 || value > max) {
      report(`connect: bad ${name} (${value}; an integer from 1 to ${max})`, 'default used');
      settings[name] = CONNECT_DEFAULTS[name];
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings.headers ?? {})) {
    const problem = headerProblem(name, value);
    if (problem) report(`connect: ${problem}`, 'header left out', 'error');
    else headers[name] = value;
  }
  settings.headers = headers;
  if (typeof settings.format !== 'function') {
    if (settings.format !== 'touchpoint') report('connect: bad format', 'default used');
    settings.format = touchpoint;
  }
  return settings as Settings;
}
