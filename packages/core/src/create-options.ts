// The options of createTouchpoint and their defaults, in one place for the instance, the
// script tag (which reads them from data-* attributes) and the React provider.
import type { CONSENT_BUFFER_LIMIT } from './consent.js';
import type { AutoPageviews } from './pageview-options.js';
import { redactUrl } from './redact.js';
import type { TouchpointConfig } from './types.js';

/** Options of `createTouchpoint`; every default is in {@link CREATE_DEFAULTS}. */
export interface CreateOptions {
  /**
   * The survey configuration (see schema/touchpoint.config.schema.json): the object, its JSON text, or
   * the URL of the JSON file (fetched with a timeout; the last good copy runs when it fails).
   */
  config?: TouchpointConfig | string | undefined;
  /**
   * Store and deliver nothing until `consent(true)`: events wait in memory (the last
   * {@link CONSENT_BUFFER_LIMIT}). A grant is remembered, so a returning visitor who
   * consented is not asked again; so is a refusal, which holds even when this is false. Default false.
   */
  requireConsent?: boolean | undefined;
  /**
   * A `page` event on load and after every SPA navigation. Default true. `{ hash: true }`
   * also follows a hash router: the fragment's route (`#/cart`) is the page's path, and each
   * `hashchange` to another route is a page view; off by default, so in-page anchors are no pages.
   */
  autoPageviews?: AutoPageviews | undefined;
  /**
   * Redacts the page and referrer URLs (the fragment is already gone) and returns the URL
   * to send; the path is taken from its result. Default {@link redactUrl}; wrap it to add
   * your own rules: `(url) => redactUrl(url).replace(/\/reset\/[^/?]+/, '/reset/:token')`.
   */
  redact?: ((url: string) => string) | undefined;
}

/** The defaults of {@link CreateOptions}. */
export const CREATE_DEFAULTS = {
  requireConsent: false,
  autoPageviews: true,
  redact: redactUrl,
};
