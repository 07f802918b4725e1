import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';

// The core as built (packages/core/dist), in real Chromium: an event right after pushState
// has the new route's stage, and an anchor click keeps the landing referrer.
const CORE = fileURLToPath(new URL('../../packages/core/dist/', import.meta.url));

const PAGE = `<!doctype html><title>Shop</title>
<a id="to-faq" href="#faq">FAQ</a><p style="height:3000px"></p><h2 id="faq">FAQ</h2>
<script type="module">
  import { createTouchpoint } from '/core/index.js';
  const config = {
    version: 1,
    stages: { '/app/products/**': 'interest', '/app/checkout/**': 'purchase' },
    surveys: [{ id: 'paid', metric: 'csat', question: 'How was checkout?', when: { event: 'order_completed', stage: 'purchase' } }],
  };
  const tp = createTouchpoint({ config });
  window.__events = [];
  window.__dues = [];
  tp.on('*', (e) => window.__events.push({ type: e.type, name: e.name, stage: e.stage, referrer: e.page.referrer }));
  tp.on('survey_due', (d) => window.__dues.push(d.survey.id));
  window.tp = tp;
</script>`;

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/core/')) {
      try {
        const body = readFileSync(CORE + url.pathname.slice('/core/'.length).replace(/\.\.+/g, ''));
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/app/products/x`, { referer: 'https://google.com/' });
  await page.waitForFunction(() =>
    (window as unknown as { __events?: { type: string }[] }).__events?.some((e) => e.type === 'page'),
  );
  return page;
}

describe('the core in Chromium', () => {
  it("gives an event right after pushState the new route's stage", async () => {
    const page = await open();
    const result = await page.evaluate(() => {
      const w = window as unknown as {
        tp: { track(n: string): void };
        __events: { name?: string; stage?: string }[];
        __dues: string[];
      };
      history.pushState(null, '', '/app/checkout/done');
      w.tp.track('order_completed');
      return { event: w.__events.at(-1), dues: [...w.__dues] };
    });
    expect(result.event).toMatchObject({ name: 'order_completed', stage: 'purchase' });
    expect(result.dues).toEqual(['paid']);
    await page.close();
  });

  it('keeps the landing referrer after an in-page anchor click', async () => {
    const page = await open();
    await page.click('#to-faq');
    await page.waitForFunction(() => location.hash === '#faq');
    const referrers = await page.evaluate(() => {
      const w = window as unknown as { tp: { track(n: string): void }; __events: { referrer?: string }[] };
      w.tp.track('read_faq');
      return w.__events.map((e) => e.referrer);
    });
    expect(referrers.length).toBeGreaterThan(1);
    expect(new Set(referrers)).toEqual(new Set(['https://google.com/']));
    await page.close();
  });
});
