import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TouchpointConfig } from '@touchpoint/core';
import type { BrowserContext, Page } from 'playwright-core';
import { type Collector, createCollector } from './collector';
import { type Routes, serve } from './serve';

// A small site on 127.0.0.1 that loads the BUILT script tag (dist/touchpoint.js, and the
// widget file of the page's language when a survey is due) under a strict CSP, and delivers
// to a collector whose failures the test controls.
const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
const require = createRequire(import.meta.url);

/** The SPEC's strict policy: every script and style from the site itself, nothing inline. */
export const CSP = "default-src 'self'";

/** The pages every site serves, each with the script tag. */
export const PATHS = ['/', '/other', '/products/x', '/checkout/done', '/help', '/account'];

export interface SiteOptions {
  /** Served at /touchpoint.config.json; a string is served as is (to serve broken JSON). */
  config?: TouchpointConfig | string;
  /** More attributes on the script tag, e.g. `data-require-consent`. */
  tag?: string;
  /** `false`: no data-config attribute at all. */
  configUrl?: string | false;
  /** The file of dist/ served as /touchpoint.js: `touchpoint.dev.js` for the development build. */
  script?: string;
}

export interface Site {
  /** `http://127.0.0.1:<port>` */
  url: string;
  collector: Collector;
  close(): Promise<void>;
}

/**
 * A page of the site. The script tag is a plain (not async) one in the head, so it runs
 * before DOMContentLoaded: the core loses the first page view otherwise (see script.test.ts).
 */
export function pageHtml(path: string, options: SiteOptions = {}): string {
  const config =
    options.configUrl === false ? '' : ` data-config="${options.configUrl ?? '/touchpoint.config.json'}"`;
  const title = path === '/' ? 'Home' : path.slice(1);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="/touchpoint.js" data-endpoint="/collect"${config} ${options.tag ?? ''}></script></head>
<body><main><h1>${title}</h1><p>Acme sells sturdy things.</p><a href="/other">Other page</a></main></body></html>`;
}

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  if (!existsSync(`${DIST}touchpoint-widget.js`))
    throw new Error('dist/ is missing: run `npx rollup -c --silent` first');
  const collector = createCollector();
  const config = options.config ?? { version: 1 };
  const routes: Routes = {
    '/touchpoint.js': { body: readFileSync(DIST + (options.script ?? 'touchpoint.js')) },
    // touchpoint-widget.js (English) and touchpoint-widget.<lang>.js, one per language.
    ...Object.fromEntries(
      readdirSync(DIST)
        .filter((file) => /^touchpoint-widget(\.\w+)?\.js$/.test(file))
        .map((file) => [`/${file}`, { body: readFileSync(DIST + file) }]),
    ),
    '/touchpoint.config.json': { body: typeof config === 'string' ? config : JSON.stringify(config) },
    '/axe.js': { body: readFileSync(require.resolve('axe-core/axe.min.js')), type: 'text/javascript' },
    '/favicon.ico': { body: '', type: 'image/x-icon' },
    '/collect': collector.route,
  };
  for (const path of PATHS) routes[path] = { body: pageHtml(path, options) };
  const server = await serve({ headers: { 'content-security-policy': CSP }, routes });
  return { url: server.url, collector, close: server.close };
}

interface Recorded {
  __tpIds: string[];
  __csp: string[];
}

/** A tab of the site, with what it said on the console and every event its instance emitted. */
export interface Tab {
  page: Page;
  /** Console warnings and errors, and uncaught page errors as `pageerror: <message>`. */
  messages: string[];
  /** Ids of the events this document's instance emitted (gone with the document: read before a reload). */
  ids(): Promise<string[]>;
  /** CSP violations in this document. */
  violations(): Promise<string[]>;
}

/**
 * Records, from before any page script runs, every event id (through the pre-load queue, so
 * the automatic page view is seen too) and every CSP violation. Once per context.
 */
export async function recordEvents(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as Recorded & { Touchpoint?: unknown[] };
    w.__tpIds = [];
    w.__csp = [];
    w.Touchpoint = [['on', '*', (e: { id: string }) => w.__tpIds.push(e.id)]];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** Opens `url` in a new tab of `context` and waits for the live instance. */
export async function openTab(context: BrowserContext, url: string): Promise<Tab> {
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(m.text());
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await ready(page);
  return {
    page,
    messages,
    ids: () => page.evaluate(() => (window as unknown as Recorded).__tpIds ?? []),
    violations: () => page.evaluate(() => (window as unknown as Recorded).__csp ?? []),
  };
}

/** Waits until window.Touchpoint is the live instance, not the pre-load queue. */
export const ready = (page: Page) =>
  page.waitForFunction(() => {
    const tp = (window as unknown as { Touchpoint?: unknown }).Touchpoint;
    return !!tp && !Array.isArray(tp);
  });

/** Tracks `count` events named `name` in the page (props.n = 0…count-1) and returns their ids. */
export const trackMany = (page: Page, name: string, count: number) =>
  page.evaluate(
    ([name, count]) => {
      const tp = (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint;
      const ids: string[] = [];
      const off = tp.on('*', (e) => ids.push(e.id));
      for (let n = 0; n < count; n++) tp.track(name, { n });
      off();
      return ids;
    },
    [name, count] as const,
  );

/** The part of window.Touchpoint the tests drive from page.evaluate. */
export interface TouchpointLike {
  track(name: string, props?: unknown): void;
  stage(name: string, props?: unknown): void;
  page(props?: unknown): void;
  consent(granted: boolean): void;
  show(id: string): void;
  on(type: string, fn: (e: { id: string; type: string }) => void): () => void;
  explain(): { id: string; eligible: boolean; reasons: { rule: string; ok: boolean; detail: string }[] }[];
}
