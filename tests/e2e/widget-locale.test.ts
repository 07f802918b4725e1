import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openTab, recordEvents, type Site, startSite } from './support/site';

// The built script tag loads the widget file of the page's language, which carries that
// language's table alone: an Arabic page downloads touchpoint-widget.ar.js, never the English
// file, and its prompt speaks Arabic right to left under the strict CSP.

let browser: Browser;
let site: Site;
let context: BrowserContext;

beforeAll(async () => {
  site = await startSite({
    tag: 'data-locale="ar"',
    config: {
      version: 1,
      surveys: [{ id: 'help-ces', metric: 'ces', question: 'How easy was it?', when: { pages: ['/help'] } }],
    },
  });
  browser = await launchBrowser();
  context = await browser.newContext();
  await recordEvents(context);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describe('widget file per language', () => {
  it('loads only the Arabic widget file for data-locale="ar" and shows the prompt in Arabic', async () => {
    const requested: string[] = [];
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const tab = await openTab(context, `${site.url}/help`);
    const dialog = tab.page.getByRole('dialog', { name: 'How easy was it?' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(requested.filter((path) => path.startsWith('/touchpoint-widget'))).toEqual([
      '/touchpoint-widget.ar.js',
    ]);
    expect(await dialog.getAttribute('dir')).toBe('rtl');
    expect(await dialog.getAttribute('lang')).toBe('ar');
    await tab.page.getByRole('button', { name: 'إغلاق' }).waitFor();
    expect(await tab.page.getByRole('radio', { name: '7 سهل جدًا' }).count()).toBe(1);
    expect(await tab.violations()).toEqual([]);
    expect(tab.messages).toEqual([]);
  });

  it('falls back to the English file, saying so once, when the language file is missing', async () => {
    const missing = await browser.newContext();
    await recordEvents(missing);
    await missing.route('**/touchpoint-widget.ar.js', (route) => route.fulfill({ status: 404, body: '' }));
    const tab = await openTab(missing, `${site.url}/help`);
    await tab.page.getByRole('dialog', { name: 'How easy was it?' }).waitFor({ timeout: 10_000 });
    expect(tab.messages.filter((m) => m.includes('touchpoint-widget.ar.js did not load'))).toHaveLength(1);
    await missing.close();
  });
});
