// @vitest-environment happy-dom
// The demo shop's pages and configuration: each page carries its journey stage, loads
// Touchpoint the SPEC's way, and runs under `default-src 'self'` (nothing inline).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTouchpoint, STAGES, type TouchpointConfig } from '@touchpoint/core';

// A string, not `new URL()`: under happy-dom, URL is the DOM's and fileURLToPath refuses it.
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../../../demo/public');
const config: TouchpointConfig = JSON.parse(readFileSync(join(publicDir, 'touchpoint.config.json'), 'utf8'));

/** Every HTML page with the clean URL the server gives it. */
const pages = (readdirSync(publicDir, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.html'))
  .map((file) => {
    const path = `/${relative(publicDir, join(publicDir, file))}`
      .replace(/(index)?\.html$/, '')
      .replace(/(.)\/$/, '$1');
    return { path, html: readFileSync(join(publicDir, file), 'utf8') };
  });

/** The configuration's stage for a path: its own glob rules, in the small subset used here. */
function configStage(path: string): string | undefined {
  const matches = Object.entries(config.stages ?? {}).filter(([glob]) =>
    glob.endsWith('/**') ? path === glob.slice(0, -3) || path.startsWith(glob.slice(0, -2)) : path === glob,
  );
  return matches.sort(([a], [b]) => b.length - a.length)[0]?.[1];
}

const attr = (html: string, tag: string, name: string) =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(html)?.[1];

describe('the shop pages', () => {
  it('walk the journey: home, product, cart, checkout, confirmation, account, help and cancel', () => {
    const paths = pages.map((p) => p.path);
    for (const path of [
      '/',
      '/products/trail-runner',
      '/cart',
      '/checkout',
      '/checkout/done',
      '/account',
      '/help',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths).toContain('/cancel');
    expect(new Set(pages.map((p) => attr(p.html, 'body', 'data-tp-stage')))).toEqual(
      new Set(['touchpoint', 'interest', 'purchase', 'use', 'service', 'churn']),
    );
  });

  it.each(pages.map((p) => [p.path, p.html]))(
    '%s tags its body with the stage the configuration maps it to',
    (path, html) => {
      const stage = attr(html, 'body', 'data-tp-stage');
      expect(STAGES).toContain(stage);
      expect(stage).toBe(configStage(path));
    },
  );

  it.each(pages.map((p) => [p.path, p.html]))(
    '%s loads shop.js and the script tag with the collector and the configuration the editor publishes',
    (_path, html) => {
      expect(html).toMatch(/<script src="\/shop\.js" defer><\/script>/);
      expect(html).toMatch(
        /<script src="\/touchpoint\.js" async data-endpoint="\/collect" data-config="\/config\/published\.json"><\/script>/,
      );
    },
  );

  it.each(pages.map((p) => [p.path, p.html]))(
    '%s has no inline script, style or event handler (CSP default-src self)',
    (_path, html) => {
      expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/\son[a-z]+="/);
    },
  );

  it('tags the journey actions for no-code tracking', () => {
    const tracked = pages.flatMap((p) => [...p.html.matchAll(/data-tp-track="([^"]+)"/g)].map((m) => m[1]));
    expect(tracked).toEqual(
      expect.arrayContaining([
        'add_to_cart',
        'begin_checkout',
        'place_order',
        'help_resolved',
        'membership_cancelled',
      ]),
    );
  });

  it('offers "Give feedback" on every page for a survey the configuration has', () => {
    const ids = new Set(config.surveys?.map((s) => s.id));
    for (const { html } of pages) {
      const survey = attr(html, 'button', 'data-shop-feedback');
      expect(survey && ids.has(survey)).toBe(true);
    }
  });
});

describe('the shop configuration', () => {
  const survey = (metric: string) => config.surveys?.find((s) => s.metric === metric);

  it('asks CSAT on the order confirmation once the order is completed', () => {
    expect(survey('csat')?.when).toMatchObject({ pages: ['/checkout/done'], event: 'order_completed' });
    const done = pages.find((p) => p.path === '/checkout/done')?.html ?? '';
    expect(attr(done, 'body', 'data-shop-track')).toBe('order_completed');
  });

  it('asks NPS on account pages, the relationship survey the feedback button forces', () => {
    expect(survey('nps')).toMatchObject({ id: 'site-nps', when: { pages: ['/account/**'] } });
  });

  it('asks CES on help pages after the visitor says the answer helped', () => {
    expect(survey('ces')?.when).toMatchObject({ pages: ['/help/**'], event: 'help_resolved' });
  });

  it('is valid for the core: no configuration warning, and every survey is known to explain()', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = createTouchpoint({ config, autoPageviews: false });
    expect(warn).not.toHaveBeenCalled();
    expect(tp.explain().map((e) => e.id)).toEqual(config.surveys?.map((s) => s.id));
  });
});
