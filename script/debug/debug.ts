// The entry of dist/touchpoint-debug.js, loaded by dist/touchpoint.js only in preview
// (`?tp_preview=`) or with `?tp_debug=1`, so no other page pays for it. Like the widget file it
// drives the first script's instance and must not bundle the core (rollup.config.mjs refuses it):
// the overlay is `@touchpoint/core/debug`, plain DOM and the pure rules, one implementation
// for npm apps and the script tag.
import { mountDebug } from '@touchpoint/core/debug';
import { DEBUG_GLOBAL } from '../handshake';

window[DEBUG_GLOBAL] = mountDebug;
