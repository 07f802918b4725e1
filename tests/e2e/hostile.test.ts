import type { TouchpointConfig } from '@touchpoint/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import {
  openTab,
  recordEvents,
  type Site,
  type SiteOptions,
  startSite,
  type TouchpointLike,
} from './support/site';

// Bad configuration and hostile calls on the built script tag: the page never sees an error,
// the console says `[touchpoint] <what>…` once per cause, and what is still valid keeps working.

let browser: Browser;
const sites: Site[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const site of sites) await site.close();
});

async function visit(options: SiteOptions, path = '/') {
  const site = await startSite(options);
  sites.push(site);
  const context = await browser.newContext();
  // The adapter's 5 s flush interval on a fake clock: the tests move it on instead of waiting.
  await context.clock.install();
  await recordEvents(context);
  const tab = await openTab(context, site.url + path);
  /** Resolves once the collector acknowledged every event this tab emitted. */
  const delivered = async () => {
    const ids = await tab.ids();
    await expect
      .poll(
        async () => {
          await context.clock.fastForward(5_000);
          return site.collector.missing(ids);
        },
        { timeout: 15_000 },
      )
      .toEqual([]);
  };
  return { site, tab, delivered, close: () => context.close() };
}

const INVALID: TouchpointConfig = {
  version: 1,
  surveys: [
    // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid
    { id: 'bad-metric', metric: 'stars' as any, question: 'Rate us' },
    {
      id: 'help-ces',
      metric: 'ces',
      question: 'How easy was it to solve your problem today?',
      when: { pages: ['/help'] },
    },
  ],
};

/** Console output that is not Touchpoint's, and uncaught page errors. */
const foreign = (messages: string[]) => messages.filter((m) => !m.startsWith('[touchpoint] '));

describe('bad configuration', () => {
  it('names the bad field of an invalid survey once and still shows the valid one', async () => {
    const { tab, close } = await visit({ config: INVALID }, '/help');
    await tab.page.getByRole('dialog').waitFor({ timeout: 10_000 });
    // The valid survey shows, named by its question (SPEC: the dialog is labelled by the question).
    await tab.page
      .getByRole('dialog', { name: 'How easy was it to solve your problem today?' })
      .waitFor({ timeout: 5_000 });
    const bad = tab.messages.filter((m) => m.includes('surveys[0].metric'));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^\[touchpoint\] /);
    expect(foreign(tab.messages)).toEqual([]);
    await close();
  });

  it('says the configuration URL could not be loaded, and still delivers events', async () => {
    const { tab, delivered, close } = await visit({ configUrl: '/no-such-config.json' });
    await expect.poll(() => tab.messages.filter((m) => m.includes('/no-such-config.json')).length).toBe(1);
    expect(tab.messages.find((m) => m.includes('/no-such-config.json'))).toMatch(
      /^\[touchpoint\] config .*not loaded/,
    );
    await tab.page.evaluate(() => (window as unknown as { Touchpoint: TouchpointLike }).Touchpoint.page());
    await delivered();
    // Chromium logs the 404 itself ("Failed to load resource"); nothing else is foreign.
    expect(foreign(tab.messages).filter((m) => !m.startsWith('Failed to load resource'))).toEqual([]);
    await close();
  });

  it('says a configuration file that is not JSON was not loaded, and runs no surveys', async () => {
    const { tab, close } = await visit({ config: '{"version": 1, "surveys": [' });
    const said = () => tab.messages.filter((m) => m.includes('/touchpoint.config.json'));
    await expect.poll(() => said().length).toBe(1);
    expect(said()[0]).toMatch(
      /^\[touchpoint\] config \/touchpoint\.config\.json: not loaded; no surveys run/,
    );
    // The parser's own words come with it, so the cause is visible.
    expect(said()[0]).toMatch(/JSON/);
    expect(foreign(tab.messages)).toEqual([]);
    await close();
  });
});

// What each build of the script tag says about the same hostile calls: the production build
// (touchpoint.js) names each refused call and the call whose props were changed; the development
// build (touchpoint.dev.js, types/dev.d.ts) names the argument or field and what happened instead.
const said = {
  'touchpoint.js': {
    props: ["[touchpoint] track('hostile_props') props: changed to fit JSON and its limits"],
    calls: [
      '[touchpoint] track(): invalid arguments; ignored',
      '[touchpoint] stage(): invalid arguments; ignored',
      '[touchpoint] consent(): invalid arguments; ignored',
      '[touchpoint] on(): invalid arguments; ignored',
    ],
  },
  'touchpoint.dev.js': {
    props: [
      "[touchpoint] track('hostile_props') props.cycle.self: circular; dropped",
      "[touchpoint] track('hostile_props') props.big: too long; truncated",
      "[touchpoint] track('hostile_props') props.fn: a function is not JSON; dropped",
      "[touchpoint] track('hostile_props') props.sym: a symbol is not JSON; dropped",
      "[touchpoint] track('hostile_props') props.n: bigint; sent as string",
      "[touchpoint] track('hostile_props') props.inf: Infinity is not JSON; sent as null",
      expect.stringMatching(
        /^\[touchpoint\] track\('hostile_props'\) props\.deep(\.deep)+: too deep; dropped$/,
      ),
    ],
    calls: [
      '[touchpoint] track(number): invalid; dropped',
      "[touchpoint] stage('Not A Stage!'): invalid; dropped",
      "[touchpoint] consent('yes'): invalid; ignored",
      "[touchpoint] on('*') listener: invalid; not subscribed",
    ],
  },
};

describe('hostile calls', () => {
  it.each(Object.keys(said) as (keyof typeof said)[])(
    '%s cuts cycles, huge strings, functions and other non-JSON props, says so once per cause, and delivers the rest',
    async (script) => {
      const { site, tab, delivered, close } = await visit({ script });
      const threw = await tab.page.evaluate(() => {
        const tp = (window as unknown as { Touchpoint: TouchpointLike & { push(...c: unknown[]): void } })
          .Touchpoint;
        const cycle: Record<string, unknown> = { ok: 1 };
        cycle.self = cycle;
        let deep: Record<string, unknown> = { leaf: true };
        for (let i = 0; i < 20; i++) deep = { deep };
        const props = {
          cycle,
          big: 'x'.repeat(200_000),
          fn() {},
          sym: Symbol('s'),
          n: BigInt(10),
          inf: Number.POSITIVE_INFINITY,
          deep,
          keep: 'kept',
        };
        const calls: (() => unknown)[] = [
          () => tp.track('hostile_props', props),
          () => tp.track('hostile_props', props), // the same causes again: no second message
          () => tp.track(42 as unknown as string),
          () => tp.stage('Not A Stage!'),
          () => tp.push('not an array'),
          () => tp.push(['no_such_method']),
          () => tp.consent('yes' as unknown as boolean),
          () => tp.show('no-such-survey'),
          () => tp.on('*', 'not a function' as never),
          () =>
            tp.track(
              'with_getter',
              Object.defineProperty({}, 'boom', {
                enumerable: true,
                get: () => {
                  throw new Error('getter');
                },
              }),
            ),
        ];
        const thrown: string[] = [];
        for (const call of calls)
          try {
            call();
          } catch (error) {
            thrown.push(String(error));
          }
        return thrown;
      });
      expect(threw).toEqual([]);
      await delivered();
      const hostile = [...site.collector.received.values()].filter((e) => e.name === 'hostile_props');
      expect(hostile).toHaveLength(2);
      const props = hostile[0]?.props as Record<string, unknown>;
      expect(props.keep).toBe('kept');
      expect((props.big as string).length).toBe(1000);
      expect(props.cycle).toEqual({ ok: 1 });
      expect(props.n).toBe('10');
      expect(props.inf).toBeNull();
      expect('fn' in props || 'sym' in props).toBe(false);

      expect(tab.messages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
      expect(foreign(tab.messages)).toEqual([]);
      expect(tab.messages.filter((m) => m.includes("track('hostile_props') props"))).toEqual(
        expect.arrayContaining(said[script].props),
      );
      expect(tab.messages.filter((m) => m.includes("track('hostile_props') props"))).toHaveLength(
        said[script].props.length,
      );
      expect(tab.messages).toEqual(
        expect.arrayContaining([
          ...said[script].calls,
          "[touchpoint] Touchpoint.push(): expected ['method', ...arguments]; ignored",
          '[touchpoint] Touchpoint.push(): no_such_method is not a method; ignored',
          "[touchpoint] show('no-such-survey'): unknown survey; ignored",
        ]),
      );
      expect(
        tab.messages.filter((m) => m.startsWith("[touchpoint] track('with_getter') props: unreadable")),
      ).toHaveLength(1);
      expect(new Set(tab.messages).size).toBe(tab.messages.length);
      await close();
    },
  );
});
