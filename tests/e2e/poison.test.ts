import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type Served, serve } from './support/serve';
import { ready, trackMany } from './support/site';

// One event a collector never accepts must not hold back or cost the others, and a collector
// that refuses everything (an outage) never causes a drop (SPEC "Wire format"), proved on the
// built script tag in Chromium. The adapter's timers run on Playwright's fake clock.

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

interface Body {
  events: { id: string; name?: string }[];
  dropped?: number;
}

/** A collector that answers `refusal` to any request carrying an event named `poison`, or to every request while `down`. */
function createCollector() {
  const collector = {
    refusal: 400,
    down: false,
    /** Ids acknowledged with a 200. */
    accepted: new Set<string>(),
    /** Every body received, with the answer given. */
    requests: [] as { status: number; body: Body }[],
    route(req: IncomingMessage, res: ServerResponse) {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const body = JSON.parse(text) as Body;
        const poisoned = body.events.some((event) => event.name === 'poison');
        const status = collector.down ? 503 : poisoned ? collector.refusal : 200;
        collector.requests.push({ status, body });
        if (status === 200) for (const event of body.events) collector.accepted.add(event.id);
        res.writeHead(status).end();
      });
    },
    reset() {
      collector.refusal = 400;
      collector.down = false;
      collector.accepted.clear();
      collector.requests = [];
    },
  };
  return collector;
}

const collector = createCollector();
let browser: Browser;
let site: Served;

beforeAll(async () => {
  site = await serve({
    routes: {
      '/touchpoint.js': { body: readFileSync(`${DIST}touchpoint.js`) },
      '/': {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="/touchpoint.js" data-endpoint="/collect"></script></head><body><h1>Shop</h1></body></html>`,
      },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
      '/collect': collector.route,
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(() => collector.reset());

/** A tab on the fake clock, with its console errors. */
async function openShop(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('[touchpoint]')) errors.push(message.text());
  });
  await page.goto(`${site.url}/`);
  await ready(page);
  return { context, page, errors };
}

/** Twenty events, the eighth named `poison`; their ids in order. */
async function trackTwenty(page: Page): Promise<{ good: string[]; poison: string }> {
  const before = await trackMany(page, 'item_viewed', 7);
  const [poison] = await trackMany(page, 'poison', 1);
  const after = await trackMany(page, 'item_viewed', 12);
  return { good: [...before, ...after], poison: poison as string };
}

/** Moves the fake clock on a second at a time until `done()` or `seconds` have passed; returns the seconds used. */
async function runClock(context: BrowserContext, done: () => boolean, seconds: number): Promise<number> {
  let elapsed = 0;
  while (!done() && elapsed < seconds) {
    await context.clock.runFor(1000);
    elapsed++;
    // Real time for the requests and IndexedDB, which the fake clock does not drive.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return elapsed;
}

describe('an event the collector never accepts', () => {
  for (const refusal of [400, 503]) {
    it(`delivers the nineteen others within a minute and reports the one answered ${refusal}`, async () => {
      collector.refusal = refusal;
      const { context, page, errors } = await openShop();
      const { good, poison } = await trackTwenty(page);
      const reported = () => errors.some((error) => error.includes(poison));
      const delivered = () => good.every((id) => collector.accepted.has(id));
      const seconds = await runClock(context, () => delivered() && reported(), 60);
      expect(good.filter((id) => !collector.accepted.has(id))).toEqual([]);
      expect(collector.accepted.has(poison)).toBe(false);
      expect(errors).toEqual([
        `[touchpoint] collector answered ${refusal} to event ${poison} (track) alone; event dropped`,
      ]);
      console.log(
        `[poison] ${refusal}: 19 of 20 delivered and 1 reported after ${seconds} fake s, ${collector.requests.length} requests`,
      );
      // Counted in the next batch's `dropped`, and never sent again.
      const more = await trackMany(page, 'item_viewed', 20);
      await runClock(context, () => more.every((id) => collector.accepted.has(id)), 30);
      const sent = collector.requests.map((request) => request.body);
      expect(sent.reduce((sum, body) => sum + (body.dropped ?? 0), 0)).toBe(1);
      const last = sent.findLastIndex((body) => body.events.some((event) => event.id === poison));
      expect(sent.slice(last + 1).some((body) => body.events.some((event) => event.id === poison))).toBe(
        false,
      );
      await context.close();
    });
  }
});

describe('an outage', () => {
  it('drops nothing while every request fails for a minute, and delivers everything after', async () => {
    collector.down = true;
    const { context, page, errors } = await openShop();
    const tracked = await trackMany(page, 'item_viewed', 20);
    await runClock(context, () => false, 60);
    expect(collector.requests.length).toBeGreaterThan(3);
    expect(collector.accepted.size).toBe(0);
    collector.down = false;
    // The backoff has grown during the minute: up to its 5 minute cap.
    await runClock(context, () => tracked.every((id) => collector.accepted.has(id)), 400);
    expect(tracked.filter((id) => !collector.accepted.has(id))).toEqual([]);
    expect(collector.requests.some((request) => request.body.dropped)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
