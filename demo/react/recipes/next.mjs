// Measures how Next.js App Router navigations reach Touchpoint: builds a small Next app whose
// root layout and client component are the README's recipe as written, drives it in Chromium,
// and prints every history call and every page view the collector received.
// Not part of `pnpm test` (Next.js is too heavy for the workspace's install). By hand:
//
//   npx pnpm@10 build && node demo/react/recipes/next.mjs /tmp/next-check
//
// The folder is scratch space: npm installs next, react and react-dom there (no install
// scripts) with the workspace's packages packed as npm would publish them; then `next build`
// and `next start` on 127.0.0.1. Exits 1 unless each navigation gave exactly one page view.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { install, openTab, recipe, run, version, write } from './support.mjs';

const dir = resolve(process.argv[2] ?? '/tmp/next-check');
const [touchpoint, layout, stage] = recipe('Next.js App Router');
const CONFIG = {
  version: 1,
  stages: { '/products/**': 'interest' },
  surveys: [{ id: 'nps', metric: 'nps', question: 'How likely are you to recommend us?' }],
};

write(dir, {
  'package.json': JSON.stringify({ name: 'next-check', private: true }),
  'next.config.mjs': 'export default {};\n',
  'public/touchpoint.config.json': JSON.stringify(CONFIG),
  'app/touchpoint.tsx': touchpoint,
  'app/layout.tsx': layout,
  'app/products/[id]/stage.tsx': stage,
  'app/nav.tsx': `'use client';
import { FeedbackButton } from '@touchpoint/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

export function Nav() {
  const router = useRouter();
  return (
    <nav>
      <Link href="/">Home</Link> <Link href="/products/1">Product 1</Link> <Link href="/products/2">Product 2</Link>
      <button type="button" onClick={() => router.push('/about?from=push')}>About by router.push</button>
      <button type="button" onClick={() => router.replace('/products/1?sort=price')}>Sort by router.replace</button>
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
  'app/products/[id]/page.tsx': `import { Nav } from '../../nav';
import { Stage } from './stage';
export default async function Product({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <><Nav /><Stage id={id} /><h1>Product {id}</h1></>;
}
`,
});
install(dir, ['next', 'react@^19', 'react-dom@^19', 'typescript', '@types/react']);
run('npx', ['next', 'build'], dir);

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
  const up = await fetch(base).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  await new Promise((r) => setTimeout(r, 300));
}

const { tab, heading, report } = await openTab();
await tab.goto(base);
await heading('Home');
await tab.getByRole('link', { name: 'Product 1' }).click();
await heading('Product 1');
await tab.getByRole('link', { name: 'Product 2' }).click();
await heading('Product 2');
await tab.getByRole('button', { name: 'About by router.push' }).click();
await heading('About');
await tab.goBack();
await heading('Product 2');
await tab.getByRole('button', { name: 'Sort by router.replace' }).click();
await heading('Product 1');
await tab.getByRole('button', { name: 'Give feedback' }).click();
await tab.getByRole('dialog', { name: 'How likely are you to recommend us?' }).waitFor();
const ok = await report(
  ['/', '/products/1', '/products/2', '/about?from=push', '/products/2', '/products/1?sort=price'],
  {
    next: version(dir, 'next'),
    react: version(dir, 'react'),
  },
);
process.kill(-server.pid);
process.exit(ok ? 0 : 1);
