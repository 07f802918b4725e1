import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../demo/seed.mjs';
import { createStatic } from '../../demo/static.mjs';
import { createCollector } from '../../packages/collector/src/collector.js';
import { type EventStore, openEventStore } from '../../packages/collector/src/store.js';
import { freshDataDir } from '../demo/data-dir';
import { seriousAxeFindings as axe } from './support/axe';
import { launchBrowser } from './support/browser';

// The editor on the demo shop, in Chromium: the shop's pages and the collector on one
// origin, as the demo serves them, with an insights token so signing in is part of the walk.
// The shop's pages read `data-config="/config/published.json"`, what the editor publishes.
const TOKEN = 'e2e-editor-token';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Written where the other e2e screenshots go; the ones in docs/screenshots are copies of a run.
const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));
const SURVEY = 'done-csat';
const QUESTION = 'How did checkout go today?';

let browser: Browser;
let store: EventStore;
let server: Server;
let url: string;
let data: { dir: string; remove(): void };
const cspViolations: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  data = await freshDataDir();
  store = await openEventStore(data.dir, { log: () => {} });
  // Recent traffic, so "the last 30 days" has paths and events to match. It ends an hour ago:
  // the shop's own visit in the test is then the newest of its path, whose origin preview uses.
  await seed(store, { visitors: 150, end: Date.now() - 3_600_000 });
  const collector = createCollector({
    database: store,
    insightsToken: TOKEN,
    rateLimit: false,
    log: () => {},
  });
  const serveStatic = createStatic({
    publicDir: `${ROOT}demo/public`,
    distDir: `${ROOT}dist`,
    spaDir: `${ROOT}demo/spa`,
  });
  server = createServer(async (req, res) => {
    if (!(await collector(req, res)))
      await serveStatic(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  await store?.close();
  data?.remove();
});

async function tab(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) cspViolations.push(m.text());
  });
  return { context, page };
}

/**
 * A shop page, which reads the configuration the editor publishes; resolves with the hash
 * of the configuration the page applied (the core's `config` signal), so a test knows it ran.
 */
async function shop(page: Page, path: string): Promise<string> {
  await page.addInitScript(() => {
    const w = window as unknown as { Touchpoint: unknown[]; __applied?: string };
    w.Touchpoint = [['on', 'config', (hash: string) => (w.__applied = hash)]];
  });
  await page.goto(`${url}${path}`);
  const applied = await page.waitForFunction(
    () => (window as unknown as { __applied?: string }).__applied,
    undefined,
    { timeout: 15_000 },
  );
  return String(await applied.jsonValue());
}

const answers = async (surveyId: string) =>
  (
    await store.query<{ hash: string }>(
      `select props->>'configHash' as hash from events where type = 'survey_answered' and props->>'surveyId' = $1`,
      [surveyId],
    )
  ).rows;

const hashOfVersion = async (number: number) =>
  (
    await store.query<{ hash: string }>('select config_hash as hash from config_versions where number = $1', [
      number,
    ])
  ).rows[0]?.hash;

describe('the survey editor on the demo shop', () => {
  it('signs in, writes a CSAT for /checkout/done against real paths, previews, publishes, is answered, and rolls back', async () => {
    const { context, page } = await tab();
    // A visit to the shop, so its own origin is among the recent paths.
    await page.goto(`${url}/checkout/done`);
    await expect
      .poll(
        async () =>
          (await store.query(`select 1 from events where event->'page'->>'url' like $1 || '%'`, [url])).rows
            .length,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);

    // Sign in.
    await page.goto(`${url}/admin`);
    await page.getByLabel('Insights token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();

    // An empty first version, so there is something to roll back to.
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel('What changed').fill('start empty');
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page.getByText('Published version 1.').waitFor();

    // A CSAT with a mistyped glob: the lint warning shows beside the field.
    await page.getByRole('link', { name: 'New survey' }).click();
    await page.getByLabel('Survey id').fill(SURVEY);
    await page.getByLabel('Metric').selectOption('csat');
    await page.getByLabel('Question', { exact: true }).fill(QUESTION);
    await page.getByLabel('Pages', { exact: true }).fill('/checkout/dne');
    await page.getByRole('button', { name: 'Check without saving' }).click();
    await page.getByText('"/checkout/dne" matches none of the').waitFor();
    // Fixed; the script shows the matching paths while typing.
    await page.getByLabel('Pages', { exact: true }).fill('/checkout/*');
    await page.locator('#matches code', { hasText: '/checkout/done' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved to the draft.').waitFor();
    expect(await page.getByText('matches none of the').count()).toBe(0);
    await expect
      .poll(() => page.locator('#reach').locator('..').textContent())
      .toMatch(/About \d+ people a week would see this/);
    await page.screenshot({ path: `${SCREENS}editor-form-light.png`, fullPage: true });

    // Preview on the shop: the banner, the prompt, and no answer recorded.
    // Same origin as the shop, so no previewOrigins entry is needed, and the form says nothing.
    expect(await page.getByText('does not list this collector').count()).toBe(0);
    await page.getByLabel('Page', { exact: true }).selectOption('/checkout/done');
    await page.getByRole('button', { name: 'Preview on the site' }).click();
    await page.waitForURL(/\/checkout\/done\?tp_preview=/);
    await page
      .getByRole('region', { name: 'Touchpoint preview — answers are not recorded' })
      .waitFor({ timeout: 15_000 });
    const draftPrompt = page.getByRole('dialog', { name: QUESTION });
    await draftPrompt.waitFor({ timeout: 15_000 });
    await draftPrompt.getByRole('radio', { name: /^5\b/ }).click();
    await page
      .getByRole('region', { name: /Touchpoint preview/ })
      .getByRole('button', { name: 'Exit preview' })
      .click();
    await page.waitForURL(`${url}/checkout/done`);
    expect(await answers(SURVEY)).toEqual([]);

    // Publish.
    await page.goto(`${url}/admin`);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel('What changed').fill('checkout CSAT');
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page.getByText('Published version 2.').waitFor();
    const v2 = await (await fetch(`${url}/config/published.json`)).json();
    expect(v2.surveys.map((s: { id: string }) => s.id)).toEqual([SURVEY]);
    await context.close();

    // A customer on the shop, reading the published configuration, answers it.
    const customer = await tab();
    expect(await shop(customer.page, '/checkout/done')).toBe(await hashOfVersion(2));
    const prompt = customer.page.getByRole('dialog', { name: QUESTION });
    await prompt.waitFor({ timeout: 15_000 });
    await prompt.getByRole('radio', { name: /^4\b/ }).click();
    await expect.poll(() => answers(SURVEY), { timeout: 20_000 }).toHaveLength(1);
    await customer.context.close();

    // The answer counts under version 2, by the hash it was asked under.
    const editor = await tab();
    await editor.page.goto(`${url}/admin/versions`);
    await editor.page.getByLabel('Insights token').fill(TOKEN);
    await editor.page.getByRole('button', { name: 'Sign in' }).click();
    await editor.page.goto(`${url}/admin/versions?from=1&to=2`);
    const [answer] = await answers(SURVEY);
    const row2 = editor.page.getByRole('row').filter({ hasText: 'checkout CSAT' });
    expect(await row2.textContent()).toContain(answer?.hash);
    expect((await row2.getByRole('cell').nth(3).textContent())?.trim()).toBe('1');
    await editor.page.getByText(`surveys["${SURVEY}"]`).waitFor();
    await editor.page.screenshot({ path: `${SCREENS}editor-versions-light.png`, fullPage: true });

    // Insights under that version: the page offers it, and the one answer is all it counts.
    await editor.page.goto(`${url}/insights`);
    await editor.page.getByLabel('Insights token').fill(TOKEN);
    await editor.page.getByRole('button', { name: 'Sign in' }).click();
    await editor.page.getByRole('heading', { name: 'Insights' }).waitFor();
    await editor.page.getByLabel('Configuration version').selectOption('2');
    await editor.page.getByRole('button', { name: 'Show' }).click();
    await editor.page.waitForURL(/\/insights\?version=2/);
    await editor.page.getByText('Scores and comments asked under this configuration only.').waitFor();
    const underV2 = await editor.page.evaluate(async () =>
      (await fetch('/insights/report.json?version=2')).json(),
    );
    expect(underV2.configHash).toBe(answer?.hash);
    expect([underV2.overall.csat.n, underV2.overall.nps.n, underV2.overall.ces.n]).toEqual([1, 0, 0]);

    // Roll back to the empty version: the shop stops showing it.
    await editor.page.goto(`${url}/admin/versions`);
    const row1 = editor.page.getByRole('row').filter({ hasText: 'start empty' });
    await row1.getByLabel('Your name').fill('Ben');
    await row1.getByRole('button', { name: 'Roll back to 1' }).click();
    await editor.page.getByText('Rolled back: version 3 repeats version 1').waitFor();
    await editor.context.close();
    const later = await tab();
    expect(await (await fetch(`${url}/config/published.json`)).json()).toEqual({ version: 1, surveys: [] });
    expect(await shop(later.page, '/checkout/done')).toBe(await hashOfVersion(1));
    expect(
      await later.page.evaluate(() =>
        (window as unknown as { Touchpoint: { explain(): unknown[] } }).Touchpoint.explain(),
      ),
    ).toEqual([]);
    expect(await later.page.getByRole('dialog').count()).toBe(0);
    await later.context.close();
    expect(cspViolations).toEqual([]);
  }, 180_000);

  it('writes a question in two languages, pauses the live survey from the list, and the shop follows each publish', async () => {
    const paused = 'done-two-languages';
    const arabic = 'كيف كان الدفع اليوم؟';
    const { context, page } = await tab();
    await page.goto(`${url}/admin`);
    await page.getByLabel('Insights token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New survey' }).click();
    await page.getByLabel('Survey id').fill(paused);
    await page.getByLabel('Question', { exact: true }).fill(QUESTION);
    await page.getByLabel('Question in other languages', { exact: true }).fill(`ar = ${arabic}`);
    await page.getByLabel('Pages', { exact: true }).fill('/checkout/done');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved to the draft.').waitFor();
    await page.goto(`${url}/admin`);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    const published = Number(
      /Published version (\d+)\./.exec((await page.getByRole('status').textContent()) ?? '')?.[1],
    );

    // The shop in Arabic asks the Arabic text, in English the English one.
    for (const [lang, question] of [
      ['ar', arabic],
      ['en', QUESTION],
    ] as const) {
      const customer = await tab();
      expect(await shop(customer.page, `/checkout/done?lang=${lang}`)).toBe(await hashOfVersion(published));
      await customer.page.getByRole('dialog', { name: question }).waitFor({ timeout: 15_000 });
      await customer.context.close();
    }

    // Paused: still live until the next publish, then gone from the shop, kept in the draft.
    await page.getByRole('button', { name: `Pause ${paused}` }).click();
    await page.getByText(`Paused ${paused} in the draft`).waitFor();
    expect(
      await page.getByRole('row').filter({ hasText: paused }).getByText('Paused: still live').count(),
    ).toBe(1);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page.getByText(`Published version ${published + 1}.`).waitFor();
    await page.screenshot({ path: `${SCREENS}editor-list-light.png`, fullPage: true });
    expect((await (await fetch(`${url}/config/published.json`)).json()).surveys).toEqual([]);
    const later = await tab();
    expect(await shop(later.page, '/checkout/done')).toBe(await hashOfVersion(published + 1));
    expect(await later.page.getByRole('dialog').count()).toBe(0);
    await later.context.close();
    await page.getByRole('button', { name: `Resume ${paused}` }).click();
    await page.getByText(`Resumed ${paused} in the draft`).waitFor();
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);

  it('has no serious or critical axe findings, light and dark, at 390 px wide too', async () => {
    for (const [scheme, width, name] of [
      ['light', 1100, 'desktop-light'],
      ['dark', 1100, 'desktop-dark'],
      ['light', 390, 'phone'],
    ] as const) {
      const { context, page } = await tab({
        colorScheme: scheme,
        viewport: { width, height: 900 },
        bypassCSP: true,
      });
      await page.goto(`${url}/admin`);
      await page.getByLabel('Insights token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      for (const path of [
        '/admin',
        `/admin/surveys/new?duplicate=${SURVEY}`,
        '/admin/settings',
        '/admin/versions',
      ]) {
        await page.goto(`${url}${path}`);
        expect([path, scheme, width, await axe(page)]).toEqual([path, scheme, width, []]);
      }
      await page.goto(`${url}/admin/surveys/new`);
      await page.getByLabel('Survey id').fill('home-nps');
      await page
        .getByLabel('Question', { exact: true })
        .fill('How likely are you to recommend <b>Fieldnote</b>?');
      await page.getByLabel('Pages', { exact: true }).fill('/');
      await page.getByLabel('Sample (0 to 1)').fill('lots');
      await page.getByRole('button', { name: 'Check without saving' }).click();
      await page.getByText('expected a number from 0 to 1').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SCREENS}editor-${name}.png`, fullPage: name !== 'phone' });
      await context.close();
    }
  }, 120_000);
});
