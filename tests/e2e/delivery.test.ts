import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import type { Mode } from './support/collector';
import { openTab, recordEvents, type Site, startSite, type Tab, trackMany } from './support/site';

// No loss, proved on the built script tag: events tracked while the collector fails (or the
// browser is offline) survive a reload in IndexedDB and all arrive, by id, once it recovers.
// Delivery is at-least-once: duplicates are tolerated and printed, never required to be zero.
//
// The adapter's timers (5 s flush interval, backoff from 1 s, Retry-After) run on Playwright's
// fake clock, installed per context, so the suite fast-forwards instead of waiting.

let browser: Browser;
let site: Site;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(() => site.collector.reset());

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.clock.install();
  await recordEvents(context);
  return context;
}

/**
 * Moves the fake clock on a minute at a time (each pending retry or interval fires once per
 * jump) until every id is acknowledged; returns what is still missing after `seconds` of real
 * time. Bounded by real time, not by a number of jumps: on a loaded machine a page needs more
 * real time between jumps to read IndexedDB and post, whatever its fake clock says.
 */
async function deliver(context: BrowserContext, ids: string[], seconds = 40): Promise<string[]> {
  const end = Date.now() + seconds * 1000;
  while (site.collector.missing(ids).length && Date.now() < end) {
    await context.clock.fastForward(60_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return site.collector.missing(ids);
}

/** Waits (real time) until the collector has seen `n` more requests than `before`. */
const requestsAfter = (before: number, n = 1) =>
  expect.poll(() => site.collector.requests.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);

/** What a test prints about its run, so the report can quote duplicates and request counts. */
function note(what: string, ids: string[]) {
  const { requests, duplicates } = site.collector;
  const refused = requests.filter((r) => r.status !== 200).length;
  console.log(
    `[delivery] ${what}: ${ids.length} events, all delivered; ${duplicates} duplicates; ` +
      `${requests.length} requests (${refused} refused or hung)`,
  );
}

const FAILURES: { mode: Mode; what: string }[] = [
  { mode: '503', what: 'answers 503' },
  { mode: '429', what: 'answers 429 with Retry-After' },
  { mode: 'hang', what: 'never answers' },
];

describe('no event is lost while the collector fails', () => {
  for (const { mode, what } of FAILURES) {
    it(`delivers every event tracked while the collector ${what}, across a reload`, async () => {
      const context = await newContext();
      site.collector.mode = mode;
      const tab = await openTab(context, `${site.url}/`);
      // 30 events: more than a batch, so the adapter tries to send at once, and fails.
      const tracked = await trackMany(tab.page, 'item_viewed', 30);
      await requestsAfter(0);
      const ids = [...(await tab.ids())];
      expect(ids).toEqual(expect.arrayContaining(tracked));

      const before = site.collector.requests.length;
      await tab.page.reload();
      // The reloaded page found the stored events and tried again, still failing.
      await requestsAfter(before);
      ids.push(...(await tab.ids()));
      expect(site.collector.missing(tracked)).toHaveLength(tracked.length);

      site.collector.restore();
      expect(await deliver(context, ids)).toEqual([]);
      note(`collector ${mode}, 1 tab, 1 reload`, ids);
      expect(site.collector.malformed).toEqual([]);
      await context.close();
    });
  }

  it('waits for Retry-After before sending again after a 429', async () => {
    const context = await newContext();
    site.collector.mode = '429';
    site.collector.retryAfter = '120';
    const tab = await openTab(context, `${site.url}/`);
    const tracked = await trackMany(tab.page, 'item_viewed', 25);
    await requestsAfter(0);
    site.collector.restore();
    const before = site.collector.requests.length;
    // Flush ticks come and go, but the retry is 2 fake minutes away: nothing is sent.
    await context.clock.fastForward(110_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(site.collector.requests.length).toBe(before);
    await context.clock.fastForward(10_000);
    await expect.poll(() => site.collector.missing(tracked), { timeout: 10_000 }).toEqual([]);
    await context.close();
  });

  it('delivers every event tracked while the browser is offline, after a failed reload and a new visit', async () => {
    const context = await newContext();
    const tab = await openTab(context, `${site.url}/`);
    await context.setOffline(true);
    const tracked = await trackMany(tab.page, 'item_viewed', 30);
    const ids = await tab.ids();
    expect(ids).toEqual(expect.arrayContaining(tracked));
    // Offline, the adapter does not even try: no request reaches the collector.
    await context.clock.fastForward(60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(site.collector.missing(tracked)).toHaveLength(tracked.length);
    // The reload fails offline (Chromium's error page), so this document is gone for good.
    // (Chromium lets one request of the unloading page through its offline emulation at times;
    // whatever arrives then is counted like the rest.)
    await tab.page.reload().catch(() => {});
    await context.setOffline(false);
    const next = await openTab(context, `${site.url}/other`);
    ids.push(...(await next.ids()));
    expect(await deliver(context, ids)).toEqual([]);
    note('offline, 1 tab, failed reload, new visit', ids);
    await context.close();
  });
});

describe('no event is lost with several tabs', () => {
  for (const tabs of [2, 5]) {
    it(`delivers every event of ${tabs} tabs tracked during a 503 outage, across reloads`, async () => {
      const context = await newContext();
      site.collector.mode = '503';
      const open: Tab[] = [];
      for (let i = 0; i < tabs; i++) open.push(await openTab(context, `${site.url}/products/x`));
      const ids: string[] = [];
      for (const [i, tab] of open.entries()) {
        await trackMany(tab.page, `tab_${i}_event`, 25);
        ids.push(...(await tab.ids()));
      }
      await requestsAfter(0);
      for (const tab of open) {
        await tab.page.reload();
        ids.push(...(await tab.ids()));
      }
      expect(site.collector.missing(ids)).toHaveLength(ids.length);
      site.collector.restore();
      expect(await deliver(context, ids)).toEqual([]);
      note(`collector 503, ${tabs} tabs, each reloaded`, ids);
      // Web Locks keep one sender at a time, so the tabs do not race each other's batches.
      expect(site.collector.duplicates).toBeLessThanOrEqual(ids.length);
      await context.close();
    });
  }

  it("delivers a closed tab's events through the next page of the site when it closed mid-flush", async () => {
    const context = await newContext();
    site.collector.mode = 'hang';
    const tab = await openTab(context, `${site.url}/`);
    await trackMany(tab.page, 'item_viewed', 25);
    // A request is in flight (the collector holds it open) when the tab goes away.
    await requestsAfter(0);
    const ids = await tab.ids();
    await tab.page.close();
    site.collector.restore();
    expect(site.collector.missing(ids)).toHaveLength(ids.length);

    const after = site.collector.requests.length;
    const next = await openTab(context, `${site.url}/other`);
    const closed = [...ids];
    ids.push(...(await next.ids()));
    expect(await deliver(context, ids)).toEqual([]);
    // The closed tab's page-hide beacon may arrive too (its fate unknown to the tab, so the
    // events stay stored): the next page must have sent every one of them itself, from storage.
    const resent = site.collector.requests
      .slice(after)
      .filter((r) => r.status === 200 && r.contentType.startsWith('application/json'))
      .flatMap((r) => r.ids);
    expect(closed.filter((id) => !resent.includes(id))).toEqual([]);
    note('collector hung, tab closed mid-flush, next page', ids);
    await context.close();
  });
});
