// Builds every package as ESM (JavaScript here; declarations come from `tsc -b`) and the
// root script-tag bundle dist/touchpoint.js as a classic, minified script.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const target = 'es2020';

/** Package entries: `packages/<pkg>/src/<entry>.ts` → `packages/<pkg>/dist/<entry>.js`. */
const packages = {
  core: ['index', 'rules'],
  adapter: ['index'],
  widget: ['index'],
};

// Workspace packages and their dependencies stay imports; the app's bundler dedupes them.
const external = (id) => /^(@touchpoint\/|preact|@preact\/|idb-keyval)/.test(id);

const packageBuilds = Object.entries(packages).map(([pkg, entries]) => ({
  input: Object.fromEntries(entries.map((e) => [e, `packages/${pkg}/src/${e}.ts`])),
  external,
  plugins: [esbuild({ target, jsx: 'automatic', jsxImportSource: 'preact' })],
  output: { dir: `packages/${pkg}/dist`, format: 'es', sourcemap: true },
}));

// The script tag: one classic script that bundles everything it needs.
const scriptBuild = {
  input: 'script/touchpoint.ts',
  plugins: [
    nodeResolve({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
    esbuild({
      target,
      minify: true,
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // `_private` fields get short names, as Preact's mangle.json does.
      mangleProps: /^_[a-z]/,
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
  ],
  output: { file: 'dist/touchpoint.js', format: 'iife', sourcemap: true },
};

export default [...packageBuilds, scriptBuild];
