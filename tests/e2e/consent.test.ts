import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openTab, recordEvents, type Site, startSite, type TouchpointLike, trackMany } from './support/site';

// data-require-consent on the built script tag: before Touchpoint.consent(true) nothing reaches
// IndexedDB, localStorage or the network; after it, what was tracked meanwhile is delivered.

let browser: Browser;
let site: Site;

beforeAll(async () => {
  site = await startSite({ tag: 'data-require-consent' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What the page keeps: IndexedDB database names and localStorage keys. */
const stored = (page: import('playwright-core').Page) =>
  page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    localStorage: Object.keys(localStorage),
  }));

describe('consent on the script tag', () => {
  it('stores and sends nothing before consent(true), then delivers what was tracked meanwhile', async () => {
    const context = await browser.newContext();
    await context.clock.install();
    await recordEvents(context);
    const posts: string[] = [];
    context.on('request', (r) => {
      if (r.method() === 'POST' || new URL(r.url()).pathname === '/collect') posts.push(r.url());
    });
    const tab = await openTab(context, `${site.url}/products/x`);
    const tracked = await trackMany(tab.page, 'item_viewed', 25);
    await tab.page.evaluate(() =>
      (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.stage('interest', { sku: 'X1' }),
    );
    // Flush intervals and retries would have run by now.
    await context.clock.fastForward(60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stored(tab.page)).toEqual({ databases: [], localStorage: [] });
    expect(posts).toEqual([]);
    expect(site.collector.requests).toEqual([]);

    await tab.page.evaluate(() =>
      (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.consent(true),
    );
    const ids = await tab.ids();
    expect(ids).toEqual(expect.arrayContaining(tracked));
    // The first full batch goes at once, in real time. The page's clock is moved on only after
    // it arrived, so IndexedDB has answered by then: a clock jumping past the adapter's 3 s
    // first-answer deadline while the database still opens would read as a hung IndexedDB,
    // which no real clock does.
    await expect.poll(() => site.collector.requests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    for (let i = 0; i < 10 && site.collector.missing(ids).length; i++) {
      await context.clock.fastForward(10_000);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect({ missing: site.collector.missing(ids).length, messages: tab.messages }).toEqual({
      missing: 0,
      messages: [],
    });
    const after = await stored(tab.page);
    expect(after.databases).toEqual(['touchpoint-queue /collect']);
    expect(after.localStorage.length).toBeGreaterThan(0);
    expect(tab.messages).toEqual([]);
    await context.close();
  });
});
