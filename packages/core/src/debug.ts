// `@touchpoint/core/debug`: the preview banner and the `?tp_debug=1` overlay for an npm app,
// the same code the script tag loads (dist/touchpoint-debug.js). Plain DOM, no framework, and
// only the pure rules of the core: an app imports it lazily, when asked for.
export type { DebugOptions, MountDebug } from './debug/debug-options.js';
export { mountDebug } from './debug/mount-debug.js';
