import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Survey } from '@touchpoint/core';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type Served, serve } from './support/serve';

// The widget as it ships (packages/widget/dist, built by `pnpm build`) on a page whose every
// response carries a strict CSP: scripts and styles only from 'self', nothing inline.
const CSP = "default-src 'self'";
const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));
const require = createRequire(import.meta.url);

const SURVEYS: Record<string, Survey> = {
  nps: {
    id: 'nps-account',
    metric: 'nps',
    question: 'How likely are you to recommend Acme to a friend or colleague?',
    links: { high: { label: 'Leave a review', url: 'https://reviews.example.com/acme' } },
  },
  csat: {
    id: 'checkout-csat',
    metric: 'csat',
    question: 'How satisfied are you with checkout today?',
    followUp: { low: 'What went wrong?' },
    links: { low: { label: 'Contact support', url: '/help' } },
  },
  ces: { id: 'help-ces', metric: 'ces', question: 'How easy was it to solve your problem today?' },
};

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Acme shop</title>
<link rel="stylesheet" href="/page.css"><script src="/page.js" defer></script></head>
<body><header><h1>Acme shop</h1></header><main><p id="first">Thanks for your order. It ships tomorrow.</p>
<div id="inline"></div></main></body></html>`;

// Host CSS that would wreck an unprotected widget: the shadow root must keep it out.
const HOSTILE_CSS = `body{font:16px Georgia,serif;margin:2rem}
* { letter-spacing: 3px !important; } button { display: none !important; background: red !important; }
div { border: 5px dashed hotpink !important; }`;

let browser: Browser;
let server: Served;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./support/widget-page.tsx', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    external: ['@touchpoint/core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const axe = await import('node:fs').then((fs) => fs.readFileSync(require.resolve('axe-core/axe.min.js')));
  server = await serve({
    headers: { 'content-security-policy': CSP },
    routes: {
      '/': { body: HTML },
      '/page.js': { body: bundle.outputFiles[0]?.contents ?? '' },
      '/page.css': { body: HOSTILE_CSS },
      '/axe.js': { body: axe },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page with the widget mounted; CSP violations and console errors collected. */
async function open(
  options: Record<string, unknown>,
  view = { width: 1280, height: 800 },
  scheme: 'light' | 'dark' = 'light',
) {
  const context = await browser.newContext({ viewport: view, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  await page.evaluate(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.waitForFunction(() => '__tp' in window);
  await page.evaluate(
    (o) => (window as never as { __tp: { mount(o: unknown): void } }).__tp.mount(o),
    options,
  );
  return { page, problems, close: () => context.close() };
}

const show = (page: Page, survey: Survey) =>
  page.evaluate((s) => (window as never as { __tp: { show(s: unknown): void } }).__tp.show(s), survey);

async function axe(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/axe.js' });
  return page.evaluate(async () => {
    const r = await (
      window as never as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

const dialog = (page: Page) => page.getByRole('dialog');

describe('widget in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const metric of ['nps', 'csat', 'ces']) {
      it(`${metric} in ${scheme}: every step passes axe with no CSP violation`, async () => {
        const survey = SURVEYS[metric] as Survey;
        const { page, problems, close } = await open({ theme: 'auto', locale: 'en' }, undefined, scheme);
        const top = await page.locator('#first').boundingBox();
        await show(page, survey);
        await expect.poll(() => dialog(page).count()).toBe(1);
        // Fixed positioning: the page's content did not move.
        expect(await page.locator('#first').boundingBox()).toEqual(top);
        // Hostile page CSS (button{display:none!important}) does not reach the options.
        const low = page.getByRole('radio').first();
        expect(await low.isVisible()).toBe(true);
        const box = await low.boundingBox();
        expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
        expect(await axe(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENS}widget-${metric}-${scheme}-score.png` });

        await low.focus();
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByRole('textbox').count()).toBe(1);
        await page.getByRole('textbox').fill('Everything was quick and clear.');
        expect(await axe(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENS}widget-${metric}-${scheme}-comment.png` });

        await page.getByRole('button', { name: 'Send' }).click();
        await expect.poll(() => page.getByText('Thank you for your feedback!').count()).toBe(1);
        expect(await axe(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENS}widget-${metric}-${scheme}-thanks.png` });

        const types = await page.evaluate(() =>
          (window as never as { __tp: { records: { type: string }[] } }).__tp.records.map((r) => r.type),
        );
        expect(types).toEqual(['survey_shown', 'survey_answered', 'survey_comment']);
        expect(await page.evaluate(() => (window as never as { __csp: string[] }).__csp)).toEqual([]);
        expect(problems).toEqual([]);
        await close();
      });
    }
  }

  it('shows a low-score follow-up with its support link, and closes with Escape', async () => {
    const { page, close } = await open({ theme: 'light', locale: 'en' });
    await show(page, SURVEYS.csat as Survey);
    // Focus starts on a control of the page, and must come back to it when the prompt closes.
    await page.evaluate(() => {
      // An input: the page's hostile CSS hides every button.
      const b = document.createElement('input');
      b.id = 'origin';
      b.ariaLabel = 'Order number';
      document.querySelector('main')?.append(b);
      b.focus();
    });
    await page.getByRole('radio', { name: '1 Very unsatisfied' }).click();
    expect(await page.getByRole('link', { name: 'Contact support' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog', { name: (SURVEYS.csat as Survey).question }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS}widget-csat-low-link.png` });
    await dialog(page).getByRole('textbox').press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('origin');
    await close();
  });

  it('renders Arabic right to left as a bottom sheet on a narrow screen', async () => {
    const { page, close } = await open({ theme: 'dark', locale: 'ar' }, { width: 375, height: 700 });
    await show(page, { ...(SURVEYS.nps as Survey), question: 'ما مدى احتمال أن توصي بنا لصديق؟' });
    await expect.poll(() => dialog(page).count()).toBe(1);
    const card = await dialog(page).boundingBox();
    expect(card?.x).toBe(0);
    expect(card?.width).toBe(375);
    expect(Math.round((card?.y ?? 0) + (card?.height ?? 0))).toBe(700);
    // 0 sits at the right edge when reading right to left.
    const zero = await page.getByRole('radio', { name: /^0 / }).boundingBox();
    const ten = await page.getByRole('radio', { name: /^10 / }).boundingBox();
    expect(zero && ten && zero.x > ten.x).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS}widget-nps-ar-narrow.png` });
    await close();
  });

  it('renders inline in its container and centered', async () => {
    for (const position of ['inline', 'center']) {
      const { page, close } = await open({ theme: 'light', position, locale: 'en' });
      await show(page, SURVEYS.ces as Survey);
      await expect.poll(() => dialog(page).count()).toBe(1);
      if (position === 'inline') expect(await page.locator('#inline touchpoint-widget').count()).toBe(1);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENS}widget-ces-${position}.png` });
      await close();
    }
  });
});

// `TP_SCREENSHOTS=<label> npx vitest run tests/e2e/widget.test.ts -t screenshots` writes the
// README's pictures to docs/screenshots/<label>-*.png (light, dark, phone, Arabic).
const SHOTS = process.env.TP_SCREENSHOTS;
describe.runIf(SHOTS)('docs screenshots', () => {
  const dir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
  const shots = [
    { name: 'light', scheme: 'light', view: { width: 1280, height: 720 }, locale: 'en', survey: 'nps' },
    { name: 'dark', scheme: 'dark', view: { width: 1280, height: 720 }, locale: 'en', survey: 'csat' },
    { name: 'phone', scheme: 'light', view: { width: 390, height: 844 }, locale: 'en', survey: 'nps' },
    { name: 'arabic', scheme: 'light', view: { width: 390, height: 844 }, locale: 'ar', survey: 'nps' },
  ] as const;
  for (const shot of shots) {
    it(`screenshots: ${shot.name}`, async () => {
      mkdirSync(dir, { recursive: true });
      const { page, close } = await open({ theme: 'auto', locale: shot.locale }, shot.view, shot.scheme);
      if (shot.locale === 'ar')
        await page.evaluate(() => {
          document.documentElement.lang = 'ar';
          document.documentElement.dir = 'rtl';
        });
      const survey = SURVEYS[shot.survey] as Survey;
      await show(
        page,
        shot.locale === 'ar'
          ? { ...survey, question: 'ما مدى احتمال أن توصي بمتجرنا لصديق أو زميل؟' }
          : survey,
      );
      await expect.poll(() => dialog(page).count()).toBe(1);
      await page.screenshot({ path: `${dir}${SHOTS}-${shot.name}.png` });
      if (shot.name === 'dark') {
        await page.getByRole('radio').first().click();
        await expect.poll(() => page.getByRole('textbox').count()).toBe(1);
        await page.screenshot({ path: `${dir}${SHOTS}-dark-follow-up.png` });
      }
      await close();
    });
  }
});
