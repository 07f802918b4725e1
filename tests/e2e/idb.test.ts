import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openTab, recordEvents, type Site, startSite, trackMany } from './support/site';

// Without usable IndexedDB (removed, or open() throwing as in some private modes and locked-down
// embeds), the built script tag keeps its queue in memory: events still arrive, retries
// included, and the page is told once.

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

const BREAKS: { what: string; script: () => void }[] = [
  {
    what: 'removed',
    script: () => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
  },
  {
    what: 'throwing on open()',
    script: () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    },
  },
];

describe('delivery without IndexedDB', () => {
  for (const { what, script } of BREAKS) {
    it(`delivers from memory, through a 503 and its retry, when IndexedDB is ${what}, warning once`, async () => {
      const context = await browser.newContext();
      await context.clock.install();
      await context.addInitScript(script);
      await recordEvents(context);
      site.collector.mode = '503';
      const tab = await openTab(context, `${site.url}/`);
      await trackMany(tab.page, 'item_viewed', 30);
      await expect.poll(() => site.collector.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
      site.collector.restore();
      const ids = await tab.ids();
      for (let i = 0; i < 20 && site.collector.missing(ids).length; i++) {
        await context.clock.fastForward(60_000);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(site.collector.missing(ids)).toEqual([]);
      const idb = tab.messages.filter((m) => /IndexedDB/.test(m));
      expect(idb).toHaveLength(1);
      expect(idb[0]).toMatch(/^\[touchpoint\] .*memory/);
      expect(tab.messages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
      await context.close();
    });
  }
});
