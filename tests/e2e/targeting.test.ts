import type { TouchpointConfig } from '@touchpoint/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openTab, recordEvents, type Site, startSite, type TouchpointLike } from './support/site';

// Trait targeting, schedules and priority on the built script tag, in Chromium: the page's
// clock is Playwright's, set per context, so a schedule is judged by the visitor's own clock.

const CONFIG: TouchpointConfig = {
  version: 1,
  surveys: [
    {
      id: 'pro-nps',
      metric: 'nps',
      question: 'How likely are you to recommend Pro?',
      when: { pages: ['/account'], user: { plan: ['pro', 'team'] } },
    },
    {
      id: 'january-csat',
      metric: 'csat',
      question: 'How was the January sale?',
      when: { pages: ['/help'] },
      startsAt: '2027-01-15',
      endsAt: '2027-02-01',
    },
    {
      id: 'everyday-nps',
      metric: 'nps',
      question: 'Would you recommend this product?',
      when: { pages: ['/products/**'] },
    },
    {
      id: 'launch-csat',
      metric: 'csat',
      question: 'How do you like the new product page?',
      when: { pages: ['/products/**'] },
      priority: 5,
    },
  ],
  limits: { maxPerSession: 3 },
};

type Traited = TouchpointLike & { identify(id: string, traits?: unknown): void };

let browser: Browser;
let site: Site;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite({ config: CONFIG }), launchBrowser()]);
});

afterAll(() => Promise.all([browser?.close(), site?.close()]));

/** A fresh visitor whose clock reads `time`. */
async function visitor(time: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.clock.install({ time: new Date(time) });
  await recordEvents(context);
  return context;
}

/** Lets fake and real time pass, so a due survey's widget file loads and renders. */
async function pass(context: BrowserContext, ms = 2000) {
  await context.clock.runFor(ms);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const dialogs = (page: Page) => page.getByRole('dialog').count();
const explainOf = (page: Page, id: string) =>
  page.evaluate(
    (id) => (window as unknown as { Touchpoint: Traited }).Touchpoint.explain().find((s) => s.id === id),
    id,
  );

describe('targeting in the browser', () => {
  it('shows a trait-targeted survey after identify(…, { plan: "pro" }) and not before', async () => {
    const context = await visitor('2027-01-20T10:00:00Z');
    try {
      const { page } = await openTab(context, `${site.url}/account`);
      await pass(context);
      expect(await dialogs(page)).toBe(0);
      expect((await explainOf(page, 'pro-nps'))?.reasons.filter((r) => !r.ok).map((r) => r.rule)).toEqual([
        'user',
      ]);
      await page.evaluate(() =>
        (window as unknown as { Touchpoint: Traited }).Touchpoint.identify('u-7', { plan: 'free' }),
      );
      await pass(context);
      expect(await dialogs(page)).toBe(0);
      await page.evaluate(() =>
        (window as unknown as { Touchpoint: Traited }).Touchpoint.identify('u-7', {
          plan: 'pro',
          email: 'someone@example.com',
        }),
      );
      await pass(context);
      await page
        .getByRole('dialog', { name: 'How likely are you to recommend Pro?' })
        .waitFor({ timeout: 10_000 });
      // Only the trait the configuration names is kept on the device.
      expect(await page.evaluate(() => localStorage.getItem('tp_traits'))).toBe('{"plan":"pro"}');
    } finally {
      await context.close();
    }
  });

  it.each([
    ['before its window', '2027-01-14T23:59:00Z', false],
    ['inside its window', '2027-01-20T10:00:00Z', true],
    ['after its window', '2027-02-01T00:01:00Z', false],
  ])('shows a scheduled survey only inside its window: %s', async (_, time, shows) => {
    const context = await visitor(time);
    try {
      const { page } = await openTab(context, `${site.url}/help`);
      await pass(context);
      if (shows)
        await page.getByRole('dialog', { name: 'How was the January sale?' }).waitFor({ timeout: 10_000 });
      else {
        expect(await dialogs(page)).toBe(0);
        const failed = (await explainOf(page, 'january-csat'))?.reasons
          .filter((r) => !r.ok)
          .map((r) => r.rule);
        expect(failed).toEqual([time < '2027-01-15' ? 'startsAt' : 'endsAt']);
      }
    } finally {
      await context.close();
    }
  });

  it('shows the higher-priority survey when two are due at once', async () => {
    const context = await visitor('2027-01-20T10:00:00Z');
    try {
      const { page } = await openTab(context, `${site.url}/products/x`);
      await pass(context);
      await page
        .getByRole('dialog', { name: 'How do you like the new product page?' })
        .waitFor({ timeout: 10_000 });
      expect(await dialogs(page)).toBe(1);
      expect(
        (await explainOf(page, 'everyday-nps'))?.reasons.filter((r) => !r.ok).map((r) => r.rule),
      ).toEqual(['open']);
    } finally {
      await context.close();
    }
  });
});
