import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { JourneyEvent, TouchpointConfig } from '@touchpoint/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type Served, serve } from './support/serve';

// Preview and the debug overlay as they ship (issue 11): the built script tag on pages under a
// strict CSP, a published configuration nobody is sampled into, a draft of it on the same
// origin, and a collector that records what arrives.
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));
const CSP = "default-src 'self'";

const PUBLISHED: TouchpointConfig = {
  version: 1,
  stages: { '/checkout/**': 'purchase' },
  surveys: [
    {
      id: 'checkout-csat',
      metric: 'csat',
      question: 'How satisfied are you with checkout today?',
      when: { pages: ['/checkout/done'] },
      sample: 0,
    },
    {
      id: 'help-ces',
      metric: 'ces',
      question: 'How easy was it to find an answer?',
      when: { pages: ['/help/**'], event: 'article_read' },
    },
  ],
};
const DRAFT: TouchpointConfig = {
  ...PUBLISHED,
  surveys: [
    {
      ...(PUBLISHED.surveys?.[0] as NonNullable<TouchpointConfig['surveys']>[number]),
      question: 'Draft: how was checkout?',
    },
  ],
};

const page = (title: string, position = 'bottom-right') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="/touchpoint.js" async data-endpoint="/collect" data-config="/touchpoint.config.json"
  data-position="${position}"></script>
</head><body><h1>${title}</h1><p>Thanks for your order.</p></body></html>`;

const received = new Map<string, JourneyEvent>();
const collect = (req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    try {
      for (const event of JSON.parse(body).events as JourneyEvent[]) received.set(event.id, event);
      res.writeHead(200).end('{}');
    } catch {
      res.writeHead(400).end();
    }
  });
};
const types = () => [...received.values()].map((e) => e.type);

let browser: Browser;
let server: Served;

beforeAll(async () => {
  if (!existsSync(`${DIST}touchpoint-debug.js`))
    throw new Error('dist/ is missing: run `npx pnpm@10 build` first');
  mkdirSync(SCREENS, { recursive: true });
  const js = (file: string) => ({ body: readFileSync(DIST + file) });
  server = await serve({
    headers: { 'content-security-policy': CSP },
    routes: {
      '/checkout/done': { body: page('Order done') },
      '/help/returns': { body: page('Returns') },
      // The same page with the prompt placed where the panel sits at 1,100 px and wider.
      '/help/centred': { body: page('Returns', 'center') },
      '/help/left': { body: page('Returns', 'bottom-left') },
      '/touchpoint.js': js('touchpoint.js'),
      '/touchpoint-widget.js': js('touchpoint-widget.js'),
      '/touchpoint-debug.js': js('touchpoint-debug.js'),
      '/touchpoint.config.json': { body: JSON.stringify(PUBLISHED) },
      '/drafts/next.json': { body: JSON.stringify(DRAFT) },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
      '/collect': collect,
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  received.clear();
});

/** A fresh tab on `path`, recording console problems and CSP violations. */
async function open(
  path: string,
  viewport = { width: 900, height: 640 },
): Promise<{ tab: Page; problems: string[]; csp: () => Promise<string[]> }> {
  const context = await browser.newContext({ viewport });
  const tab = await context.newPage();
  const problems: string[] = [];
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
  await tab.goto(server.url + path);
  return { tab, problems, csp: () => tab.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

describe('preview and the debug overlay in Chromium', () => {
  it('shows a same-origin draft despite sample 0, with the banner, and sends page events but no survey event; Exit restores the published configuration', async () => {
    const { tab, problems, csp } = await open(
      `/checkout/done?tp_preview=${encodeURIComponent('/drafts/next.json')}`,
    );
    const banner = tab.getByRole('region', { name: 'Touchpoint preview — answers are not recorded' });
    await banner.waitFor({ timeout: 10_000 });
    const dialog = tab.getByRole('dialog', { name: 'Draft: how was checkout?' });
    await dialog.waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: `${SCREENS}preview-banner.png` });
    await tab.getByRole('radio', { name: /^5\b/ }).click();
    await tab.evaluate(() => (window.Touchpoint as { track(n: string): void }).track('after_answer'));
    await expect
      .poll(() => types(), { timeout: 15_000, interval: 250 })
      .toEqual(expect.arrayContaining(['page', 'track']));
    expect(types().filter((t) => t.startsWith('survey_'))).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(problems).toEqual([]);

    // Exit: the same page without the parameter, on the published configuration (sample 0).
    received.clear();
    await Promise.all([
      tab.waitForURL(`${server.url}/checkout/done`),
      banner.getByRole('button', { name: 'Exit preview' }).click(),
    ]);
    await tab.waitForFunction(() => window.Touchpoint && !Array.isArray(window.Touchpoint));
    await expect.poll(() => types(), { timeout: 15_000, interval: 250 }).toContain('page');
    expect(await tab.evaluate(() => sessionStorage.getItem('tp_preview'))).toBeNull();
    expect(await tab.evaluate(() => (window.Touchpoint as { preview?: string }).preview)).toBeUndefined();
    expect(await tab.locator('[data-touchpoint-debug]').count()).toBe(0);
    expect(await tab.getByRole('dialog').count()).toBe(0);
    await tab.context().close();
  });

  it('refuses a cross-origin draft the published configuration does not list, saying so on the console', async () => {
    const other = 'http://localhost:9/draft.json';
    const { tab, problems, csp } = await open(`/checkout/done?tp_preview=${encodeURIComponent(other)}`);
    await expect
      .poll(() => problems, { timeout: 10_000 })
      .toEqual([`[touchpoint] preview ${other}: origin not in previewOrigins; published config runs`]);
    await expect
      .poll(() => tab.evaluate(() => (window.Touchpoint as { preview?: string }).preview))
      .toBeUndefined();
    await expect.poll(() => tab.getByRole('region', { name: /Touchpoint preview/ }).count()).toBe(0);
    expect(await tab.evaluate(() => sessionStorage.getItem('tp_preview'))).toBeNull();
    // The draft was never requested, so the CSP had nothing to block.
    expect(await csp()).toEqual([]);
    await tab.context().close();
  });

  it('shows the ?tp_debug=1 overlay listing every survey with its conditions, refreshed on events', async () => {
    const { tab, problems, csp } = await open('/help/returns?tp_debug=1');
    const overlay = tab.getByRole('region', { name: 'Touchpoint debug' });
    await overlay.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => overlay.locator('summary').allTextContents(), { timeout: 10_000 })
      .toEqual(['✗ checkout-csat — not eligible', '✗ help-ces — not eligible']);
    const items = await overlay.locator('details').first().locator('li').allTextContents();
    expect(items).toEqual(
      expect.arrayContaining([
        '✗fails: page /help/returns not in /checkout/done',
        expect.stringMatching(/^✗fails: sample bucket [\d.]+ ≥ 0$/),
      ]),
    );
    expect(await overlay.locator('.next').textContent()).toBe(
      'help-ces shows on the next matching event `article_read`',
    );
    await tab.screenshot({ path: `${SCREENS}debug-overlay.png` });
    // The event arrives: help-ces shows and the overlay follows.
    await tab.evaluate(() => (window.Touchpoint as { track(n: string): void }).track('article_read'));
    await expect
      .poll(() => overlay.locator('summary').nth(1).textContent(), { timeout: 10_000 })
      .toMatch(/help-ces/);
    // Keyboard: Escape closes it.
    await overlay.getByRole('button', { name: 'Close debug overlay' }).focus();
    await tab.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
    expect(await csp()).toEqual([]);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it.each([
    [390, 844, 'bottom-right', '/help/returns'],
    [768, 1024, 'bottom-right', '/help/returns'],
    [1280, 800, 'center', '/help/centred'],
    [1280, 800, 'bottom-left', '/help/left'],
  ])(
    'keeps the overlay off the prompt at %i × %i (%s), both whole and usable',
    async (width, height, position, path) => {
      const { tab, problems } = await open(`${path}?tp_debug=1`, { width, height });
      const overlay = tab.getByRole('region', { name: 'Touchpoint debug' });
      await overlay.waitFor({ timeout: 10_000 });
      await tab.evaluate(() => (window.Touchpoint as { track(n: string): void }).track('article_read'));
      const prompt = tab.getByRole('dialog');
      await prompt.waitFor({ timeout: 10_000 });
      // After its entry animation, where it rests.
      await tab.waitForTimeout(400);
      const a = await overlay.boundingBox();
      const b = await prompt.boundingBox();
      if (!a || !b) throw new Error('overlay or prompt not rendered');
      const apart =
        a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x;
      expect({ overlay: a, prompt: b, apart }).toMatchObject({ apart: true });
      // Both inside the screen, the prompt whole.
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
      await tab.screenshot({ path: `${SCREENS}debug-overlay-${width}-${position}.png` });
      // Usable: the overlay's survey details toggle, and a score in the prompt can be chosen.
      const summary = overlay.locator('summary').first();
      await summary.click();
      expect(
        await overlay
          .locator('details')
          .first()
          .evaluate((d) => (d as HTMLDetailsElement).open),
      ).toBe(false);
      const answered = tab.evaluate(
        () =>
          new Promise<boolean>((resolve) =>
            (window.Touchpoint as { on(t: string, fn: () => void): void }).on('survey_answered', () =>
              resolve(true),
            ),
          ),
      );
      await prompt.getByRole('radio').first().click();
      expect(await answered).toBe(true);
      expect(problems).toEqual([]);
      await tab.context().close();
    },
  );
});

declare global {
  interface Window {
    Touchpoint?: unknown;
  }
}
