// Builds every package as ESM (JavaScript here; declarations come from `tsc -b`) and the
// root script-tag bundles dist/touchpoint.js, dist/touchpoint-widget.js (and one per language,
// touchpoint-widget.<lang>.js) and dist/touchpoint-debug.js
// as classic, minified scripts.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';

const target = 'es2020';

/** Package entries: `packages/<pkg>/src/<entry>.ts` → `packages/<pkg>/dist/<entry>.js`. */
const packages = {
  core: ['index', 'rules', 'dom', 'debug'],
  adapter: ['index', 'segment', 'posthog'],
  widget: ['index'],
  cli: ['cli'],
  react: ['index'],
};

// Workspace packages and their dependencies stay imports; the app's bundler dedupes them.
const external = (id) => /^(@touchpoint\/|preact|@preact\/|idb-keyval|react(-dom)?(\/|$))/.test(id);

/**
 * `@touchpoint/<pkg>[/<entry>]` → `packages/<pkg>/src/<entry>.ts`: for the shipped script files,
 * and for the collector's link rules in the CLI (below).
 */
const fromSource = {
  name: 'workspace-from-source',
  resolveId(id) {
    const match = /^@touchpoint\/(core|adapter|widget|collector)(?:\/(\w+))?$/.exec(id);
    return match
      ? new URL(`packages/${match[1]}/src/${match[2] ?? 'index'}.ts`, import.meta.url).pathname
      : null;
  },
};

/**
 * The CLI carries the collector's link-signing rules (`@touchpoint/collector/links`: plain code
 * and node:crypto) in its own files, built from source, instead of depending on the collector,
 * which would install a database (PGlite) with `touchpoint lint`. They are the collector's
 * sources of the same release, so a link the CLI signs is one that collector accepts.
 */
const cliExternal = (id) => id.startsWith('node:') || (external(id) && id !== '@touchpoint/collector/links');

/** Internal fields and methods (`_due`, `_store`) get short names at build time, as Preact's mangle.json does. */
const mangleProps = /^_[a-z]/;

/**
 * Mangles `_private` properties of whole chunks, once bundled: per-module transforms would
 * name `_due` differently in each file. One cache per build, and one chunk at a time, so
 * every chunk of a package (and its shared chunks) agrees on the names. The output stays
 * readable (not minified): an app's bundler minifies, and the sourcemap maps back.
 */
function mangle() {
  const mangleCache = {};
  let queue = Promise.resolve();
  return {
    name: 'mangle-private-props',
    renderChunk(code) {
      const work = queue.then(async () => {
        const result = await transform(code, {
          mangleProps,
          mangleCache,
          sourcemap: true,
          format: 'esm',
          target,
        });
        Object.assign(mangleCache, result.mangleCache);
        return { code: result.code, map: result.map };
      });
      queue = work.catch(() => {});
      return work;
    },
  };
}

/**
 * Rollup does not empty its output folder, and chunk names carry a hash, so every build
 * would leave the last build's chunks beside the new ones (and in the npm tarball). Only
 * JavaScript is removed: the .d.ts files beside it come from `tsc -b`.
 */
const cleanJs = (dir) => ({
  name: 'clean-js',
  buildStart() {
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir)) if (/\.js(\.map)?$/.test(file)) rmSync(`${dir}/${file}`);
  },
});

/**
 * `__DEV__` (types/dev.d.ts): false in what the `default` export condition serves, so developer
 * diagnostics cost production nothing; true in `dist/dev/`, served to bundlers and dev servers
 * that set the `development` condition (Vite, webpack in development mode), as Solid does.
 */
const packageBuild = (pkg, entries, dir = `packages/${pkg}/dist`, dev = false) => ({
  input: Object.fromEntries(entries.map((e) => [e, `packages/${pkg}/src/${e}.ts`])),
  external: pkg === 'cli' ? cliExternal : external,
  plugins: [
    cleanJs(dir),
    ...(pkg === 'cli' ? [fromSource] : []),
    esbuild({ target, jsx: 'automatic', jsxImportSource: 'preact', define: { __DEV__: `${dev}` } }),
    mangle(),
  ],
  output: { dir, format: 'es', sourcemap: true },
});

const packageBuilds = [
  ...Object.entries(packages).map(([pkg, entries]) => packageBuild(pkg, entries)),
  // Only the packages whose sources read `__DEV__` (types/dev.d.ts): for the others the
  // development build would be the same file twice.
  ...['core', 'widget'].map((pkg) => packageBuild(pkg, packages[pkg], `packages/${pkg}/dist/dev`, true)),
];

/**
 * The script tag leaves the `?tp_debug=1` console table (and the reason formatter only it uses,
 * and the explanations the core would judge for it) to dist/touchpoint-debug.js, which it loads with `?tp_debug=1` anyway
 * (script/debug/console-table.ts); the npm package keeps printing it from the core.
 */
const tableInDebugFile = {
  name: 'table-in-debug-file',
  load(id) {
    if (/[\\/]packages[\\/]core[\\/]src[\\/]debug-table\.ts$/.test(id))
      return 'export const logExplanations = () => {}; export const logIfDebugging = () => {};';
    return null;
  },
};

/** Terser after esbuild on the shipped script files. */
const shrink = terser({
  ecma: 2020,
  compress: { passes: 3 },
  format: { comments: false },
});

/**
 * V8's compile hint for the whole file: Chromium compiles every function while it streams the
 * script, off the main thread, instead of compiling each one on the main thread at its first
 * call. The tag calls most of its functions while the page loads (the instance, the page view,
 * the configuration, the queue), so the main thread's share of its boot drops by about a third
 * (bench/RESULTS.md: boot CPU 25.1 → 16.3 ms over a blank page), for ~49 KiB more heap, the
 * bytecode of functions the boot never calls. Browsers without the hint read a comment. Not for
 * the widget file, whose functions first run together in the prompt's mount: measured, no gain.
 * After terser, which drops comments; the source map moves its mappings down by the line.
 */
const compileEagerly = {
  name: 'compile-eagerly',
  renderChunk(code) {
    const file = new MagicString(code);
    file.prepend('//# allFunctionsCalledOnLoad\n');
    return { code: file.toString(), map: file.generateMap({ hires: true }) };
  },
};

// The script tag: dist/touchpoint.js (core, adapter, the glue) is a classic script every page
// loads; dist/touchpoint-widget.js (Preact and the widget) is loaded by it, beside it, only when
// a survey is first due.
const scriptPlugins = (dev = false) => [
  // The shipped files are built from the packages' sources, not their dist/: one bundle, one
  // mangling pass (`mangle()` below, over the whole file), and a module of a package can be
  // swapped for the script tag (`tableInDebugFile`).
  fromSource,
  // The development script sets `__DEV__` (below) and takes dependencies' development builds.
  nodeResolve({
    extensions: ['.ts', '.tsx', '.js', '.mjs'],
    ...(dev && { exportConditions: ['development'] }),
  }),
  esbuild({
    target,
    minify: !dev,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"', __DEV__: `${dev}` },
  }),
  // A second, whole-file pass over esbuild's output: terser inlines single-use functions and
  // constants across module boundaries and folds what that exposes (esbuild minifies one pass
  // at a time). Only safe transforms; the development script stays readable.
  // `_private` fields get short names, as Preact's mangle.json does, once the file is bundled.
  ...(dev ? [] : [mangle(), shrink]),
];

// The widget and debug files drive the first script's instance and need only the core's types
// and its pure rules (`@touchpoint/core/rules`), or the overlay (`@touchpoint/core/debug`: plain
// DOM and those rules; it formats reasons and foretells what will show with the triggers' own
// `decideMoment`): a value import of the core itself would bundle a second instance's code, so
// it fails the build instead.
const noCore = {
  name: 'no-core-in-lazy-file',
  resolveId(id, importer) {
    if (
      id.startsWith('@touchpoint/core') &&
      !['@touchpoint/core/rules', '@touchpoint/core/debug'].includes(id)
    )
      this.error(`${importer} imports ${id}: a lazily loaded file must not bundle the core`);
    return null;
  },
};

// One widget file per built-in language, each with only its table (a page shows one language):
// dist/touchpoint-widget.js is English, dist/touchpoint-widget.<lang>.js the others. The first
// script picks the file (script/widget-loader/widget-url.ts). Languages are read from the tables' files, so a
// new table gets its file.
const widgetLocales = readdirSync('packages/widget/src/locales')
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((lang) => /^[a-z]{2,3}$/.test(lang) && lang !== 'all');

/** Swaps script/widget/widget-locale.ts (English) for a module exporting `lang`'s table. */
const widgetLocale = (lang) => ({
  name: 'widget-locale',
  load(id) {
    if (lang !== 'en' && /[\\/]script[\\/]widget[\\/]widget-locale\.ts$/.test(id))
      return `export { ${lang} as table } from '@touchpoint/widget'; export const lang = '${lang}';`;
    return null;
  },
});

const widgetBuild = (lang) => ({
  input: 'script/widget/widget.ts',
  plugins: [noCore, widgetLocale(lang), ...scriptPlugins()],
  output: {
    file: lang === 'en' ? 'dist/touchpoint-widget.js' : `dist/touchpoint-widget.${lang}.js`,
    format: 'iife',
    sourcemap: true,
  },
});

const scriptBuilds = [
  {
    input: 'script/tag/touchpoint.ts',
    plugins: [tableInDebugFile, ...scriptPlugins(), compileEagerly],
    output: { file: 'dist/touchpoint.js', format: 'iife', sourcemap: true },
  },
  // The same script for development: unminified, with the developer diagnostics (which argument
  // of a call was refused, which props field was cut and why). It loads the same lazy files.
  {
    input: 'script/tag/touchpoint.ts',
    plugins: [tableInDebugFile, ...scriptPlugins(true)],
    output: { file: 'dist/touchpoint.dev.js', format: 'iife', sourcemap: true },
  },
  ...widgetLocales.map(widgetBuild),
  // The preview banner and the ?tp_debug=1 overlay: loaded beside the script only when asked for.
  {
    input: 'script/debug/debug.ts',
    plugins: [noCore, ...scriptPlugins()],
    output: { file: 'dist/touchpoint-debug.js', format: 'iife', sourcemap: true },
  },
];

// The SPA example (demo/spa): an app that installed the packages, so @touchpoint/* resolve through
// node_modules to their built dist/ and exports maps, as from npm. After the package builds,
// which rollup runs first (configs build in order).
const spaBuild = {
  input: 'demo/spa/src/main.ts',
  plugins: [
    nodeResolve({ extensions: ['.ts', '.js', '.mjs'] }),
    esbuild({ target, minify: true, define: { __DEV__: 'false' } }),
  ],
  output: { file: 'demo/spa/dist/app.js', format: 'es', sourcemap: true },
};

export default [...packageBuilds, ...scriptBuilds, spaBuild];
