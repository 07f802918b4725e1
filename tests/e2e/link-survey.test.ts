// Link surveys in Chromium, against the collector on PGlite and the built widget files: the
// hosted page under its own `default-src 'self'`, the pre-chosen score chosen by script (and
// changeable), one stored answer per (survey, ref, u), and nothing recorded by refused links
// or by a GET that runs no script (a mail scanner).
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../../packages/collector/src/collector.js';
import type { LinkParams } from '../../packages/collector/src/links/link-params.js';
import { signedQuery } from '../../packages/collector/src/links/signature.js';
import type { EventStore } from '../../packages/collector/src/store.js';
import { openFreshStore } from '../collector/links/fresh-store.js';
import { serve } from '../collector/support/serve.js';
import { launchBrowser } from './support/browser.js';

const SECRET = 'e2e-link-secret';
const WIDGET_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
const CONFIG = {
  version: 1,
  surveys: [
    {
      id: 'support-csat',
      metric: 'csat',
      question: {
        en: 'How satisfied are you with the help you got?',
        de: 'Wie zufrieden sind Sie mit der Hilfe?',
      },
      when: { pages: ['/help/**'] },
    },
  ],
};

let browser: Browser;
let store: EventStore;
let collector: Collector;
let server: Awaited<ReturnType<typeof serve>>;
let fresh: Awaited<ReturnType<typeof openFreshStore>> | undefined;

beforeAll(async () => {
  fresh = await openFreshStore();
  store = fresh.store;
  collector = createCollector({
    database: store,
    log: () => {},
    links: { secret: SECRET, config: CONFIG, widgetDir: WIDGET_DIR },
  });
  server = await serve(collector);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fresh?.close();
});

const linkTo = (params: Omit<LinkParams, 'surveyId'>) =>
  `${server.url}/s/support-csat?${signedQuery({ surveyId: 'support-csat', ...params }, SECRET)}`;

const stored = async (ref: string) =>
  (
    await store.query<{ type: string; score: number; channel: string; user_id: string }>(
      `select type, (props->>'score')::int as score, props->>'channel' as channel, user_id
         from events where props->>'ref' = $1`,
      [ref],
    )
  ).rows;

/** A page in a fresh context, with every CSP violation and every POST it made collected. */
async function open(options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const violations: string[] = [];
  const posts: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  return { page, context, violations, posts };
}

/** Waits until the page's script has had `n` answers acknowledged. */
const saved = (page: Page, n: number) => page.locator(`body[data-tp-saved="${n}"]`).waitFor();

describe('a signed link', () => {
  it('shows the prompt with the pre-chosen score selected and records one answer; a later link with another score changes it', async () => {
    const ref = 'T-e2e-1';
    const { page, context, violations } = await open();
    await page.goto(linkTo({ ref, u: 'u-7', ch: 'email', score: 2 }));
    await saved(page, 1);
    await expect(page.locator('#tp-chosen').textContent()).resolves.toBe('Your score: 2');
    // "Change" goes back to the scores with 2 still selected, so the person can pick another.
    await page.getByRole('button', { name: 'Change' }).click();
    await expect(page.getByRole('radio', { name: /^2\b/ }).getAttribute('aria-checked')).resolves.toBe(
      'true',
    );
    expect(await stored(ref)).toEqual([
      { type: 'survey_answered', score: 2, channel: 'email', user_id: 'u-7' },
    ]);

    await page.goto(linkTo({ ref, u: 'u-7', ch: 'email', score: 4 }));
    await saved(page, 1);
    await expect(page.locator('#tp-chosen').textContent()).resolves.toBe('Your score: 4');
    expect(await stored(ref)).toEqual([
      { type: 'survey_answered', score: 4, channel: 'email', user_id: 'u-7' },
    ]);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('keeps the comment written after the score', async () => {
    const ref = 'T-e2e-2';
    const { page, context } = await open();
    await page.goto(linkTo({ ref, ch: 'sms', score: 5 }));
    await saved(page, 1);
    await page.getByRole('textbox').fill('Solved in minutes');
    await page.getByRole('button', { name: 'Send' }).click();
    await saved(page, 2);
    expect((await stored(ref)).map((row) => row.type).sort()).toEqual(['survey_answered', 'survey_comment']);
    await context.close();
  });

  it('speaks the browser language and follows dark mode', async () => {
    const { page, context, violations } = await open({ locale: 'de-DE', colorScheme: 'dark' });
    await page.goto(linkTo({ ref: 'T-e2e-3' }));
    await page.getByRole('radiogroup').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await page.getByRole('heading', { name: 'Wie zufrieden sind Sie mit der Hilfe?' }).waitFor();
    await page.getByRole('button', { name: 'Schließen' }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 29)');
    expect(violations).toEqual([]);
    // Without a pre-chosen score nothing is recorded until the person chooses.
    expect(await stored('T-e2e-3')).toEqual([]);
    await context.close();
  });
});

describe('links that record nothing', () => {
  it.each([
    [
      'a tampered signature',
      () => linkTo({ ref: 'T-e2e-4', score: 2 }).replace('score=2', 'score=5'),
      'changed after it was sent',
    ],
    [
      'an expired link',
      () => linkTo({ ref: 'T-e2e-4', score: 2, exp: Math.floor(Date.now() / 1000) - 60 }),
      'has expired',
    ],
  ])('%s shows a clear page', async (_, url, text) => {
    const { page, context, posts } = await open();
    const response = await page.goto(url());
    expect(response?.status()).toBeGreaterThanOrEqual(400);
    await page.getByRole('alert').getByText(text).waitFor();
    await page.waitForLoadState('load');
    expect(posts).toEqual([]);
    expect(await stored('T-e2e-4')).toEqual([]);
    await context.close();
  });

  it('a GET without script (a mail scanner) shows the page and records nothing', async () => {
    const { page, context, posts } = await open({ javaScriptEnabled: false });
    const response = await page.goto(linkTo({ ref: 'T-e2e-5', score: 2 }));
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('load');
    // Chromium with script execution turned off still parses <noscript> as if script ran, so
    // the text is checked in the document rather than on screen.
    expect(await page.content()).toContain('Please turn on JavaScript to answer this survey');
    expect(await page.getByRole('radiogroup').count()).toBe(0);
    expect(posts).toEqual([]);
    // And a bare HTTP GET, as a link checker makes.
    expect((await fetch(linkTo({ ref: 'T-e2e-5', score: 2 }))).status).toBe(200);
    expect(await stored('T-e2e-5')).toEqual([]);
    await context.close();
  });
});
