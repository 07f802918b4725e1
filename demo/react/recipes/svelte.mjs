// Checks the README's Svelte recipe: its src/lib/touchpoint.ts and +layout.svelte as written,
// compiled by Svelte 5 and bundled by esbuild, the layout mounted around a small app that
// navigates with history.pushState (as SvelteKit's router does; SvelteKit itself is not used),
// driven in Chromium. Not part of `pnpm test`. By hand:
//
//   npx pnpm@10 build && node demo/react/recipes/svelte.mjs /tmp/svelte-check
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { install, openTab, recipe, serveStatic, version, write } from './support.mjs';

const dir = resolve(process.argv[2] ?? '/tmp/svelte-check');
const [module, layout] = recipe('Svelte and SvelteKit');
const CONFIG = {
  version: 1,
  surveys: [{ id: 'nps', metric: 'nps', question: 'How likely are you to recommend us?' }],
};

write(dir, {
  'package.json': JSON.stringify({ name: 'svelte-check', private: true, type: 'module' }),
  'src/lib/touchpoint.ts': module,
  // The layout fetches the configuration from /touchpoint.config.json, as written.
  'public/touchpoint.config.json': JSON.stringify(CONFIG),
  'src/routes/+layout.svelte': layout,
  'src/App.svelte': `<script>
  import { onMount } from 'svelte';
  import { tp } from '$lib/touchpoint';

  let path = $state(location.pathname);
  const go = (event, to) => {
    event.preventDefault();
    history.pushState(null, '', to);
    path = to;
  };
  onMount(() => {
    const back = () => (path = location.pathname);
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  });
</script>

<nav>
  <a href="/products/1" onclick={(e) => go(e, '/products/1')}>Product 1</a>
  <a href="/about" onclick={(e) => go(e, '/about')}>About</a>
  <button type="button" onclick={() => tp?.show('nps')}>Give feedback</button>
</nav>
<h1>{path === '/' ? 'Home' : path === '/about' ? 'About' : 'Product 1'}</h1>
`,
  'src/main.js': `import { createRawSnippet, mount } from 'svelte';
import App from './App.svelte';
import Layout from './routes/+layout.svelte';

const children = createRawSnippet(() => ({ render: () => '<div></div>', setup: (target) => { mount(App, { target }); } }));
mount(Layout, { target: document.body, props: { children } });
`,
  'public/index.html':
    '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head><body></body></html>',
});
install(dir, ['svelte@^5']);
const { compile } = await import(resolve(dir, 'node_modules/svelte/src/compiler/index.js'));
await build({
  entryPoints: [resolve(dir, 'src/main.js')],
  bundle: true,
  format: 'esm',
  outfile: resolve(dir, 'public/main.js'),
  conditions: ['svelte', 'browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  plugins: [
    {
      name: 'svelte',
      setup(b) {
        b.onResolve({ filter: /^\$lib\// }, (args) => ({
          path: resolve(dir, 'src/lib', `${args.path.slice(5)}.ts`),
        }));
        b.onLoad({ filter: /\.svelte$/ }, async (args) => ({
          contents: compile(await readFile(args.path, 'utf8'), { filename: args.path, generate: 'client' }).js
            .code,
          loader: 'js',
          resolveDir: resolve(args.path, '..'),
        }));
      },
    },
  ],
});

const site = await serveStatic(resolve(dir, 'public'));
const { tour, report } = await openTab();
await tour(site.url, 'Home', ['Product 1', 'About'], 'Product 1');
const ok = await report(['/', '/products/1', '/about', '/products/1'], { svelte: version(dir, 'svelte') });
site.close();
process.exit(ok ? 0 : 1);
