import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { JourneyEvent, Metric, TouchpointConfig } from '@touchpoint/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { addFeedbackLink } from './support/feedback-link';
import { type Served, serve } from './support/serve';
import { openTab, recordEvents, type Site, startSite, type Tab, type TouchpointLike } from './support/site';

// The prompt on the real script tag (core + adapter + lazily loaded widget, strict CSP): every
// metric answered with the mouse and with the keyboard alone, Escape dismisses, axe-core finds
// nothing in any state, and each answer reaches the collector.

const SCREENS = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));

const CONFIG: TouchpointConfig = {
  version: 1,
  // Shown only when forced with Touchpoint.show(), as a "Give feedback" button does.
  surveys: [
    {
      id: 'account-nps',
      metric: 'nps',
      question: 'How likely are you to recommend Acme to a friend or colleague?',
      when: { pages: ['/nowhere'] },
      followUp: { low: 'What should we improve?', high: 'What do you like most?' },
      links: { high: { label: 'Leave a review', url: '/other' } },
    },
    {
      id: 'checkout-csat',
      metric: 'csat',
      question: 'How satisfied are you with checkout today?',
      when: { pages: ['/nowhere'] },
      followUp: { low: 'What went wrong?' },
      links: { low: { label: 'Contact support', url: '/help' } },
    },
    {
      id: 'help-ces',
      metric: 'ces',
      question: 'How easy was it to solve your problem today?',
      when: { pages: ['/nowhere'] },
    },
  ],
};

const IDS: Record<Metric, string> = { nps: 'account-nps', csat: 'checkout-csat', ces: 'help-ces' };
/** The score each way of answering picks: the mouse the lowest (a follow-up with a link for CSAT), the keyboard a high one reached with arrows. */
const MOUSE: Record<Metric, number> = { nps: 0, csat: 1, ces: 1 };
const KEYS: Record<Metric, number> = { nps: 9, csat: 4, ces: 6 };
/** Middle-band scores: NPS passive, CSAT and CES neutral. */
const MID: Record<Metric, number> = { nps: 7, csat: 3, ces: 4 };
const FIRST: Record<Metric, number> = { nps: 0, csat: 1, ces: 1 };

let browser: Browser;
let site: Site;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  site = await startSite({ config: CONFIG });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

beforeEach(async () => {
  site.collector.reset();
  context = await browser.newContext({ reducedMotion: 'reduce' });
  await context.clock.install();
  await recordEvents(context);
  return () => context.close();
});

/** axe-core on the whole page (the prompt's open shadow root included): the violations found. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/axe.js' });
  return page.evaluate(async () => {
    const run = (
      window as never as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe.run;
    const result = await run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** The element that has focus, looking through shadow roots: its role (or tag) and name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
    };
  });

/**
 * After a step changes, the prompt moves focus to the new step's heading in an effect, which
 * runs a frame later; Tab pressed before then would start from where focus was.
 */
const headingFocused = (page: Page) =>
  expect.poll(async () => (await focused(page)).role, { timeout: 10_000 }).toBe('label');

/** Presses Tab until focus is on `role` (named `name`, when given); fails after 12 presses. */
async function tabTo(page: Page, role: string, name?: RegExp) {
  for (let i = 0; i < 12; i++) {
    const now = await focused(page);
    if (now.role === role && (!name || name.test(now.name))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(
    `Tab never reached a ${role} ${name ?? ''}: focus is on ${JSON.stringify(await focused(page))}`,
  );
}

async function show(metric: Metric): Promise<Tab> {
  const tab = await openTab(context, `${site.url}/`);
  await tab.page.evaluate(
    (id) => (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.show(id),
    IDS[metric],
  );
  await tab.page.getByRole('dialog').waitFor({ timeout: 10_000 });
  return tab;
}

/** Every event the tab emitted, once the collector has acknowledged them all. */
async function delivered(tab: Tab): Promise<JourneyEvent[]> {
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
  return ids.map((id) => site.collector.received.get(id) as JourneyEvent);
}

/** The survey events, each with what it carries: the score, or the comment (which also repeats the score). */
const surveyEvents = (events: JourneyEvent[]) =>
  events
    .filter((e) => e.type.startsWith('survey_'))
    .map((e) => [e.type, (e.type === 'survey_comment' ? e.props?.comment : e.props?.score) ?? null]);

describe('answering on the script tag', () => {
  for (const metric of ['nps', 'csat', 'ces'] as const) {
    it(`answers ${metric} with the mouse, with zero axe violations at every step`, async () => {
      const tab = await show(metric);
      const { page } = tab;
      expect(await axe(page)).toEqual([]);
      await page.getByRole('radio', { name: new RegExp(`^${MOUSE[metric]}\\b`) }).click();
      const comment = page.getByRole('textbox');
      await comment.waitFor();
      if (metric === 'csat')
        expect(await page.getByRole('link', { name: 'Contact support' }).isVisible()).toBe(true);
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENS}script-${metric}-mouse-follow-up.png` });
      await comment.fill('Too many steps.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Thank you for your feedback!').waitFor();
      expect(await axe(page)).toEqual([]);
      expect(surveyEvents(await delivered(tab))).toEqual([
        ['survey_shown', null],
        ['survey_answered', MOUSE[metric]],
        ['survey_comment', 'Too many steps.'],
      ]);
      expect(await tab.violations()).toEqual([]);
      expect(tab.messages).toEqual([]);
    });

    it(`answers ${metric} with the keyboard alone: Tab in, arrows to the score, Enter, type, Enter on Send`, async () => {
      const tab = await show(metric);
      const { page } = tab;
      // The prompt does not steal focus: the person tabs into it, landing on one option.
      await tabTo(page, 'radio');
      expect((await focused(page)).name).toMatch(new RegExp(`^${FIRST[metric]}\\b`));
      for (let score = FIRST[metric]; score < KEYS[metric]; score++) await page.keyboard.press('ArrowRight');
      expect((await focused(page)).name).toMatch(new RegExp(`^${KEYS[metric]}\\b`));
      await page.keyboard.press('Enter');
      await page.getByRole('textbox').waitFor();
      await headingFocused(page);
      expect(await axe(page)).toEqual([]);
      await tabTo(page, 'textarea');
      await page.keyboard.type('Quick and clear.');
      await tabTo(page, 'button', /^Send$/);
      await page.keyboard.press('Enter');
      await page.getByText('Thank you for your feedback!').waitFor();
      expect(await axe(page)).toEqual([]);
      expect(surveyEvents(await delivered(tab))).toEqual([
        ['survey_shown', null],
        ['survey_answered', KEYS[metric]],
        ['survey_comment', 'Quick and clear.'],
      ]);
      expect(tab.messages).toEqual([]);
    });

    it(`shows the ${metric} follow-up for a middle score (the generic question) with zero axe violations`, async () => {
      const tab = await show(metric);
      await tab.page.getByRole('radio', { name: new RegExp(`^${MID[metric]}\\b`) }).click();
      await tab.page.getByRole('textbox').waitFor();
      // No band text for "mid" in the configuration: the built-in follow-up, not another band's.
      expect(
        await tab.page.getByText(/What went wrong|What should we improve|What do you like most/).count(),
      ).toBe(0);
      expect(await axe(tab.page)).toEqual([]);
      expect(tab.messages).toEqual([]);
    });

    it(`dismisses ${metric} with Escape from the keyboard, and says so to the collector`, async () => {
      const tab = await show(metric);
      const { page } = tab;
      await tabTo(page, 'radio');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      const events = await delivered(tab);
      expect(surveyEvents(events)).toEqual([
        ['survey_shown', null],
        ['survey_dismissed', null],
      ]);
      expect(events.find((e) => e.type === 'survey_dismissed')?.props).toMatchObject({
        surveyId: IDS[metric],
        metric,
      });
    });
  }
});

describe('a prompt the person opens, and a score they change', () => {
  it('takes focus when opened from the keyboard with "Give feedback", and gives it back on Escape', async () => {
    const tab = await openTab(context, `${site.url}/`);
    const { page } = tab;
    await addFeedbackLink(page, 'Touchpoint.show', [IDS.nps]);
    await page.locator('#feedback').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ timeout: 10_000 });
    await expect.poll(() => focused(page)).toEqual({ role: 'radio', name: '0 Not at all likely' });
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback');
    expect(tab.messages).toEqual([]);
  });

  it('changes the score from the keyboard alone, with zero axe violations, and sends both answers', async () => {
    const tab = await show('nps');
    const { page } = tab;
    await tabTo(page, 'radio');
    for (let score = 0; score < 6; score++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByText('Your score: 6').waitFor();
    await headingFocused(page);
    expect(await axe(page)).toEqual([]);
    await tabTo(page, 'button', /^Change$/);
    await page.keyboard.press('Enter');
    // Back on the scale, on the score chosen before, which is checked.
    await expect.poll(() => focused(page)).toEqual({ role: 'radio', name: '6' });
    expect(await page.getByRole('radio', { name: '6' }).getAttribute('aria-checked')).toBe('true');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByText('Your score: 8').waitFor();
    await headingFocused(page);
    await tabTo(page, 'button', /^Send$/);
    await page.keyboard.press('Enter');
    await page.getByText('Thank you for your feedback!').waitFor();
    expect(surveyEvents(await delivered(tab))).toEqual([
      ['survey_shown', null],
      ['survey_answered', 6],
      ['survey_answered', 8],
    ]);
    expect(tab.messages).toEqual([]);
  });
});

describe('the demo shop, as its footer switcher sets it', () => {
  const publicDir = fileURLToPath(new URL('../../demo/public/', import.meta.url));
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  let shop: Served;

  beforeAll(async () => {
    // The shop's own pages and configuration (at the URL the collector publishes it), the
    // built script tag and widget files, and a collector that takes everything.
    const files = readdirSync(dist).filter((file) => /^touchpoint(-widget(\.\w+)?)?\.js$/.test(file));
    shop = await serve({
      dir: publicDir,
      headers: { 'content-security-policy': "default-src 'self'" },
      routes: {
        ...Object.fromEntries(files.map((file) => [`/${file}`, { body: readFileSync(dist + file) }])),
        '/axe.js': { body: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js')) },
        // The pages read what the demo's collector publishes; here, the file it starts from.
        '/config/published.json': { body: readFileSync(`${publicDir}touchpoint.config.json`) },
        '/collect': (_req, res) => res.writeHead(204).end(),
      },
    });
  });
  afterAll(() => shop?.close());

  for (const [lang, theme, dir] of [
    ['ar', 'dark', 'rtl'],
    ['de', 'light', 'ltr'],
  ] as const) {
    it(`in ${lang}, ${theme}: the shop passes axe, and "Give feedback" opens the prompt as chosen`, async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      await page.goto(`${shop.url}/?lang=${lang}&theme=${theme}&position=bottom-left`);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
      expect(await page.getByLabel('Prompt language').inputValue()).toBe(lang);
      await page.getByRole('button', { name: 'Give feedback' }).click();
      const prompt = page.getByRole('dialog');
      await prompt.waitFor({ timeout: 10_000 });
      expect(await prompt.getAttribute('lang')).toBe(lang);
      expect(await prompt.getAttribute('dir')).toBe(dir);
      expect(await prompt.getAttribute('class')).toContain(`tp-${theme} tp-bottom-left`);
      // The shop's green, through --tp-accent on its :root; in dark, a lighter shade of it.
      await page.getByRole('radio', { name: /^9$/ }).click();
      const send = await page
        .getByRole('button', { name: lang === 'ar' ? 'إرسال' : 'Senden' })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      if (theme === 'light') expect(send).toBe('rgb(47, 109, 79)');
      else expect(send).not.toBe('rgb(47, 109, 79)');
      expect(await axe(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
