// A hash-router app (`#/cart`) in Chromium, on the BUILT core as an npm app imports it
// (packages/core/dist, served as ES modules under `default-src 'self'`): with
// `autoPageviews: { hash: true }` each route is a page view whose path is the route, redacted
// like any address; an in-page anchor is none; without the option, no route is a page.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { type Routes, type Served, serve } from './support/serve';
import { CSP } from './support/site';

const CORE = fileURLToPath(new URL('../../packages/core/dist/', import.meta.url));

// The app: a router that renders the route of the fragment, and the page views it records.
const APP = `import { createTouchpoint } from '/core/index.js';
const hash = !new URLSearchParams(location.search).has('plain');
const tp = createTouchpoint(hash ? { autoPageviews: { hash: true } } : {});
window.__pages = [];
window.__tracks = [];
tp.on('page', (e) => window.__pages.push([e.page.path, e.page.url, e.page.referrer ?? '']));
tp.on('track', (e) => window.__tracks.push([e.name, e.page.path]));
const render = () => {
  document.title = location.hash || 'home';
  document.querySelector('h1').textContent = location.hash.slice(2) || 'home';
};
addEventListener('hashchange', render);
render();
document.querySelector('#push').addEventListener('click', () => {
  history.pushState(null, '', '#/pushed');
  tp.track('right_after_push');
});
`;

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title>
<script type="module" src="/app/app.js"></script></head>
<body><h1></h1><nav><a href="#/cart">Cart</a> <a href="#/reset/abc123?token=secret">Reset</a>
<a href="#reviews">Reviews</a> <button id="push" type="button">Push</button></nav></body></html>`;

let browser: Browser;
let site: Served;

beforeAll(async () => {
  const routes: Routes = {
    '/app/': { body: HTML },
    '/app/app.js': { body: APP, type: 'text/javascript' },
    '/favicon.ico': { body: '', type: 'image/x-icon' },
  };
  for (const file of readdirSync(CORE).filter((f) => f.endsWith('.js')))
    routes[`/core/${file}`] = { body: readFileSync(CORE + file) };
  site = await serve({ headers: { 'content-security-policy': CSP }, routes });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Recorded = [string, string, string][];
const pages = (tab: Page) => tab.evaluate(() => (window as unknown as { __pages: Recorded }).__pages);
const pageCount = (tab: Page, n: number) =>
  tab.waitForFunction((count) => (window as unknown as { __pages?: unknown[] }).__pages?.length === count, n);

describe('a hash-router app on the built core', () => {
  it('records a page view per hash route, with the route as the path, redacted; anchors and repeats are none', async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (e) => problems.push(e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    await tab.goto(`${site.url}/app/#/home`);
    await pageCount(tab, 1);
    await tab.getByRole('link', { name: 'Cart' }).click();
    await pageCount(tab, 2);
    // An in-page anchor is no route, so no page; the same route again is none either.
    await tab.getByRole('link', { name: 'Reviews' }).click();
    await tab.getByRole('link', { name: 'Cart' }).click();
    await tab.getByRole('link', { name: 'Reset' }).click();
    await pageCount(tab, 3);
    await tab.getByRole('button', { name: 'Push' }).click();
    await pageCount(tab, 4);
    const base = `${site.url}/app/`;
    const reset = `${base}#/reset/abc123?token=[redacted]`;
    expect(await pages(tab)).toEqual([
      ['/home', `${base}#/home`, ''],
      ['/cart', `${base}#/cart`, `${base}#/home`],
      ['/reset/abc123', reset, `${base}#/cart`],
      ['/pushed', `${base}#/pushed`, reset],
    ]);
    // The route is applied before the next event: track() right after pushState carries it.
    expect(await tab.evaluate(() => (window as unknown as { __tracks: unknown }).__tracks)).toEqual([
      ['right_after_push', '/pushed'],
    ]);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it('without the option, hash routes are no page views and the fragment is never part of the page', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/app/?plain#/home`);
    await pageCount(tab, 1);
    await tab.getByRole('link', { name: 'Cart' }).click();
    await tab.waitForFunction(() => document.title === '#/cart');
    await tab.getByRole('button', { name: 'Push' }).click();
    expect(await tab.evaluate(() => (window as unknown as { __tracks: unknown }).__tracks)).toEqual([
      ['right_after_push', '/app/'],
    ]);
    // An automatic page view would be sent from a timer of the navigation's task: one more task.
    await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    expect(await pages(tab)).toEqual([['/app/', `${site.url}/app/?plain`, '']]);
    await tab.close();
  });
});
