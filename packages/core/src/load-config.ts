// Where the survey configuration comes from: an object, inline JSON (`data-config-inline`)
// or a URL (`data-config`). A URL is fetched with a timeout, and the last good copy is
// kept so a failed or offline fetch still runs yesterday's surveys.
//
// The copy goes through the core's store, so with `requireConsent` it is written to
// localStorage only after consent. The configuration is not personal data, but the SPEC
// promises nothing is stored before consent, and no survey shows before consent anyway,
// so caching earlier would buy nothing.
import type { KeyValue } from './history.js';
import { CONFIG_KEY } from './keys.js';
import { parseConfigText } from './parse-config.js';
import type { JsonValue } from './types.js';
import type { Warn } from './warn.js';

/** What a {@link ConfigLoader} is given. */
export interface LoaderContext {
  _store: KeyValue;
  _warn: Warn;
  /** Says which draft this tab previews (undefined: none after all). */
  _setPreview(draft: string | undefined): void;
}

/**
 * A configuration source that loads for itself (`previewConfig`): called once, when the
 * triggers start; returns the configuration or its promise.
 */
export type ConfigLoader = (context: LoaderContext) => unknown;

/** Defaults of {@link loadConfig}. */
export const LOAD_CONFIG_DEFAULTS = {
  /** A slow config server must not hold the surveys back for long; the cached copy runs instead. */
  timeoutMs: 5000,
};

/** Safari < 16 and older Chromium lack `AbortSignal.timeout`. */
const timeout = (ms: number): AbortSignal => {
  if (AbortSignal.timeout) return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
};

/** The last good copy of a configuration URL: it runs at once while the fresh one loads. */
export const cachedConfig = (source: unknown, store: KeyValue): unknown => {
  const cached = store._get(CONFIG_KEY) as { url?: string; config?: unknown } | undefined;
  return typeof source === 'string' && cached?.url === source.trim() ? cached.config : undefined;
};

/**
 * The configuration, still unvalidated: `source` itself when it is not a string, parsed
 * when it is inline JSON (synchronously, so the first page view already has it), else a
 * Promise of the fetched one, or of the cached one when the fetch fails. Never throws;
 * `undefined` when there is nothing to run.
 */
export function loadConfig(
  source: unknown,
  store: KeyValue,
  warn: (message: string, detail?: unknown) => void,
  options = LOAD_CONFIG_DEFAULTS,
): unknown {
  if (typeof source !== 'string') return source;
  const text = source.trim();
  if (text[0] === '{')
    try {
      return parseConfigText(text);
    } catch (error) {
      return warn('config: not JSON; no surveys run', error);
    }
  return fetch(text, { signal: timeout(options.timeoutMs) })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((config: JsonValue) => {
      // Only a configuration replaces the good copy: an error body served with 200
      // (`{"error":"rate limited"}`) has no `"version": 1`, and is refused like an outage.
      if (typeof config !== 'object' || !config || Array.isArray(config))
        throw new Error('not a JSON object');
      if ((config as { version?: unknown }).version !== 1) throw new Error('no "version": 1');
      store._set(CONFIG_KEY, { url: text, config });
      return config;
    })
    .catch((error) => {
      const cached = cachedConfig(text, store);
      warn(`config ${text}: not loaded; ${cached ? 'last good copy runs' : 'no surveys run'}`, error);
      return cached;
    });
}
