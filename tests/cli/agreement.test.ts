// @vitest-environment happy-dom
// explain = lint = simulate = browser: the command line names the survey the page shows. The
// browser here is the real core (createTouchpoint and its triggers, in happy-dom, with fake
// timers for `delayMs`); a prompt is "shown" the way the widget shows one, by recording
// survey_shown when survey_due arrives. One table of configurations holds all of them to the
// same answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTouchpoint, type JourneyEvent, type Props, type Survey } from '@touchpoint/core';
import { validateConfig } from '@touchpoint/core/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { explainUrl } from '../../packages/cli/src/explain';
import { lint, winner } from '../../packages/cli/src/lint';
import { simulate } from '../../packages/cli/src/simulate';
import { parseWalks } from '../../packages/cli/src/walks';

// A path, not a URL: happy-dom's global URL is not the one node:fs accepts.
const root = join(import.meta.dirname, '../../');
const draft = JSON.parse(readFileSync(`${root}packages/cli/examples/draft.config.json`, 'utf8'));
/** In the sample of both of the draft's checkout surveys (purchase-nps 20%, checkout-csat 50%). */
const VISITOR = 'cli-visitor';

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * The surveys the page shows, in order, after a page view of `url` and then `event`; with
 * `traits`, after `identify()` gave them.
 */
function browser(config: unknown, url: string, event?: string, traits?: Props): string[] {
  localStorage.setItem('tp_aid', JSON.stringify(VISITOR));
  history.replaceState(null, '', url);
  const tp = createTouchpoint({ config: config as never, autoPageviews: false });
  const shown: string[] = [];
  tp.on('survey_due', ({ survey }) => {
    shown.push(survey.id);
    tp.record('survey_shown', { surveyId: survey.id, metric: survey.metric });
  });
  if (traits) tp.identify('u-1', traits);
  tp.page();
  if (event) tp.track(event);
  vi.advanceTimersByTime(60_000);
  return shown;
}

/** The winner `touchpoint lint` names for the only pair of surveys it finds competing. */
function lintWinner(config: unknown): string | undefined {
  const overlaps = lint(config).problems.filter((p) => p.message.includes('can be due at the same time'));
  expect(overlaps).toHaveLength(1);
  return overlaps[0]?.message.match(/; "([^"]+)" wins/)?.[1];
}

/** What `touchpoint simulate` shows to one visitor on one visit to that page (sample rates of 1 only). */
function simulated(config: unknown, url: string, event?: string): string[] {
  const walks = parseWalks(JSON.stringify([[`${url}${event ? ` ${event}` : ''}`]]));
  const { surveys } = simulate(validateConfig(config).config, walks, { visitors: 1, days: 1 });
  return surveys.filter((s) => s.shown).map((s) => s.id);
}

const survey = (id: string, when: NonNullable<Survey['when']>): Survey => ({
  id,
  metric: 'csat',
  question: `${id}?`,
  when,
});
const config = (...surveys: Survey[]) => ({ version: 1, stages: { '/checkout/**': 'purchase' }, surveys });
const csat = (extra: Partial<NonNullable<Survey['when']>> = {}) =>
  survey('checkout-csat', { pages: ['/checkout/done'], event: 'order_completed', ...extra });
const nps = (extra: Partial<NonNullable<Survey['when']>> = {}) =>
  survey('purchase-nps', { pages: ['/checkout/**'], ...extra });

describe('explain, lint, simulate and the browser name the same survey', () => {
  it.each<
    [string, unknown, string, string | undefined, string | undefined, { lint?: boolean; simulate?: boolean }]
  >([
    [
      'the draft on /checkout/done',
      draft,
      '/checkout/done',
      'order_completed',
      'purchase-nps',
      { lint: true },
    ],
    [
      'an event survey during the page-view survey’s delayMs',
      config(csat(), nps({ delayMs: 1500 })),
      '/checkout/done',
      'order_completed',
      'checkout-csat',
      { lint: true, simulate: true },
    ],
    [
      'the same, with a query string in the URL',
      config(csat(), nps({ delayMs: 1500 })),
      '/checkout/done?order=123',
      'order_completed',
      'checkout-csat',
      { simulate: true },
    ],
    [
      'a delayed page-view survey first in the file',
      config(nps({ delayMs: 1500 }), csat()),
      '/checkout/done',
      'order_completed',
      'purchase-nps',
      { lint: true, simulate: true },
    ],
    [
      'a page-view survey without delay',
      config(csat(), nps()),
      '/checkout/done',
      'order_completed',
      'purchase-nps',
      { lint: true, simulate: true },
    ],
    [
      'an event survey whose own wait is shorter',
      config(csat({ delayMs: 500 }), nps({ delayMs: 1500 })),
      '/checkout/done',
      'order_completed',
      'checkout-csat',
      { lint: true, simulate: true },
    ],
    [
      'an event survey whose own wait is longer',
      config(csat({ delayMs: 2000 }), nps({ delayMs: 1500 })),
      '/checkout/done',
      'order_completed',
      'checkout-csat',
      { lint: true, simulate: true },
    ],
    [
      'two surveys on the same event',
      config(
        survey('a', { event: 'order_completed' }),
        survey('b', { pages: ['/checkout/**'], event: 'order_completed' }),
      ),
      '/checkout/done',
      'order_completed',
      'a',
      { lint: true, simulate: true },
    ],
    [
      'a survey that excludes the home page, on another page',
      config(survey('a', { pages: ['/**', '!/'] }), survey('b', { pages: ['/**'] })),
      '/products/x',
      undefined,
      'a',
      { lint: true, simulate: true },
    ],
    [
      'the same, on the excluded home page',
      config(survey('a', { pages: ['/**', '!/'] }), survey('b', { pages: ['/**'] })),
      '/',
      undefined,
      'b',
      { simulate: true },
    ],
    [
      'an excluded subtree',
      config(survey('a', { pages: ['/help/**', '!/help/contact'] }), survey('b', { pages: ['/help/*'] })),
      '/help/contact',
      undefined,
      'b',
      { simulate: true },
    ],
  ])('%s', (_, raw, url, event, expected, also) => {
    const shown = browser(raw, url, event);
    expect(shown).toEqual(expected ? [expected] : []);
    const { config: valid } = validateConfig(raw);
    expect(explainUrl(valid, { url, event, visitor: VISITOR }, Date.now()).shows).toBe(expected);
    if (also.lint) expect(lintWinner(raw)).toBe(expected);
    if (also.simulate) expect(simulated(raw, url, event)).toEqual(shown);
  });
});

describe('explain, lint, simulate and the browser agree on priorities, traits and schedules', () => {
  const JAN_20 = Date.UTC(2027, 0, 20, 10);
  const at = (id: string, when: NonNullable<Survey['when']>, extra: Partial<Survey> = {}): Survey => ({
    ...survey(id, when),
    ...extra,
  });

  /** An everyday survey, and one for pro customers that matters more. */
  const proOverEveryone = [
    at('a', { pages: ['/account'] }),
    at('b', { pages: ['/account'], user: { plan: 'pro' } }, { priority: 5 }),
  ];

  it.each<[string, Survey[], string, string | undefined, Props | undefined, string | undefined]>([
    [
      'a later survey of higher priority on the page view',
      [at('a', { pages: ['/account'] }), at('b', { pages: ['/account'] }, { priority: 5 })],
      '/account',
      undefined,
      undefined,
      'b',
    ],
    [
      'an event survey of higher priority over an earlier page-view survey due on the event',
      [
        at('nps', { pages: ['/checkout/**'], delayMs: 1500 }),
        at('csat', { pages: ['/checkout/done'], event: 'order_completed' }, { priority: 1 }),
      ],
      '/checkout/done',
      'order_completed',
      undefined,
      'csat',
    ],
    [
      'the higher-priority survey is not eligible: the next one shows',
      proOverEveryone,
      '/account',
      undefined,
      { plan: 'free' },
      'a',
    ],
    [
      'a trait-targeted survey of higher priority for a pro visitor',
      proOverEveryone,
      '/account',
      undefined,
      { plan: 'pro' },
      'b',
    ],
    [
      'a survey for many orders, to a visitor without the trait',
      [at('loyal', { pages: ['/account'], user: { orders: { gte: 3 } } })],
      '/account',
      undefined,
      undefined,
      undefined,
    ],
    [
      'a campaign inside its window over the everyday survey',
      [
        at('a', { pages: ['/account'] }),
        at('b', { pages: ['/account'] }, { priority: 1, startsAt: '2027-01-15', endsAt: '2027-02-01' }),
      ],
      '/account',
      undefined,
      undefined,
      'b',
    ],
    [
      'a campaign over: the everyday survey',
      [
        at('a', { pages: ['/account'] }),
        at('b', { pages: ['/account'] }, { priority: 1, endsAt: '2027-01-20' }),
      ],
      '/account',
      undefined,
      undefined,
      'a',
    ],
  ])('%s', (_, surveys, url, event, traits, expected) => {
    const raw = config(...surveys);
    vi.setSystemTime(JAN_20);
    const shown = browser(raw, url, event, traits);
    expect(shown).toEqual(expected ? [expected] : []);
    const { config: valid } = validateConfig(raw);
    expect(explainUrl(valid, { url, event, visitor: VISITOR, traits }, JAN_20).shows).toBe(expected);
    // Simulate: one visitor, one visit on that day, with those traits.
    const walks = parseWalks(JSON.stringify([[`${url}${event ? ` ${event}` : ''}`]]));
    const profiles = traits ? [{ share: 1, traits }] : [];
    const simulated = simulate(valid, walks, { visitors: 1, days: 1, start: JAN_20, traits: profiles });
    expect(simulated.surveys.filter((s) => s.shown).map((s) => s.id)).toEqual(shown);
    // Lint's pick between the two, when both can be due to that visitor then.
    const [a, b] = valid.surveys ?? [];
    if (
      a &&
      b &&
      expected &&
      explainUrl(valid, { url, event, visitor: VISITOR, traits }, JAN_20).explanations.every(
        (e) => e.eligible,
      )
    )
      expect(winner(a, b, event).id).toBe(expected);
  });
});

describe('the configuration hash', () => {
  it("of `touchpoint lint` equals the browser's props.configHash for the README's example with $schema", () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
      .map(([, json]) => json as string)
      .find((json) => json.includes('"$schema"'));
    const raw = JSON.parse(block as string);
    const tp = createTouchpoint({ config: raw, autoPageviews: false });
    const events: JourneyEvent[] = [];
    tp.on('*', (e) => events.push(e));
    tp.record('survey_shown', { surveyId: 'checkout-csat', metric: 'csat' });
    expect(events[0]?.props?.configHash).toMatch(/^[0-9a-f]{8}$/);
    expect(lint(raw).hash).toBe(events[0]?.props?.configHash);
  });
});
