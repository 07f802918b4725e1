import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The React example, built by the root `build` script into demo/react/dist for the e2e suite
// (tests/e2e/react.test.ts). It is served under /react/, and @touchpoint/* resolve through
// node_modules to the packages' built dist/, as after `npm install`.
// biome-ignore lint/style/noDefaultExport: Vite reads the default export (the root configs are exempt by name in biome.json)
export default defineConfig({
  root: here('.'),
  // React's development build: Strict Mode then runs every effect twice in the e2e suite, as in
  // an app's dev server, which is where a binding makes two instances if it is going to.
  mode: 'development',
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  base: '/react/',
  // Vite's own JSX transform (no plugin needed for a build): React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Development React is large; the size that matters is the binding's own budget.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // React Router marks its modules "use client" for React Server Components; a client-only
      // bundle has no use for the directive, and dropping it is what should happen here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npx vite preview --config demo/react/vite.config.ts` with `npx pnpm@10 start` running:
  // events go to the demo server's collector.
  preview: { proxy: { '/collect': 'http://127.0.0.1:3000' } },
});
