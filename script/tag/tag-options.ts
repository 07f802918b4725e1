import type { CreateOptions } from '@touchpoint/core';
import type { WidgetOptions } from '@touchpoint/widget';

/** What the script tag's data-* attributes ask for (SPEC "Script tag"). */
export interface TagOptions {
  /** For `createTouchpoint`: `config` and `requireConsent`. */
  create: CreateOptions;
  /** `data-endpoint`: the collector URL; empty when absent (nothing is sent). */
  endpoint: string;
  /** For the widget: `locale`, `theme`, `position`, `accent` and the nonce, only those the tag sets. */
  widget: WidgetOptions;
  /** The widget file beside this one, with this one's query so a versioned URL stays versioned. */
  widgetUrl: string;
  /** The debug file (preview banner, `?tp_debug=1` overlay) beside this one, likewise. */
  debugUrl: string;
  /** The tag's CSP nonce, for the widget's `<script>`; empty when it has none. */
  nonce: string;
}

/** The lazily loaded file, resolved against the script tag's own URL. */
export const WIDGET_FILE = 'touchpoint-widget.js';

/** The preview banner and debug overlay, loaded likewise and only when asked for. */
export const DEBUG_FILE = 'touchpoint-debug.js';

/**
 * Reads the tag's data-* attributes. `base` resolves the widget file when there is no tag
 * (the code was bundled into another script). Bad values are reported through `warn` and
 * left out, so the defaults apply.
 */
export function readTag(
  tag: HTMLScriptElement | null,
  base: string,
  warn: (message: string) => void,
): TagOptions {
  const data = (name: string) => tag?.getAttribute(`data-${name}`) ?? undefined;
  const create: CreateOptions = {};
  const inline = data('config-inline');
  if (inline != null) {
    if (data('config') != null)
      warn('both data-config and data-config-inline are set; the inline one is used');
    // Parsed here, not by the core: it would take text that is not an object for a URL.
    try {
      create.config = JSON.parse(inline);
    } catch {
      warn('data-config-inline is not valid JSON; no surveys run');
    }
  } else if (data('config')) create.config = data('config');
  const consent = data('require-consent');
  // A bare attribute means yes; "false" is the one spelling that means no.
  if (consent != null) create.requireConsent = consent !== 'false';

  const nonce = tag?.nonce ?? '';
  const widget: WidgetOptions = {};
  // The widget checks these values and reports bad ones; absent ones must stay absent, or
  // they would replace its defaults with undefined.
  for (const key of ['locale', 'theme', 'position', 'accent'] as const) {
    const value = data(key);
    if (value) (widget as Record<string, string>)[key] = value;
  }
  if (nonce) widget.nonce = nonce;

  const src = tag?.src;
  const beside = (file: string) => new URL(file + (src ? new URL(src).search : ''), src || base).href;
  return {
    create,
    endpoint: data('endpoint') ?? '',
    widget,
    widgetUrl: beside(WIDGET_FILE),
    debugUrl: beside(DEBUG_FILE),
    nonce,
  };
}
