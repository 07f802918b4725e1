import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Survey } from '@touchpoint/core';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { addFeedbackLink } from './support/feedback-link';
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
    expect(
      await page.getByRole('dialog', { name: (SURVEYS.csat as Survey).question as string }).count(),
    ).toBe(1);
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

const GERMAN: Survey = {
  id: 'de-nps',
  metric: 'nps',
  question:
    'Wie wahrscheinlich empfehlen Sie unsere Kundendienstleistungsqualitätsverbesserungsmaßnahmen weiter?',
  followUp: {
    low: 'Was sollten wir an unseren Kundendienstleistungsqualitätsverbesserungsmaßnahmen zuerst ändern, damit Sie uns beim nächsten Mal eine bessere Bewertung geben? Jede Kleinigkeit hilft uns, denn wir lesen jede Antwort selbst.',
  },
  links: { low: { label: 'Kundendienst kontaktieren', url: '/help' } },
};

/** Boxes of every score option, and of the two end labels. */
const scaleBoxes = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('touchpoint-widget')?.shadowRoot;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return {
      options: [...(root?.querySelectorAll('[role=radio]') ?? [])].map(box),
      ends: [...(root?.querySelectorAll('.tp-ends span') ?? [])].map(box),
      card: box(root?.querySelector('[role=dialog]') as Element),
    };
  });

describe('the prompt as a designer checks it', () => {
  for (const width of [320, 390, 1280]) {
    for (const metric of ['nps', 'csat', 'ces']) {
      it(`${metric} at ${width} px: one row of options of at least 24 × 24 px, end labels under the ends`, async () => {
        const { page, close } = await open({ theme: 'light', locale: 'en' }, { width, height: 720 });
        await show(page, SURVEYS[metric] as Survey);
        await expect.poll(() => dialog(page).count()).toBe(1);
        const { options, ends, card } = await scaleBoxes(page);
        expect(new Set(options.map((o) => Math.round(o.top))).size).toBe(1);
        for (const o of options) {
          expect(o.width).toBeGreaterThanOrEqual(24);
          expect(o.height).toBeGreaterThanOrEqual(24);
          expect(o.right).toBeLessThanOrEqual(card.right);
        }
        const [first, last] = [options[0], options.at(-1)] as [typeof card, typeof card];
        const [start, end] = ends as [typeof card, typeof card];
        expect(start.top).toBeGreaterThanOrEqual(first.bottom);
        expect(Math.abs(start.left - first.left)).toBeLessThan(2);
        expect(Math.abs(end.right - last.right)).toBeLessThan(2);
        expect(card.right).toBeLessThanOrEqual(width);
        await close();
      });
    }
  }

  it('shows the chosen score on the follow-up and lets the person change it', async () => {
    const { page, close } = await open({ theme: 'light', locale: 'en' }, { width: 390, height: 844 });
    await show(page, SURVEYS.nps as Survey);
    await page.getByRole('radio', { name: '6' }).click();
    await expect.poll(() => page.getByText('Your score: 6').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Change' }).click();
    expect(await page.getByRole('radio', { name: '6' }).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('radio', { name: /^9$/ }).click();
    await expect.poll(() => page.getByText('Your score: 9').isVisible()).toBe(true);
    // The high band's link, plain text beside the one filled button.
    const link = page.getByRole('link', { name: 'Leave a review' });
    const send = page.getByRole('button', { name: 'Send' });
    const [linkBg, sendBg] = await Promise.all(
      [link, send].map((l) => l.evaluate((el) => getComputedStyle(el).backgroundColor)),
    );
    expect(linkBg).toBe('rgba(0, 0, 0, 0)');
    expect(sendBg).not.toBe('rgba(0, 0, 0, 0)');
    expect(await axe(page)).toEqual([]);
    const answers = await page.evaluate(() =>
      (window as never as { __tp: { records: { type: string; props: { score: number } }[] } }).__tp.records
        .filter((r) => r.type === 'survey_answered')
        .map((r) => r.props.score),
    );
    expect(answers).toEqual([6, 9]);
    await close();
  });

  it('shows the Arabic text of a survey on an Arabic page, right to left', async () => {
    const { page, close } = await open({ theme: 'light' }, { width: 390, height: 844 });
    await page.evaluate(() => {
      document.documentElement.lang = 'ar';
    });
    await page.evaluate(() => (window as never as { __tp: { mount(o: unknown): void } }).__tp.mount({}));
    await show(page, {
      ...(SURVEYS.nps as Survey),
      question: { en: 'Would you recommend us?', ar: 'هل توصي بنا لصديق؟' } as never,
    });
    const card = page.getByRole('dialog', { name: 'هل توصي بنا لصديق؟' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('button', { name: 'إغلاق' }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('keeps the card, and its Close button, on a 568 × 320 landscape phone', async () => {
    const { page, close } = await open({ theme: 'light', locale: 'en' }, { width: 568, height: 320 });
    await show(page, GERMAN);
    await expect.poll(() => dialog(page).count()).toBe(1);
    const card = await dialog(page).boundingBox();
    expect(card && card.y >= 0 && card.y + card.height <= 320 && card.x + card.width <= 568).toBe(true);
    const closeButton = page.getByRole('button', { name: 'Close' });
    const box = await closeButton.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 320).toBe(true);
    // The follow-up is taller than what is left of the screen: its body scrolls, Close stays.
    await page.getByRole('radio', { name: '3' }).click();
    const scrolls = await page.evaluate(() => {
      const body = document.querySelector('touchpoint-widget')?.shadowRoot?.querySelector('.tp-body');
      return (body?.scrollHeight ?? 0) > (body?.clientHeight ?? 0);
    });
    expect(scrolls).toBe(true);
    await page.getByRole('button', { name: 'Send' }).scrollIntoViewIfNeeded();
    const send = await page.getByRole('button', { name: 'Send' }).boundingBox();
    expect(send && send.y >= 0 && send.y + send.height <= 320).toBe(true);
    const after = await closeButton.boundingBox();
    expect(after && after.y >= 0 && after.y + after.height <= 320).toBe(true);
    await closeButton.click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await close();
  });

  for (const width of [320, 1280]) {
    it(`wraps a long German compound inside the card at ${width} px`, async () => {
      const { page, close } = await open({ theme: 'light', locale: 'de' }, { width, height: 720 });
      await page.evaluate(() => {
        document.documentElement.lang = 'de';
      });
      await show(page, GERMAN);
      await expect.poll(() => dialog(page).count()).toBe(1);
      const overflow = await page.evaluate(() => {
        const card = document.querySelector('touchpoint-widget')?.shadowRoot?.querySelector('[role=dialog]');
        const heading = card?.querySelector('h2');
        return {
          card: (card?.scrollWidth ?? 0) - (card?.clientWidth ?? 0),
          heading: (heading?.scrollWidth ?? 0) - (heading?.clientWidth ?? 0),
          right: card?.getBoundingClientRect().right ?? 0,
        };
      });
      expect(overflow.card).toBeLessThanOrEqual(0);
      expect(overflow.heading).toBeLessThanOrEqual(0);
      expect(overflow.right).toBeLessThanOrEqual(width);
      await close();
    });
  }

  it('takes the accent option, with text on it that contrasts, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await open(
        { theme: 'auto', locale: 'en', accent: '#1a7f4b' },
        undefined,
        scheme,
      );
      await show(page, SURVEYS.csat as Survey);
      await page.getByRole('radio', { name: /^4 / }).click();
      const colours = await page
        .getByRole('button', { name: 'Send' })
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      if (scheme === 'light') expect(colours).toEqual(['rgb(26, 127, 75)', 'rgb(255, 255, 255)']);
      // Dark derives a lighter green from the accent, with black text on it.
      else {
        expect(colours[0]).not.toBe('rgb(26, 127, 75)');
        expect(colours[1]).toBe('rgb(0, 0, 0)');
      }
      expect(await axe(page)).toEqual([]);
      await close();
    }
  });

  it("picks up the site's brand colour from --tp-accent on the page", async () => {
    const { page, close } = await open({ theme: 'light', locale: 'en' });
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(':root{--brand-green:#1a7f4b;--tp-accent:var(--brand-green)}');
      document.adoptedStyleSheets = [sheet];
    });
    await show(page, SURVEYS.nps as Survey);
    await page.getByRole('radio', { name: '5' }).click();
    expect(
      await page.getByRole('button', { name: 'Send' }).evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(26, 127, 75)');
    await close();
  });

  it('takes focus when the person opens the prompt, and gives it back on close', async () => {
    const { page, close } = await open({ theme: 'light', locale: 'en' });
    await addFeedbackLink(page, '__tp.show', [SURVEYS.nps, true]);
    await page.locator('#feedback').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).count()).toBe(1);
    const inPrompt = () =>
      page.evaluate(
        () =>
          document
            .querySelector('touchpoint-widget')
            ?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null,
      );
    await expect.poll(inPrompt).toBe('0 Not at all likely');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback');
    await close();
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
      // The Arabic shot gives the question by language, as a configuration would.
      const arabic = { en: survey.question, ar: 'ما مدى احتمال أن توصي بمتجرنا لصديق أو زميل؟' };
      await show(page, shot.locale === 'ar' ? { ...survey, question: arabic as never } : survey);
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
