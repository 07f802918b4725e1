// Checks the binding with React 18 (the workspace tests React 19): the example app of
// demo/react/src, bundled by esbuild against react@18, react-dom@18 and react-router installed in
// a scratch folder with the packed packages, walked in Chromium in Strict Mode; and the provider
// server-rendered by react-dom@18/server in its own Node process. Not part of `pnpm test`
// (one React per workspace). By hand: npx pnpm@10 build && node demo/react/recipes/react18.mjs /tmp/react18-check
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { install, openTab, root, serveStatic, version, write } from './support.mjs';

const dir = resolve(process.argv[2] ?? '/tmp/react18-check');
write(dir, {
  'package.json': JSON.stringify({ name: 'react18-check', private: true, type: 'module' }),
  'public/index.html':
    '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/react/main.js"></script></head><body><div id="root"></div></body></html>',
  'ssr.mjs': `import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { FeedbackButton, TouchpointProvider, useStage } from '@touchpoint/react';
function Page() {
  useStage('interest');
  return h(FeedbackButton, { surveyId: 'nps' });
}
process.stdout.write(renderToString(h(TouchpointProvider, { endpoint: 'http://127.0.0.1:9/collect' }, h(Page))));
`,
});
install(dir, ['react@^18', 'react-dom@^18', 'react-router']);
// The example's sources copied beside that node_modules, so its imports find React 18 there.
cpSync(resolve(root, 'demo/react/src'), resolve(dir, 'src'), { recursive: true });
await build({
  entryPoints: [resolve(dir, 'src/main.tsx')],
  bundle: true,
  format: 'esm',
  jsx: 'automatic',
  outfile: resolve(dir, 'public/react/main.js'),
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'warning',
});

// Development React: Strict Mode runs every effect twice, as in an app's dev server.
const site = await serveStatic(resolve(dir, 'public'));
const { tab, heading, report } = await openTab();
await tab.goto(`${site.url}/react/`);
await heading('Gear for the long way round');
await tab.getByRole('link', { name: 'See the Trail Runner' }).click();
await heading('Trail Runner');
await tab.getByRole('button', { name: 'Add to cart' }).click();
await heading('Checkout');
await tab.getByRole('button', { name: 'Place order' }).click();
await heading('Thank you!');
await tab.getByRole('dialog', { name: 'How satisfied are you with checkout today?' }).waitFor();
const widgets = await tab.evaluate(() => document.querySelectorAll('touchpoint-widget').length);
const ssr = execFileSync(process.execPath, ['ssr.mjs'], {
  cwd: dir,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const ok = await report(
  ['/react/', '/react/products/trail-runner', '/react/checkout', '/react/checkout/done'],
  {
    react: version(dir, 'react'),
    'react-dom': version(dir, 'react-dom'),
    widgets,
    ssr,
  },
);
site.close();
process.exit(ok && widgets === 1 ? 0 : 1);
