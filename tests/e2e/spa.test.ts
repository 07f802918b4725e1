import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../demo/server.mjs';
import { freshDataDir } from '../demo/data-dir';
import { launchBrowser } from './support/browser';

// The SPA example as it ships: demo/spa/dist/app.js from `pnpm build` (the packages bundled
// from their dist/ through node_modules, as from npm), served by the real demo server at
// /spa/ under its `default-src 'self'` policy, delivering to its /collect and database.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));

interface Row {
  type: string;
  name: string | null;
  stage: string | null;
  path: string;
  props: Record<string, unknown>;
}

let browser: Browser;
let app: RunningServer;
let data: { dir: string; remove(): void };

beforeAll(async () => {
  if (!existsSync(`${ROOT}demo/spa/dist/app.js`))
    throw new Error('demo/spa/dist/app.js is missing: run `npx pnpm@10 build` first');
  mkdirSync(SCREENS, { recursive: true });
  data = await freshDataDir();
  app = await startServer({ port: 0, dataDir: data.dir, root: ROOT });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  data?.remove();
});

/** This visitor's stored events, in the order the browser created them. */
async function stored(anonymousId: string): Promise<Row[]> {
  const { rows } = await app.store.query<Row>(
    'select type, name, stage, path, props from events where anonymous_id = $1 order by ts, seq',
    [anonymousId],
  );
  return rows;
}

/** Polls the database until `done` holds: the adapter sends a partial batch every 5 s. */
async function until(anonymousId: string, done: (rows: Row[]) => boolean): Promise<Row[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await stored(anonymousId);
    if (done(rows) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the SPA example at /spa/', () => {
  let context: BrowserContext;
  let tab: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext();
    tab = await context.newPage();
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  });

  afterAll(() => context?.close());

  /** The browser's anonymous id, as the core stores it (JSON, under `tp_aid`). */
  const visitor = async (): Promise<string> =>
    JSON.parse((await tab.evaluate(() => localStorage.getItem('tp_aid'))) ?? 'null');

  it('walks home → product → checkout → done by pushState, and the CSAT shows after order_completed', async () => {
    await tab.goto(`${app.url}/spa/`);
    await tab.getByRole('heading', { name: 'Gear for the long way round' }).waitFor();
    // Survives only if no navigation reloads the document.
    await tab.evaluate(() => {
      (window as unknown as { __same: boolean }).__same = true;
    });

    await tab.getByRole('link', { name: 'See the Trail Runner' }).click();
    await tab.getByRole('heading', { name: 'Trail Runner' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/spa/products/trail-runner');
    await tab.getByRole('button', { name: 'Add to cart' }).click();
    await tab.getByRole('heading', { name: 'Checkout' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/spa/checkout');
    await tab.getByRole('button', { name: 'Place order' }).click();
    await tab.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/spa/checkout/done');

    // The prompt lives in an open shadow root; role queries pierce it.
    const dialog = tab.getByRole('dialog', { name: 'How satisfied are you with checkout today?' });
    await dialog.waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: `${SCREENS}spa-checkout-csat.png` });
    await dialog.getByRole('radio', { name: /^4\b/ }).click();

    expect(await tab.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('delivers a page event per navigation, with the stage of each page, then the order and the score to /collect', async () => {
    const anonymousId = await visitor();
    const rows = await until(anonymousId, (r) => r.some((e) => e.type === 'survey_answered'));

    const pages = rows.filter((e) => e.type === 'page').map((e) => `${e.path} ${e.stage}`);
    expect(pages).toEqual([
      '/spa/ touchpoint',
      '/spa/products/trail-runner interest',
      '/spa/checkout purchase',
      '/spa/checkout/done purchase',
    ]);
    const journey = rows.map((e) =>
      e.type === 'page' ? `page ${e.path}` : `${e.type} ${e.name ?? ''}`.trim(),
    );
    expect(journey).toEqual([
      'page /spa/',
      'page /spa/products/trail-runner',
      'track add_to_cart',
      'page /spa/checkout',
      'page /spa/checkout/done',
      'track order_completed',
      'survey_shown',
      'survey_answered',
    ]);
    const answered = rows.find((e) => e.type === 'survey_answered');
    expect(answered?.path).toBe('/spa/checkout/done');
    expect(answered?.props).toMatchObject({ surveyId: 'spa-checkout-csat', metric: 'csat', score: 4 });

    const { rows: counted } = await app.store.query<{ n: number }>('select count(*)::int as n from events');
    expect(counted[0]?.n).toBe(rows.length);
    const stats = await (await fetch(`${app.url}/collect/stats`)).json();
    expect(stats.byType).toMatchObject({ page: 4, track: 2, survey_shown: 1, survey_answered: 1 });
  });

  it('records a page view on back, without completing the order a second time', async () => {
    const anonymousId = await visitor();
    await tab.goBack();
    await tab.getByRole('heading', { name: 'Checkout' }).waitFor();
    const rows = await until(anonymousId, (r) => r.filter((e) => e.type === 'page').length === 5);
    expect(rows.filter((e) => e.type === 'page').map((e) => e.path)).toEqual([
      '/spa/',
      '/spa/products/trail-runner',
      '/spa/checkout',
      '/spa/checkout/done',
      '/spa/checkout',
    ]);
    expect(rows.filter((e) => e.name === 'order_completed')).toHaveLength(1);
  });
});

describe('the demo server at /spa/', () => {
  it('answers a deep link with the app, so a reload keeps the route', async () => {
    const response = await fetch(`${app.url}/spa/checkout/done`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<script type="module" src="/spa/app.js">');
    const script = await fetch(`${app.url}/spa/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${app.url}/spa/missing.js`)).status).toBe(404);
  });
});
