import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { JourneyEvent, TouchpointConfig } from '@touchpoint/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type Served, serve } from './support/serve';

// The script tag as it ships: dist/touchpoint.js and dist/touchpoint-widget.js from `pnpm build`,
// on pages whose every response carries a strict CSP (nothing inline, everything from 'self'),
// delivering to a collector in this test.
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));
const CSP = "default-src 'self'";

const CONFIG: TouchpointConfig = {
  version: 1,
  stages: { '/': 'touchpoint', '/checkout/**': 'purchase' },
  surveys: [
    {
      id: 'checkout-csat',
      metric: 'csat',
      question: 'How satisfied are you with checkout today?',
      when: { pages: ['/checkout/done'] },
    },
  ],
};

const page = (
  title: string,
  stage: string,
  body: string,
  tag = '/touchpoint.js',
  tags = 1,
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="/queue.js"></script>
${`<script src="${tag}" async data-endpoint="/collect" data-config="/touchpoint.config.json"></script>`.repeat(tags)}
<script src="/page.js" defer></script></head><body data-tp-stage="${stage}">${body}</body></html>`;

// The pre-load queue, from a same-origin file because the CSP forbids inline scripts.
const QUEUE = `window.Touchpoint = window.Touchpoint || [];
if (location.pathname === '/') Touchpoint.push(['stage', 'interest', { sku: 'X1' }], ['track', 'promo_seen']);`;

// Adds a tagged button after load, which the delegated listener must still see.
const PAGE_JS = `addEventListener('load', () => {
  const late = document.createElement('button');
  late.id = 'late';
  late.textContent = 'Subscribe';
  late.setAttribute('data-tp-track', 'newsletter_subscribed');
  document.body.append(late);
});`;

const HOME = page(
  'Home',
  'touchpoint',
  '<h1>Acme</h1><button id="add" data-tp-track="add_to_cart" data-tp-stage="interest"><span>Add to cart</span></button>',
);
const DONE = page('Order done', 'purchase', '<h1>Thanks for your order</h1>');

/** Events received, by id: delivery is at-least-once, so a retry may repeat one. */
const received = new Map<string, JourneyEvent>();

const collect = (req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    try {
      for (const event of JSON.parse(body).events as JourneyEvent[]) received.set(event.id, event);
      res.writeHead(200).end('{}');
    } catch {
      res.writeHead(400).end();
    }
  });
};

let browser: Browser;
let server: Served;

beforeAll(async () => {
  if (!existsSync(`${DIST}touchpoint-widget.js`))
    throw new Error('dist/ is missing: run `npx pnpm@10 build` first');
  mkdirSync(SCREENS, { recursive: true });
  const js = (file: string) => ({ body: readFileSync(DIST + file) });
  server = await serve({
    headers: { 'content-security-policy': CSP },
    routes: {
      '/': { body: HOME },
      '/checkout/done': { body: DONE },
      '/twice': { body: page('Twice', 'touchpoint', '<h1>Twice</h1>', '/touchpoint.js', 2) },
      // The script arrives after the page has finished loading, as a slow CDN or a tag manager makes it.
      '/late': { body: page('Late', 'purchase', '<h1>Late</h1>', '/late/touchpoint.js') },
      '/late/touchpoint.js': (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': CSP });
          res.end(readFileSync(`${DIST}touchpoint.js`));
        }, 500);
      },
      '/queue.js': { body: QUEUE, type: 'text/javascript' },
      '/page.js': { body: PAGE_JS, type: 'text/javascript' },
      '/touchpoint.js': js('touchpoint.js'),
      '/touchpoint-widget.js': js('touchpoint-widget.js'),
      '/touchpoint.config.json': { body: JSON.stringify(CONFIG) },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
      '/collect': collect,
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  received.clear();
});

/**
 * Opens a path in a fresh context, recording requested paths, console problems and CSP
 * violations (listened for before any page script runs).
 */
async function open(path: string): Promise<{
  page: Page;
  requests: string[];
  problems: string[];
  violations: () => Promise<string[]>;
  close(): Promise<void>;
}> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  tab.on('request', (r) => requests.push(new URL(r.url()).pathname));
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await tab.goto(server.url + path);
  await tab.waitForFunction(() => window.Touchpoint && !Array.isArray(window.Touchpoint));
  return {
    page: tab,
    requests,
    problems,
    violations: () => tab.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    close: () => context.close(),
  };
}

/** What arrived, as `type:name-or-stage` in arrival order. */
const arrived = () => [...received.values()].map((e) => `${e.type}:${e.name ?? e.stage}`);

describe('the script tag in Chromium', () => {
  it('replays the queue, tags clicks (also on later elements) and delivers everything, loading no widget', async () => {
    const { page: tab, requests, problems, violations, close } = await open('/');
    await tab.click('#add span');
    await tab.click('#late');
    // The adapter sends on its interval; wait for the last click to arrive.
    await expect
      .poll(() => arrived(), { timeout: 15_000, interval: 250 })
      .toEqual(expect.arrayContaining(['track:newsletter_subscribed']));
    expect(arrived()).toEqual(
      expect.arrayContaining([
        'page:interest',
        'stage:interest',
        'track:promo_seen',
        'track:add_to_cart',
        'track:newsletter_subscribed',
      ]),
    );
    const events = [...received.values()];
    expect(events.find((e) => e.name === 'add_to_cart')?.stage).toBe('interest');
    expect(events.find((e) => e.type === 'stage')?.props).toEqual({ sku: 'X1' });
    // The queue replays in order, then the automatic page view, in the queued stage.
    expect(arrived().indexOf('stage:interest')).toBeLessThan(arrived().indexOf('track:promo_seen'));
    expect(arrived().indexOf('track:promo_seen')).toBeLessThan(arrived().indexOf('page:interest'));
    expect(requests).not.toContain('/touchpoint-widget.js');
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('loads the widget only when the page survey is due, shows it, and delivers the answer', async () => {
    const { page: tab, requests, problems, violations, close } = await open('/checkout/done');
    const five = tab.getByRole('radio', { name: /^5\b/ });
    await five.waitFor({ timeout: 10_000 });
    expect(requests.filter((p) => p === '/touchpoint-widget.js')).toHaveLength(1);
    // It came after the configuration said a survey is due, not with the first script.
    expect(requests.indexOf('/touchpoint-widget.js')).toBeGreaterThan(
      requests.indexOf('/touchpoint.config.json'),
    );
    await tab.screenshot({ path: `${SCREENS}script-checkout-csat.png` });
    await five.click();
    await expect
      .poll(() => arrived(), { timeout: 15_000, interval: 250 })
      .toEqual(expect.arrayContaining(['survey_answered:purchase']));
    const answer = [...received.values()].find((e) => e.type === 'survey_answered');
    expect(answer?.props).toMatchObject({ surveyId: 'checkout-csat', metric: 'csat', score: 5 });
    expect(arrived()).toEqual(expect.arrayContaining(['survey_shown:purchase']));
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  // When the document is no longer loading, the first page view is deferred to a microtask, so
  // connect() (subscribed in the same task) receives it.
  it('delivers the first page view when the script runs after the page has loaded', async () => {
    const { page: tab, close } = await open('/late');
    expect(await tab.evaluate(() => document.readyState)).not.toBe('loading');
    await tab.evaluate(() => (window.Touchpoint as { track(name: string): void }).track('after_late_load'));
    await expect
      .poll(() => arrived(), { timeout: 15_000, interval: 250 })
      .toEqual(expect.arrayContaining(['track:after_late_load']));
    expect(arrived()).toEqual(expect.arrayContaining(['page:purchase']));
    await close();
  });

  it('keeps the first instance when the script is loaded twice, and says so once', async () => {
    const { page: tab, problems, close } = await open('/twice');
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    expect(problems).toEqual([
      '[touchpoint] touchpoint.js was loaded twice; the first instance stays and this copy does nothing',
    ]);
    expect(await tab.evaluate(() => typeof (window.Touchpoint as { track?: unknown }).track)).toBe(
      'function',
    );
    await close();
  });
});

declare global {
  interface Window {
    Touchpoint?: unknown;
  }
}
