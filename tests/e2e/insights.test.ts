import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStore } from '../../demo/db.mjs';
import { SEED_DEMO, seed } from '../../demo/seed.mjs';
import { type RunningServer, startServer } from '../../demo/server.mjs';
import { THEME } from '../../packages/collector/src/theme-css.js';
import { freshDataDir } from '../demo/data-dir';
import { seriousAxeFindings } from './support/axe';
import { launchBrowser } from './support/browser';

// The insights page of the real demo server, on a database filled by the seed script
// (fixed seed and end date, so every run draws the same page), in Chromium under the
// server's own `default-src 'self'` policy.
const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));
const END = Date.UTC(2026, 9, 1);
const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> & "quotes" </blockquote><script>window.__pwned=2</script>';

let browser: Browser;
let app: RunningServer;
let data: { dir: string; remove(): void };

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  data = await freshDataDir();
  const store = await openEventStore(data.dir, { log: () => {} });
  try {
    // The demo's four months (fewer people, for time): long enough for 30- and 90-day returns.
    await seed(store, { end: END, days: SEED_DEMO.days });
  } finally {
    await store.close();
  }
  app = await startServer({ port: 0, dataDir: data.dir });
  // One hostile comment, sent the way a browser would, newest of all so it is listed first.
  const event = (id: string, type: string, props: Record<string, unknown>) => ({
    id,
    type,
    ts: END - 60_000,
    stage: 'service',
    anonymousId: 'hostile',
    sessionId: 'hostile-s',
    page: { url: 'https://fieldnote.example/help', path: '/help' },
    props: { surveyId: 'help-ces', metric: 'ces', score: 2, ...props },
  });
  const response = await fetch(`${app.url}/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sentAt: END,
      events: [
        event('h-1', 'survey_answered', { trail: [] }),
        event('h-2', 'survey_comment', { comment: HOSTILE }),
      ],
    }),
  });
  expect(response.status).toBe(200);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  data?.remove();
});

/** Opens a path with console errors and CSP violations collected from the first byte. */
async function open(path: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  if (options.javaScriptEnabled !== false) {
    // An init script runs before the page's own content, so violations during load count too.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }
  const response = await page.goto(`${app.url}${path}`);
  return { page, problems, response, close: () => context.close() };
}

/** The sections with charts, in page order: each is also shot on its own. */
const CHARTED = [
  'scores',
  'drivers',
  'stages',
  'ladder',
  'retention',
  'service',
  'time',
  'funnel',
  'churn',
  'moments',
];

/** The first screen, then each section on its own: a full page is too tall to look at. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENS}${name}.png` });
  for (const id of CHARTED) {
    await page.locator(`section#${id}`).screenshot({ path: `${SCREENS}${name}-${id}.png` });
  }
  // The comments' first screen: the filters and the newest few.
  const box = await page.locator('section#comments').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: Math.min(r.height, 900) };
  });
  await page.screenshot({ path: `${SCREENS}${name}-comments.png`, fullPage: true, clip: box });
}

describe('the insights page with seeded data', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`renders every section and its charts in ${scheme} mode without console errors or CSP violations`, async () => {
      const { page, problems, response, close } = await open('/insights', { colorScheme: scheme });
      try {
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
        await expect(page.locator('h1').textContent()).resolves.toBe('Insights');
        for (const id of [...CHARTED, 'surveys', 'pages', 'comments']) {
          expect(await page.locator(`section#${id}`).count(), id).toBe(1);
        }
        // 3 band splits, 3 by-stage bars, 3 daily lines, the funnel and the churn origins.
        expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(11);
        expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(20);
        expect(await page.locator('svg.line polyline').count()).toBeGreaterThanOrEqual(3);
        const big = await page.locator('.card .big').allTextContents();
        expect(big).toHaveLength(3);
        for (const value of big) expect(value).toMatch(/^([+−]?\d+|\d+%|\d\.\d)$/);
        expect(await page.locator('.comments > li').count()).toBe(50);
        // The causes the seed plants, found: a significant driver per metric, linked to its comments.
        const drivers = page.locator('section#drivers');
        await expect(drivers.locator('.lead').first().textContent()).resolves.toMatch(
          /as likely to|more often/,
        );
        expect(await drivers.locator('svg.forest circle.estimate.strong').count()).toBeGreaterThanOrEqual(3);
        await expect(drivers.textContent()).resolves.toContain('payment_failed');
        await expect(drivers.textContent()).resolves.toContain('help_unresolved');
        expect(await page.locator('section#ladder table').first().locator('tbody tr').count()).toBe(4);
        expect(await page.locator('section#retention table tbody tr').count()).toBe(3);
        await expect(page.locator('section#service').textContent()).resolves.toMatch(
          /entered the service stage/,
        );
        await expect(page.locator('section#service table').first().textContent()).resolves.toContain(
          '30 min – 4 h',
        );
        // The stylesheet applied: a chart bar is painted with the shared theme's accent.
        const fill = await page
          .locator('svg.chart rect.bar.accent')
          .first()
          .evaluate((el) => getComputedStyle(el).fill);
        const accent = [1, 3, 5].map((i) => Number.parseInt(THEME[scheme].accent?.slice(i, i + 2) ?? '', 16));
        expect(fill).toBe(`rgb(${accent.join(', ')})`);
        await shoot(page, `insights-${scheme}`);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`has no serious or critical axe findings in ${scheme} mode`, async () => {
      const { page, close } = await open('/insights', { colorScheme: scheme, bypassCSP: true });
      try {
        expect(await seriousAxeFindings(page)).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('fits a 390px phone screen without sideways scrolling of the page', async () => {
    const { page, problems, close } = await open('/insights', {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        charts: [...document.querySelectorAll('svg.chart')].map((svg) => svg.getBoundingClientRect().right),
      }));
      expect(widths.page).toBeLessThanOrEqual(390);
      for (const right of widths.charts) expect(right).toBeLessThanOrEqual(390);
      await shoot(page, 'insights-390');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a hostile comment as text: no element made from it, no script run', async () => {
    const { page, problems, close } = await open('/insights');
    try {
      const first = page.locator('.comments > li').first();
      await expect(first.locator('blockquote').textContent()).resolves.toBe(HOSTILE);
      expect(await page.locator('.comments img, .comments script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('filters comments by band and stage with the form alone, JavaScript off', async () => {
    const { page, close } = await open('/insights', { javaScriptEnabled: false });
    try {
      await page.selectOption('select[name=band]', 'low');
      await page.selectOption('select[name=stage]', 'purchase');
      await Promise.all([page.waitForURL(/band=low/), page.click('form.filters button')]);
      const url = new URL(page.url());
      expect(url.searchParams.get('band')).toBe('low');
      expect(url.searchParams.get('stage')).toBe('purchase');
      const items = page.locator('.comments > li');
      const n = await items.count();
      expect(n).toBeGreaterThan(0);
      expect(await items.locator('.score.low').count()).toBe(n);
      expect(await items.locator('.meta .stage').allTextContents()).toEqual(Array(n).fill('purchase'));
      await expect(page.locator('select[name=band]').inputValue()).resolves.toBe('low');
    } finally {
      await close();
    }
  });
});
