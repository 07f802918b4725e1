// Measures how Next.js App Router navigations reach Touchpoint: builds a small Next app that uses
// @touchpoint/react as the README's recipe says (a client component in the root layout), drives
// it in Chromium, and prints every history call and every page view the collector received.
// Not part of `pnpm test`: Next.js is too heavy for the workspace's install. Run by hand:
//
//   npx pnpm@10 build
//   node demo/react/next-check/check.mjs /tmp/next-check   # a scratch folder; npm installs next there
//
// It packs the workspace's packages (as npm would publish them) into that folder, installs them
// with next, react and react-dom (no install scripts), then `next build` and `next start` on
// 127.0.0.1. Exits 1 when a navigation did not give exactly one page view.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = resolve(process.argv[2] ?? '/tmp/next-check');
const run = (cmd, args, cwd = dir) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

mkdirSync(join(dir, 'packs'), { recursive: true });
for (const pkg of ['core', 'adapter', 'widget', 'react'])
  run(
    'npx',
    ['-y', 'pnpm@10', 'pack', '--pack-destination', join(dir, 'packs')],
    join(root, 'packages', pkg),
  );
const packs = readdirSync(join(dir, 'packs')).map((file) => `./packs/${file}`);

const files = {
  'package.json': JSON.stringify({ name: 'next-check', private: true }),
  'next.config.mjs': 'export default {};\n',
  // The recipe of packages/react/README.md, as written there.
  'app/touchpoint.tsx': `'use client';
import { TouchpointProvider } from '@touchpoint/react';
import type { ReactNode } from 'react';

const config = {
  version: 1 as const,
  stages: { '/products/**': 'interest' },
  surveys: [{ id: 'nps', metric: 'nps' as const, question: 'How likely are you to recommend us?' }],
};

export function Touchpoint({ children }: { children: ReactNode }) {
  return (
    <TouchpointProvider options={{ config }} endpoint="/collect">
      {children}
    </TouchpointProvider>
  );
}
`,
  'app/layout.tsx': `import type { ReactNode } from 'react';
import { Touchpoint } from './touchpoint';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Touchpoint>{children}</Touchpoint>
      </body>
    </html>
  );
}
`,
  'app/nav.tsx': `'use client';
import { FeedbackButton } from '@touchpoint/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

export function Nav() {
  const router = useRouter();
  return (
    <nav>
      <Link href="/">Home</Link> <Link href="/products/1">Product 1</Link> <Link href="/products/2">Product 2</Link>{' '}
      <button type="button" onClick={() => router.push('/about?from=push')}>About by router.push</button>{' '}
      <button type="button" onClick={() => router.replace('/products/1?sort=price')}>Sort by router.replace</button>{' '}
      <FeedbackButton surveyId="nps" />
    </nav>
  );
}
`,
  'app/page.tsx': `import { Nav } from './nav';
export default function Home() {
  return <><Nav /><h1>Home</h1></>;
}
`,
  'app/about/page.tsx': `import { Nav } from '../nav';
export default function About() {
  return <><Nav /><h1>About</h1></>;
}
`,
  'app/products/[id]/stage.tsx': `'use client';
import { useStage } from '@touchpoint/react';
export function Stage({ id }: { id: string }) {
  useStage('interest', { sku: id });
  return null;
}
`,
  'app/products/[id]/page.tsx': `import { Nav } from '../../nav';
import { Stage } from './stage';
export default async function Product({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <><Nav /><Stage id={id} /><h1>Product {id}</h1></>;
}
`,
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}
run('npm', [
  'install',
  '--ignore-scripts',
  '--no-audit',
  '--no-fund',
  'next',
  'react@^19',
  'react-dom@^19',
  'typescript',
  '@types/react',
  ...packs,
]);
run('npx', ['next', 'build']);

const port = await new Promise((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => done(port));
  });
});
const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
  cwd: dir,
  stdio: 'inherit',
  detached: true,
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  if (
    await fetch(base).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 300));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const tab = await browser.newPage();
const received = [];
await tab.route('**/collect', async (route) => {
  received.push(...JSON.parse(route.request().postData() ?? '{"events":[]}').events);
  await route.fulfill({ status: 200, body: '{}' });
});
await tab.addInitScript(() => {
  window.__history = [];
  const where = (url) => {
    if (url === undefined || url === null) return '(same URL)';
    const { pathname, search } = new URL(String(url), location.href);
    return pathname + search;
  };
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function (...args) {
      window.__history.push(`${method} ${where(args[2])}`);
      return original.apply(this, args);
    };
  }
  addEventListener('popstate', () => window.__history.push(`popstate ${location.pathname}`));
});
const wait = async (text) => tab.getByRole('heading', { name: text }).waitFor();
await tab.goto(base);
await wait('Home');
await tab.getByRole('link', { name: 'Product 1' }).click();
await wait('Product 1');
await tab.getByRole('link', { name: 'Product 2' }).click();
await wait('Product 2');
await tab.getByRole('button', { name: 'About by router.push' }).click();
await wait('About');
await tab.goBack();
await wait('Product 2');
await tab.getByRole('button', { name: 'Sort by router.replace' }).click();
await wait('Product 1');
await tab.getByRole('button', { name: 'Give feedback' }).click();
await tab.getByRole('dialog', { name: 'How likely are you to recommend us?' }).waitFor();
const want = ['/', '/products/1', '/products/2', '/about?from=push', '/products/2', '/products/1?sort=price'];
const pagesOf = () =>
  received.filter((e) => e.type === 'page').map((e) => `${e.page.path}${new URL(e.page.url).search}`);
// The adapter sends a partial batch every 5 s.
for (let i = 0; i < 75 && pagesOf().length < want.length; i++) await new Promise((r) => setTimeout(r, 200));
await new Promise((r) => setTimeout(r, 1000));
const calls = await tab.evaluate(() => window.__history);
await browser.close();
process.kill(-server.pid);

const pages = pagesOf();
const stages = received
  .filter((e) => e.type === 'stage')
  .map((e) => `${e.stage} ${JSON.stringify(e.props)} ${e.page.path}`);
console.log(
  JSON.stringify(
    {
      next: JSON.parse(execFileSync('npm', ['ls', 'next', '--json'], { cwd: dir })).dependencies.next.version,
      history: calls,
      pages,
      stages,
      shown: received.filter((e) => e.type === 'survey_shown').length,
    },
    null,
    2,
  ),
);
process.exit(JSON.stringify(pages) === JSON.stringify(want) ? 0 : 1);
