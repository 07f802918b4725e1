import type { TouchpointConfig } from '@touchpoint/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openTab, recordEvents, type Site, startSite, type TouchpointLike } from './support/site';

// The survey rules on the built script tag where they are not pure: two tabs of one browser
// context sharing storage, a configuration that changes between loads (served by a route the
// test controls), a first visit with nothing cached, and a refusal of consent. Delays run on
// Playwright's fake clock.

const CLICKED: TouchpointConfig = {
  version: 1,
  surveys: [
    { id: 's1', metric: 'nps', question: 'Recommend us?', when: { event: 'clicked' }, cooldownDays: 30 },
    { id: 's2', metric: 'csat', question: 'Satisfied?', when: { event: 'other' }, cooldownDays: 30 },
  ],
  limits: { maxPerSession: 5 },
};

let browser: Browser;
let site: Site;
let context: BrowserContext;
/** What /touchpoint.config.json answers now, and how long it takes (real ms). */
let served: { config: TouchpointConfig; delayMs: number };

beforeAll(async () => {
  site = await startSite({ config: CLICKED });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  site.collector.reset();
  served = { config: CLICKED, delayMs: 0 };
  context = await browser.newContext();
  await context.clock.install();
  await recordEvents(context);
  await context.route('**/touchpoint.config.json', async (route) => {
    const { config, delayMs } = served;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }).catch(() => {});
  });
  return () => context.close();
});

const dialog = (page: Page) => page.getByRole('dialog');
const track = (page: Page, name: string) =>
  page.evaluate((name) => (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.track(name), name);
const storedHistory = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('tp_history') ?? 'null'));
/** Survey ids made due in this document, as the core signals them. */
const watchDue = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { Touchpoint: TouchpointLike; __due: string[] };
    w.__due = [];
    w.Touchpoint.on('survey_due', ((due: { survey: { id: string } }) =>
      w.__due.push(due.survey.id)) as never);
  });
const dues = (page: Page) => page.evaluate(() => (window as unknown as { __due: string[] }).__due);

async function pass(ms: number) {
  await context.clock.runFor(ms);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('survey rules across tabs', () => {
  it("never shows a survey another tab dismissed, and keeps both tabs' surveys in the history", async () => {
    const a = await openTab(context, `${site.url}/`);
    const b = await openTab(context, `${site.url}/other`);
    await track(a.page, 'clicked');
    await dialog(a.page).waitFor({ timeout: 10_000 });
    await a.page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog(a.page).count()).toBe(0);

    await watchDue(b.page);
    await track(b.page, 'clicked');
    await pass(500);
    expect(await dues(b.page)).toEqual([]);
    expect(await dialog(b.page).count()).toBe(0);

    await track(b.page, 'other');
    await dialog(b.page).waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => Object.keys((await storedHistory(b.page))?.surveys ?? {}).sort())
      .toEqual(['s1', 's2']);
    expect((await storedHistory(a.page)).session.shown).toBe(2);

    // A new tab, seconds later: s1 is still in its cooldown.
    const c = await openTab(context, `${site.url}/`);
    await watchDue(c.page);
    await track(c.page, 'clicked');
    await pass(500);
    expect(await dues(c.page)).toEqual([]);
  });
});

describe('survey rules across configuration updates and first visits', () => {
  it('never shows a survey the fresh configuration dropped while its delay was pending', async () => {
    const delayed: TouchpointConfig = {
      version: 1,
      surveys: [{ id: 'x', metric: 'nps', question: 'Delayed?', when: { pages: ['/'], delayMs: 10_000 } }],
    };
    served = { config: delayed, delayMs: 0 };
    // First load caches `delayed`; its prompt is not waited for.
    const first = await openTab(context, `${site.url}/other`);
    await expect.poll(() => first.page.evaluate(() => localStorage.getItem('tp_config'))).not.toBeNull();
    await first.page.close();

    served = { config: { version: 1, surveys: [] }, delayMs: 400 };
    const tab = await openTab(context, `${site.url}/`);
    await watchDue(tab.page);
    await expect
      .poll(() =>
        tab.page.evaluate(
          () => (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.explain().length,
        ),
      )
      .toBe(0);
    await pass(11_000);
    expect(await dues(tab.page)).toEqual([]);
    expect(await dialog(tab.page).count()).toBe(0);
  });

  it('counts an event and a show() queued before the script for the configuration that arrives later, once', async () => {
    served = {
      config: {
        version: 1,
        surveys: [
          {
            id: 'done-csat',
            metric: 'csat',
            question: 'Checkout ok?',
            when: { pages: ['/checkout/done'], event: 'order_completed' },
          },
          { id: 'fb-nps', metric: 'nps', question: 'Recommend us?', when: { pages: ['/nowhere'] } },
        ],
        limits: { maxPerSession: 5 },
      },
      delayMs: 400,
    };
    await context.addInitScript(() => {
      const w = window as unknown as { Touchpoint: unknown[][]; __due: string[] };
      w.__due = [];
      w.Touchpoint.push([
        'on',
        'survey_due',
        (due: { survey: { id: string } }) => w.__due.push(due.survey.id),
      ]);
      w.Touchpoint.push(['track', 'order_completed']);
      w.Touchpoint.push(['show', 'fb-nps']);
    });
    const tab = await openTab(context, `${site.url}/checkout/done`);
    await expect.poll(() => dues(tab.page), { timeout: 10_000 }).toEqual(['done-csat', 'fb-nps']);
    await pass(2000);
    expect(await dues(tab.page)).toEqual(['done-csat', 'fb-nps']);
    expect(tab.messages.filter((m) => /unknown survey/.test(m))).toEqual([]);
  });
});

describe('consent refused on a first visit', () => {
  it('creates no IndexedDB database', async () => {
    const consentSite = await startSite({ config: CLICKED, tag: 'data-require-consent' });
    try {
      const tab = await openTab(context, `${consentSite.url}/`);
      await tab.page.evaluate(() =>
        (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.consent(false),
      );
      await pass(5000);
      expect(await tab.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(
        [],
      );
    } finally {
      await consentSite.close();
    }
  });
});
