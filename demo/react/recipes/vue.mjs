// Checks the README's Vue 3 recipe: its touchpoint.ts as written, type-checked against Vue's and
// Vue Router's types, in a small app (render functions, so no SFC compiler is needed) bundled by
// esbuild and driven in Chromium. Prints the history calls and the delivered page views.
// Not part of `pnpm test`. By hand: npx pnpm@10 build && node demo/react/recipes/vue.mjs /tmp/vue-check
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { install, openTab, recipe, run, serveStatic, version, write } from './support.mjs';

const dir = resolve(process.argv[2] ?? '/tmp/vue-check');
const [plugin] = recipe('Vue 3');
const CONFIG = {
  version: 1,
  surveys: [{ id: 'nps', metric: 'nps', question: 'How likely are you to recommend us?' }],
};

write(dir, {
  'package.json': JSON.stringify({ name: 'vue-check', private: true, type: 'module' }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'preserve',
      moduleResolution: 'bundler',
      target: 'es2022',
      noEmit: true,
      skipLibCheck: true,
      lib: ['es2022', 'dom'],
    },
    include: ['src'],
  }),
  'src/touchpoint.ts': plugin,
  'src/main.ts': `import { createApp, defineComponent, h, inject } from 'vue';
import { createRouter, createWebHistory, RouterLink, RouterView } from 'vue-router';
import { touchpoint, touchpointKey } from './touchpoint';

const page = (title: string) => defineComponent({ render: () => h('h1', title) });
const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: page('Home') },
    { path: '/products/:id', component: defineComponent({ render() { return h('h1', 'Product ' + this.$route.params.id); } }), meta: { stage: 'interest' } },
    { path: '/about', component: page('About') },
  ],
});
const App = defineComponent({
  setup() {
    const tp = inject(touchpointKey, undefined);
    const link = (to: string, text: string) => h(RouterLink, { to }, () => text);
    return () => [
      h('nav', [link('/', 'Home'), link('/products/1', 'Product 1'), link('/products/2', 'Product 2'), link('/about', 'About'),
        h('button', { type: 'button', onClick: () => tp?.show('nps') }, 'Give feedback')]),
      h(RouterView),
    ];
  },
});
createApp(App)
  .use(router)
  .use(touchpoint({ endpoint: '/collect', options: { config: ${JSON.stringify(JSON.stringify(CONFIG))} }, router }))
  .mount('#app');
`,
  'public/index.html':
    '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head><body><div id="app"></div></body></html>',
});
install(dir, ['vue@^3', 'vue-router@^4', 'typescript']);
run('npx', ['tsc', '-p', '.'], dir);
await build({
  entryPoints: [resolve(dir, 'src/main.ts')],
  bundle: true,
  format: 'esm',
  outfile: resolve(dir, 'public/main.js'),
  define: {
    'process.env.NODE_ENV': '"production"',
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  logLevel: 'warning',
});

const site = await serveStatic(resolve(dir, 'public'));
const { tour, report } = await openTab();
await tour(site.url, 'Home', ['Product 1', 'Product 2', 'About'], 'Product 2');
const ok = await report(['/', '/products/1', '/products/2', '/about', '/products/2'], {
  vue: version(dir, 'vue'),
  'vue-router': version(dir, 'vue-router'),
});
site.close();
process.exit(ok ? 0 : 1);
