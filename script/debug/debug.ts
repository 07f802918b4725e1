// The entry of dist/touchpoint-debug.js, loaded by dist/touchpoint.js only in preview
// (`?tp_preview=`) or with `?tp_debug=1`, so no other page pays for it. Like the widget file it
// drives the first script's instance and must not bundle the core (rollup.config.mjs refuses it).
import { DEBUG_GLOBAL, type MountDebug } from '../handshake';
import { logOnPageViews } from './console-table';
import { mountDebug } from './mount-debug';

const mountWithTable: MountDebug = (tp, options) => {
  const stopTable = options.overlay ? logOnPageViews(tp) : undefined;
  const debug = mountDebug(tp, options);
  return {
    destroy() {
      stopTable?.();
      debug.destroy();
    },
  };
};

window[DEBUG_GLOBAL] = mountWithTable;
