import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JourneyEvent } from '@touchpoint/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type Collector, createCollector } from './support/collector';

// The React example as it ships: demo/react/dist from `pnpm build` (Vite, React Router, React's
// development build so that Strict Mode runs every effect twice,
// @touchpoint/react and the packages bundled from their dist/ through node_modules), served
// under /react/ with the history-API fallback every SPA host has, and a collector at /collect.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'demo/react/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** The built app under /react/ (index.html for any path without a file), the collector at /collect. */
async function serveApp(collector: Collector): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/collect') return collector.route(req, res);
    if (!path.startsWith('/react/')) return void res.writeHead(404).end();
    const asked = normalize(join(DIST, path.slice('/react/'.length)));
    const file = asked.startsWith(`${DIST}/`) && extname(asked) !== '' ? asked : join(DIST, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let browser: Browser;
let collector: Collector;
let app: { url: string; server: Server };

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('demo/react/dist is missing: run `npx pnpm@10 build` first');
  collector = createCollector();
  app = await serveApp(collector);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  app?.server.closeAllConnections();
  await new Promise((resolve) => app?.server.close(resolve));
});

/** This visitor's events at the collector, in the order the browser created them. */
const eventsOf = (anonymousId: string): JourneyEvent[] =>
  [...collector.received.values()].filter((e) => e.anonymousId === anonymousId).sort((a, b) => a.ts - b.ts);

/** Waits until `done` holds for the visitor's events: the adapter sends a partial batch every 5 s. */
async function until(
  anonymousId: string,
  done: (events: JourneyEvent[]) => boolean,
): Promise<JourneyEvent[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const events = eventsOf(anonymousId);
    if (done(events) || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Console errors and warnings, and uncaught errors, of `tab` go to `problems`. */
function reportProblems(tab: Page, problems: string[]): void {
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  tab.on('pageerror', (e) => problems.push(e.message));
}

/** How the router changes the URL, measured: every history call, before the app's code runs (an init script). */
function recordHistory(): void {
  const w = window as unknown as { __history: string[] };
  w.__history = [];
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      w.__history.push(`${method} ${new URL(String(args[2] ?? location.href), location.href).pathname}`);
      return original.apply(this, args);
    };
  }
  addEventListener('popstate', () => w.__history.push(`popstate ${location.pathname}`));
}

describe('the React example at /react/', () => {
  let context: BrowserContext;
  let tab: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext();
    tab = await context.newPage();
    reportProblems(tab, problems);
    await tab.addInitScript(recordHistory);
  });

  afterAll(() => context?.close());

  const visitor = async (): Promise<string> =>
    JSON.parse((await tab.evaluate(() => localStorage.getItem('tp_aid'))) ?? 'null');
  const historyCalls = () => tab.evaluate(() => (window as unknown as { __history: string[] }).__history);

  it('navigates with React Router by history.pushState, and the CSAT shows after the order', async () => {
    await tab.goto(`${app.url}/react/`);
    await tab.getByRole('heading', { name: 'Gear for the long way round' }).waitFor();
    await tab.getByRole('link', { name: 'See the Trail Runner' }).click();
    await tab.getByRole('heading', { name: 'Trail Runner' }).waitFor();
    await tab.getByRole('button', { name: 'Add to cart' }).click();
    await tab.getByRole('heading', { name: 'Checkout' }).waitFor();
    await tab.getByRole('button', { name: 'Place order' }).click();
    await tab.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/react/checkout/done');
    // Strict Mode ran every effect twice (the example is built with React's development build).
    expect(await tab.locator('touchpoint-widget').count()).toBe(1);

    const dialog = tab.getByRole('dialog', { name: 'How satisfied are you with checkout today?' });
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('radio', { name: /^4\b/ }).click();
    // The follow-up question stays open until closed; the next test's prompt needs the room.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // React Router's BrowserRouter replaces the first entry (to number it) on load, then pushes
    // once per navigation. No reload either: it would have run the init script again and emptied
    // this list. The core counts a replaceState to the same URL as nothing.
    expect(await historyCalls()).toEqual([
      'replaceState /react/',
      'pushState /react/products/trail-runner',
      'pushState /react/checkout',
      'pushState /react/checkout/done',
    ]);
  });

  it('delivers exactly one page view per navigation, the stage of each page, the order and the score', async () => {
    const anonymousId = await visitor();
    const events = await until(anonymousId, (all) => all.some((e) => e.type === 'survey_answered'));
    const pages = events.filter((e) => e.type === 'page');
    expect(pages.map((e) => [e.page.path, e.stage])).toEqual([
      ['/react/', 'touchpoint'],
      ['/react/products/trail-runner', 'interest'],
      ['/react/checkout', 'purchase'],
      ['/react/checkout/done', 'purchase'],
    ]);
    // useStage on the product page, once, though Strict Mode runs its effect twice.
    expect(events.filter((e) => e.type === 'stage').map((e) => [e.stage, e.props, e.page.path])).toEqual([
      ['interest', { sku: 'TR-1' }, '/react/products/trail-runner'],
    ]);
    expect(events.filter((e) => e.type === 'track').map((e) => [e.name, e.page.path])).toEqual([
      ['add_to_cart', '/react/products/trail-runner'],
      ['order_completed', '/react/checkout/done'],
    ]);
    const answered = events.find((e) => e.type === 'survey_answered');
    expect(answered?.props).toMatchObject({ surveyId: 'react-checkout-csat', metric: 'csat', score: 4 });
    expect(collector.malformed).toEqual([]);
    expect(collector.duplicates).toBe(0);
  });

  it('counts back and forward (popstate) as one page view each', async () => {
    const anonymousId = await visitor();
    await tab.goBack();
    await tab.getByRole('heading', { name: 'Checkout' }).waitFor();
    await tab.goForward();
    await tab.getByRole('heading', { name: 'Thank you!' }).waitFor();
    const want = ['/react/checkout/done', '/react/checkout', '/react/checkout/done'];
    const pagesAfter = (all: JourneyEvent[]) =>
      all
        .filter((e) => e.type === 'page')
        .slice(3)
        .map((e) => e.page.path);
    const events = await until(anonymousId, (all) => pagesAfter(all).length >= want.length);
    expect(pagesAfter(events)).toEqual(want);
  });

  it('opens the NPS from the "Give feedback" button by keyboard, and the answer reaches the collector', async () => {
    const anonymousId = await visitor();
    const button = tab.getByRole('button', { name: 'Give feedback' });
    await button.focus();
    await tab.keyboard.press('Enter');
    const nps = tab.getByRole('dialog', { name: 'How likely are you to recommend Fieldnote to a friend?' });
    await nps.waitFor();
    await nps.getByRole('button', { name: 'Close' }).click();
    await nps.waitFor({ state: 'detached' });
    await button.focus();
    await tab.keyboard.press('Space');
    await nps.waitFor();
    await nps.getByRole('radio', { name: /^9\b/ }).click();
    const events = await until(anonymousId, (all) =>
      all.some((e) => e.type === 'survey_answered' && e.props?.surveyId === 'react-nps'),
    );
    const nps9 = events.filter((e) => e.props?.surveyId === 'react-nps').map((e) => [e.type, e.props?.score]);
    expect(nps9).toEqual([
      ['survey_shown', undefined],
      ['survey_dismissed', undefined],
      ['survey_shown', undefined],
      ['survey_answered', 9],
    ]);
    expect(problems).toEqual([]);
  });
});

describe('@touchpoint/react on a server (the built package, in its own Node process)', () => {
  it('renders with renderToString, sends nothing, prints nothing and lets the process exit', async () => {
    let requests = 0;
    const target = createServer((_req, res) => {
      requests++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(target.address() as AddressInfo).port}/collect`;
    // Plain createElement: the child runs the published ESM files, no TypeScript, no JSX.
    const script = `
      import { createElement as h } from 'react';
      import { renderToString } from 'react-dom/server';
      import { FeedbackButton, TouchpointProvider, useStage, useTouchpoint } from '@touchpoint/react';
      function Page() {
        useStage('interest');
        return h('p', null, useTouchpoint() ? 'live' : 'not yet', h(FeedbackButton, { surveyId: 'nps' }));
      }
      const html = renderToString(h(TouchpointProvider, {
        endpoint: ${JSON.stringify(endpoint)},
        options: { config: { version: 1, surveys: [{ id: 'nps', metric: 'nps', question: 'Recommend us?' }] } },
      }, h(Page)));
      process.stdout.write(html);
    `;
    const started = Date.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const took = Date.now() - started;
    // A little longer than the adapter's 5 s interval would need to show a request.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('<p>not yet<button type="button">Give feedback</button></p>');
    expect(requests).toBe(0);
    // It exited on its own: nothing (an interval, a socket) kept it alive.
    expect(took).toBeLessThan(15_000);
  });
});
