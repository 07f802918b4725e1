// The one contract between dist/touchpoint.js and the lazily loaded dist/touchpoint-widget.js:
// a classic script cannot export, so the widget file leaves its mount function on `window`
// under this name, and the loader picks it up once the file has run.
import type { Touchpoint } from '@touchpoint/core';
import type { Widget, WidgetOptions } from '@touchpoint/widget';

/** The `window` property the widget file sets. Not public API: both files ship together. */
export const WIDGET_GLOBAL = '__touchpointWidget';

/** What the widget file leaves on `window`: `mountWidget` with every locale table built in. */
export type MountWidget = (tp: Pick<Touchpoint, 'on' | 'record'>, options: WidgetOptions) => Widget;

declare global {
  interface Window {
    [WIDGET_GLOBAL]?: MountWidget;
  }
}
