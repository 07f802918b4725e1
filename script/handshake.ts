// The one contract between dist/touchpoint.js and its lazily loaded files (dist/touchpoint-widget.js,
// dist/touchpoint-debug.js): a classic script cannot export, so each file leaves its mount
// function on `window` under its name, and the loader picks it up once the file has run.
import type { Touchpoint } from '@touchpoint/core';
import type { MountDebug } from '@touchpoint/core/debug';
import type { Widget, WidgetOptions } from '@touchpoint/widget';

/** The `window` property the widget file sets. Not public API: both files ship together. */
export const WIDGET_GLOBAL = '__touchpointWidget';

/** What the widget file leaves on `window`: `mountWidget` with every locale table built in. */
export type MountWidget = (tp: Pick<Touchpoint, 'on' | 'record'>, options: WidgetOptions) => Widget;

/** The `window` property the debug file (preview banner, `?tp_debug=1` overlay) sets. */
export const DEBUG_GLOBAL = '__touchpointDebug';

declare global {
  interface Window {
    [WIDGET_GLOBAL]?: MountWidget;
    /** `mountDebug` of `@touchpoint/core/debug`. */
    [DEBUG_GLOBAL]?: MountDebug;
  }
}
