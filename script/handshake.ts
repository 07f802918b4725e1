// The one contract between dist/touchpoint.js and its lazily loaded files (dist/touchpoint-widget.js,
// dist/touchpoint-debug.js): a classic script cannot export, so each file leaves its mount
// function on `window` under its name, and the loader picks it up once the file has run.
import type { Touchpoint } from '@touchpoint/core';
import type { Widget, WidgetOptions } from '@touchpoint/widget';

/** The `window` property the widget file sets. Not public API: both files ship together. */
export const WIDGET_GLOBAL = '__touchpointWidget';

/** What the widget file leaves on `window`: `mountWidget` with every locale table built in. */
export type MountWidget = (tp: Pick<Touchpoint, 'on' | 'record'>, options: WidgetOptions) => Widget;

/** The `window` property the debug file (preview banner, `?tp_debug=1` overlay) sets. */
export const DEBUG_GLOBAL = '__touchpointDebug';

/** What the debug file receives: the instance, how to leave preview, and the tag's CSP nonce. */
export interface DebugOptions {
  exitPreview: () => void;
  nonce: string;
  /** Show the overlay (`?tp_debug=1`); without it only the preview banner shows. */
  overlay: boolean;
}

/** What the debug file leaves on `window`. */
export type MountDebug = (
  tp: Pick<Touchpoint, 'on' | 'explain' | 'preview'>,
  options: DebugOptions,
) => { destroy(): void };

declare global {
  interface Window {
    [WIDGET_GLOBAL]?: MountWidget;
    [DEBUG_GLOBAL]?: MountDebug;
  }
}
