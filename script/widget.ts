// The entry of dist/touchpoint-widget.js, loaded by dist/touchpoint.js when a survey is first
// due. It bundles Preact and the widget but not the core: the widget needs only the core's
// types, and the instance it drives comes from the first script (rollup.config.mjs refuses a
// value import of @touchpoint/core here, so a second copy can never slip in).
import { LOCALES, mountWidget } from '@touchpoint/widget';
import { WIDGET_GLOBAL } from './handshake';

// Every built-in language: a script tag cannot know the page's language at build time, and
// only pages that show a prompt pay for the tables.
window[WIDGET_GLOBAL] = (tp, options) => mountWidget(tp, { locales: LOCALES, ...options });
