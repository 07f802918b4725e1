import type { TouchpointConfig } from '@touchpoint/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openTab, recordEvents, type Site, startSite, type Tab, type TouchpointLike } from './support/site';

// Surveys per page on the built script tag: a prompt shows only where the configuration puts
// it, after its delay, for the sampled share, within the limits, and SPA navigations count as
// page views. The delay runs on Playwright's fake clock.

const CONFIG: TouchpointConfig = {
  version: 1,
  stages: { '/': 'touchpoint', '/products/**': 'interest', '/checkout/**': 'purchase', '/help': 'service' },
  surveys: [
    {
      id: 'checkout-csat',
      metric: 'csat',
      question: 'How satisfied are you with checkout today?',
      when: { pages: ['/checkout/done'], delayMs: 10_000 },
    },
    // Sampled out for everyone: never shows.
    {
      id: 'product-nps',
      metric: 'nps',
      question: 'Would you recommend this product?',
      when: { pages: ['/products/**'] },
      sample: 0,
    },
    {
      id: 'help-ces',
      metric: 'ces',
      question: 'How easy was it to solve your problem today?',
      when: { pages: ['/help'] },
    },
  ],
  limits: { maxPerSession: 1 },
};

let browser: Browser;
let site: Site;
let context: BrowserContext;

beforeAll(async () => {
  site = await startSite({ config: CONFIG });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  site.collector.reset();
  context = await browser.newContext();
  await context.clock.install();
  await recordEvents(context);
  return () => context.close();
});

/** How often a widget file (English or one per language) was requested by this context. */
function widgetRequests(): () => number {
  let n = 0;
  context.on('request', (r) => {
    if (/^\/touchpoint-widget(\.\w+)?\.js$/.test(new URL(r.url()).pathname)) n++;
  });
  return () => n;
}

const dialogs = (page: Page) => page.getByRole('dialog').count();
const tp = (page: Page) =>
  page.evaluate(() => (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.explain());

/** Lets real and fake time pass: timers due within `ms` fire, then the page settles. */
async function pass(ms: number) {
  await context.clock.runFor(ms);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('surveys per page', () => {
  it('shows nothing on pages without a survey, and never loads the widget there', async () => {
    const requested = widgetRequests();
    for (const path of ['/', '/other', '/account']) {
      const { page } = await openTab(context, site.url + path);
      await pass(10_000);
      expect(await dialogs(page), path).toBe(0);
      expect((await tp(page)).every((s) => !s.eligible)).toBe(true);
    }
    expect(requested()).toBe(0);
  });

  it('never shows a survey sampled at 0, and explain() says so', async () => {
    const requested = widgetRequests();
    const { page } = await openTab(context, `${site.url}/products/x`);
    await pass(10_000);
    expect(await dialogs(page)).toBe(0);
    expect(requested()).toBe(0);
    const nps = (await tp(page)).find((s) => s.id === 'product-nps');
    expect(nps?.reasons.find((r) => r.rule === 'pages')?.ok).toBe(true);
    expect(nps?.reasons.find((r) => r.rule === 'sample')?.ok).toBe(false);
  });

  it('shows the checkout survey only after its delay', async () => {
    const requested = widgetRequests();
    const { page } = await openTab(context, `${site.url}/checkout/done`);
    // Well short of the delay, so the real time the page takes to load cannot make up the rest.
    await pass(8000);
    expect(await dialogs(page)).toBe(0);
    expect(requested()).toBe(0);
    await pass(2500);
    await page
      .getByRole('dialog', { name: 'How satisfied are you with checkout today?' })
      .waitFor({ timeout: 10_000 });
    expect(requested()).toBe(1);
  });

  it('caps prompts per session: after the checkout survey, the help survey does not show', async () => {
    const checkout = await openTab(context, `${site.url}/checkout/done`);
    await pass(10_500);
    await checkout.page.getByRole('dialog').waitFor({ timeout: 10_000 });
    await checkout.page.keyboard.press('Tab');
    await checkout.page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialogs(checkout.page)).toBe(0);

    const help = await openTab(context, `${site.url}/help`);
    await pass(5000);
    expect(await dialogs(help.page)).toBe(0);
    const ces = (await tp(help.page)).find((s) => s.id === 'help-ces');
    expect(ces?.reasons.find((r) => r.rule === 'pages')?.ok).toBe(true);
    expect(ces?.eligible).toBe(false);
    // The limit, not anything else, is what holds it back.
    expect(ces?.reasons.filter((r) => !r.ok).map((r) => r.rule)).toEqual(['maxPerSession']);
  });

  it('counts a history.pushState navigation as a page view, in its stage, and shows that page’s survey', async () => {
    const tab: Tab = await openTab(context, `${site.url}/`);
    await pass(2000);
    expect(await dialogs(tab.page)).toBe(0);
    await tab.page.evaluate(() => history.pushState({}, '', '/help'));
    await tab.page
      .getByRole('dialog', { name: 'How easy was it to solve your problem today?' })
      .waitFor({ timeout: 10_000 });
    const ids = await tab.ids();
    await expect
      .poll(
        async () => {
          await context.clock.fastForward(5000);
          return site.collector.missing(ids);
        },
        { timeout: 15_000 },
      )
      .toEqual([]);
    const views = [...site.collector.received.values()].filter((e) => e.type === 'page');
    expect(views.map((e) => e.page.path)).toEqual(['/', '/help']);
    expect(views[1]?.stage).toBe('service');
    const shown = [...site.collector.received.values()].find((e) => e.type === 'survey_shown');
    expect(shown?.props).toMatchObject({ surveyId: 'help-ces', metric: 'ces' });
    expect(shown?.page.path).toBe('/help');
  });

  // The first page view waits for a configuration URL without a cached copy (later pages
  // run the cached copy at once), so the stage `stages` maps the path to is on every event.
  it('gives the first page view of a full load the stage that the configuration maps its path to', async () => {
    const tab = await openTab(context, `${site.url}/products/x`);
    await tab.page.evaluate(() =>
      (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.track('seen'),
    );
    const ids = await tab.ids();
    await expect
      .poll(
        async () => {
          await context.clock.fastForward(5000);
          return site.collector.missing(ids);
        },
        { timeout: 15_000 },
      )
      .toEqual([]);
    const events = [...site.collector.received.values()];
    expect(events.find((e) => e.type === 'page')?.stage).toBe('interest');
    expect(events.find((e) => e.name === 'seen')?.stage).toBe('interest');
  });
});
