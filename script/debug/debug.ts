// The entry of dist/touchpoint-debug.js, loaded by dist/touchpoint.js only in preview
// (`?tp_preview=`) or with `?tp_debug=1`, so no other page pays for it. Like the widget file it
// drives the first script's instance and must not bundle the core (rollup.config.mjs refuses it):
// the overlay is `@touchpoint/core/debug`, plain DOM and the pure rules, one implementation
// for npm apps and the script tag; the console table of `?tp_debug=1` lives here, not in the
// first script.
import { type MountDebug, mountDebug } from '@touchpoint/core/debug';
import { DEBUG_GLOBAL } from '../handshake';
import { logOnPageViews } from './console-table';

const mountWithTable: MountDebug = (tp, options) => {
  const stopTable = (options?.overlay ?? true) ? logOnPageViews(tp) : undefined;
  const debug = mountDebug(tp, options);
  return {
    destroy() {
      stopTable?.();
      debug.destroy();
    },
  };
};

window[DEBUG_GLOBAL] = mountWithTable;
