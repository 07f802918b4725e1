/**
 * True in development builds (the `development` export condition, vitest), false in production
 * builds (the package's default export and the script tag), where rollup replaces it and the
 * minifier drops what it guards. Only developer diagnostics go behind it (STYLE.md, Workbox):
 * messages about a call's bad arguments. What a product team needs in production (invalid
 * configuration, `explain()`, degraded modes, failures) is never behind it.
 */
declare const __DEV__: boolean;
