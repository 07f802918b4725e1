import { describe, expect, it } from 'vitest';
import demo from '../../demo/public/touchpoint.config.json';
import { candidatePaths, formatLint, lint, type Problem } from '../../packages/cli/src/lint';
import { configHash } from '../../packages/core/src/config-hash';
import type { Survey } from '../../packages/core/src/types';
import { validateConfig } from '../../packages/core/src/validate';

const survey = (id: string, when: Survey['when'], extra: Partial<Survey> = {}): Survey => ({
  id,
  metric: 'csat',
  question: `${id}?`,
  ...(when && { when }),
  ...extra,
});
const config = (...surveys: Survey[]) => ({ version: 1, surveys });
const warnings = (problems: Problem[]) => problems.filter((p) => p.level === 'warning');

describe('lint: validator problems', () => {
  it('finds nothing to say about the demo configuration', () => {
    expect(lint(demo).problems).toEqual([]);
  });

  it('reports every validator problem as an error with its path, and unknown keys as warnings', () => {
    const { problems } = lint({
      version: 1,
      surveys: [
        survey('a', { pages: ['/'] }),
        survey('b', { pages: ['checkout'] }, { sample: 2 }),
        { ...survey('c', { pages: ['/'] }), metric: 'stars', colour: 'red' },
      ],
      limits: { maxPerSession: -1 },
    });
    expect(formatLint({ hash: 'h', problems }, 'c.json')).toEqual([
      'error surveys[1].when.pages[0]: expected a page glob starting with / or !/',
      'error surveys[1].sample: expected a number from 0 to 1',
      'error surveys[2].metric: expected "nps" | "csat" | "ces"',
      'warning surveys[2].colour: unknown key, ignored',
      'error limits.maxPerSession: expected an integer ≥ 0',
      'c.json: config h, 4 error(s), 1 warning(s)',
    ]);
  });

  it('names the configuration by its hash', () => {
    expect(lint(demo).hash).toMatch(/^[0-9a-f]{8}$/);
    expect(lint({ ...demo, limits: { maxPerSession: 1 } }).hash).not.toBe(lint(demo).hash);
  });
});

describe('lint: surveys due at the same time', () => {
  it.each<[string, Survey['when'], Survey['when'], string | undefined]>([
    [
      'same page, same event',
      { pages: ['/checkout/done'], event: 'order_completed' },
      { pages: ['/checkout/done'], event: 'order_completed' },
      '/checkout/done (on order_completed)',
    ],
    [
      'a page glob that covers the other page',
      { pages: ['/checkout/**'] },
      { pages: ['/checkout/done'] },
      '/checkout/done',
    ],
    [
      'a page-view survey on the page of an event survey',
      { pages: ['/help/**'] },
      { pages: ['/help/*'], event: 'help_resolved' },
      '/help/x (on help_resolved)',
    ],
    ['no pages at all (every page) against a page', undefined, { pages: ['/account'] }, '/account'],
    ['one stage and no stage', { pages: ['/cart'], stage: 'purchase' }, { pages: ['/cart'] }, '/cart'],
    [
      'different events',
      { pages: ['/checkout/done'], event: 'a' },
      { pages: ['/checkout/done'], event: 'b' },
      undefined,
    ],
    ['different stages', { pages: ['/'], stage: 'interest' }, { pages: ['/'], stage: 'purchase' }, undefined],
    ['pages that do not overlap', { pages: ['/products/*'] }, { pages: ['/products/*/reviews'] }, undefined],
    [
      'an exclusion that removes the only shared page',
      { pages: ['/help/**', '!/help/contact'] },
      { pages: ['/help/contact'] },
      undefined,
    ],
  ])('%s', (_, a, b, where) => {
    const found = warnings(lint(config(survey('first', a), survey('second', b))).problems);
    if (where === undefined) expect(found).toEqual([]);
    else
      expect(found).toEqual([
        {
          level: 'warning',
          path: 'surveys[0]',
          message: `"first" and surveys[1] "second" can be due at the same time on ${where}; "first" wins, being first in the config`,
        },
      ]);
  });

  it('names the later survey as the winner when the first waits for an event and the later is due on the page view', () => {
    const raw = config(
      survey('csat', { pages: ['/checkout/done'], event: 'order_completed' }),
      survey('nps', { pages: ['/checkout/**'] }),
    );
    expect(warnings(lint(raw).problems)[0]?.message).toBe(
      '"csat" and surveys[1] "nps" can be due at the same time on /checkout/done (on order_completed); "nps" wins, being due on the page view, before order_completed',
    );
  });

  it('finds an overlap on a listed page that the globs alone would name differently', () => {
    const [found] = warnings(
      lint(config(survey('a', { pages: ['/docs/**'] }), survey('b', { pages: ['/*/intro'] })), [
        '/docs/intro',
      ]).problems,
    );
    expect(found?.message).toContain('on /docs/intro;');
  });

  it('keeps the file index of each survey when an invalid survey before it is skipped', () => {
    const raw = config(
      survey('a', { pages: ['/'] }),
      { ...survey('bad', { pages: ['/'] }), metric: 'x' as Survey['metric'] },
      survey('c', { pages: ['/'] }),
    );
    expect(warnings(lint(raw).problems)[0]?.message).toContain('surveys[2] "c"');
  });
});

describe('lint: sampling and pages', () => {
  it('warns about sample 0 and leaves that survey out of the overlap check', () => {
    const { problems } = lint(
      config(survey('a', { pages: ['/'] }), survey('b', { pages: ['/'] }, { sample: 0 })),
    );
    expect(problems).toEqual([
      {
        level: 'warning',
        path: 'surveys[1].sample',
        message: '0, so "b" never shows unless forced by tp.show()',
      },
    ]);
  });

  it('warns about survey and stage globs that match none of the listed pages, exclusions aside', () => {
    const raw = {
      version: 1,
      stages: { '/': 'touchpoint', '/prodcts/**': 'interest' },
      surveys: [survey('a', { pages: ['/acount/**', '/help/*', '!/nowhere'] })],
    };
    expect(lint(raw, ['/', '/help/faq', '/products/x']).problems).toEqual([
      {
        level: 'warning',
        path: 'surveys[0].when.pages[0]',
        message: '"/acount/**" matches none of the 3 listed pages',
      },
      { level: 'warning', path: 'stages["/prodcts/**"]', message: 'matches none of the 3 listed pages' },
    ]);
  });

  it('checks globs against pages only when pages are given', () => {
    expect(lint(config(survey('a', { pages: ['/acount/**'] }))).problems).toEqual([]);
  });
});

describe('lint: what the browser would refuse', () => {
  it('fails closed: an unknown condition in when, or an empty pages list, is an error', () => {
    const { problems } = lint(
      config(survey('typo', { evnt: 'order_completed' } as Survey['when']), survey('empty', { pages: [] }), {
        ...survey('ok', { pages: ['/'] }),
        colour: 'red',
      } as Survey),
    );
    expect(formatLint({ hash: 'h', problems }, 'c.json')).toEqual([
      'error surveys[0].when.evnt: expected one of pages, event, stage, delayMs, afterPageViews, user',
      'error surveys[1].when.pages: expected at least one page glob',
      'warning surveys[2].colour: unknown key, ignored',
      'c.json: config h, 2 error(s), 1 warning(s)',
    ]);
  });

  it('reports the links and strings the prompt would leave out, by the widget’s rules', () => {
    const { problems } = lint(
      config(
        survey(
          'a',
          { pages: ['/'] },
          {
            links: {
              low: { label: 'Mail us', url: 'mailto:help@shop.example' },
              mid: { label: 'Help', url: '/help' },
              high: { label: 'Call us', url: 'tel:+15555550100' },
            },
            strings: { send: 'Submit', title: 'Hello' },
          },
        ),
      ),
    );
    expect(problems.map((p) => `${p.level} ${p.path}`)).toEqual([
      'error surveys[0].links.low.url',
      'error surveys[0].links.high.url',
      'error surveys[0].strings["title"]',
    ]);
  });
});

describe('lint: the configuration hash', () => {
  it('is the hash of the validated configuration, as survey events carry it: $schema and ignored keys do not count', () => {
    const raw = { ...demo, $schema: './node_modules/@touchpoint/core/schema/touchpoint.config.schema.json' };
    expect(lint(raw).hash).toBe(configHash(validateConfig(demo).config));
    expect(lint(raw).hash).toBe(lint(demo).hash);
    expect(lint({ ...demo, theme: 'dark' }).hash).toBe(lint(demo).hash);
  });
});

describe('lint: overlaps found from the globs themselves', () => {
  it.each([
    [['/**', '!/'], ['/**']],
    [['/help/*', '!/help/x'], ['/help/*']],
    [['/**', '!/help/**'], ['/**']],
    [['/account/**', '!/account'], ['/account/**']],
  ])('finds the overlap of %j beside %j', (a, b) => {
    const found = warnings(lint(config(survey('a', { pages: a }), survey('b', { pages: b }))).problems);
    expect(found).toHaveLength(1);
    const page = found[0]?.message.match(/ on (\S+);/)?.[1] as string;
    expect(
      candidatePaths(
        a.filter((g) => g[0] !== '!'),
        b,
      ),
    ).toContain(page);
  });

  it('names the event survey the winner when the page-view survey waits its delayMs', () => {
    const raw = config(
      survey('csat', { pages: ['/checkout/done'], event: 'order_completed' }),
      survey('nps', { pages: ['/checkout/**'], delayMs: 1500 }),
    );
    expect(warnings(lint(raw).problems)[0]?.message).toBe(
      '"csat" and surveys[1] "nps" can be due at the same time on /checkout/done (on order_completed); "csat" wins, being shown on order_completed while "nps" waits its delayMs of 1500 ms',
    );
  });
});

describe('lint: schedules, priorities and targeting', () => {
  const NOW = Date.UTC(2027, 0, 15, 12);
  const at = (extra: Partial<Survey>, id = 's') => survey(id, { pages: ['/account'] }, extra);

  it.each<[string, Partial<Survey>, Problem[]]>([
    [
      'an endsAt in the past',
      { endsAt: '2027-01-01' },
      [
        {
          level: 'warning',
          path: 'surveys[0].endsAt',
          message: '2027-01-01 is in the past, so "s" no longer shows',
        },
      ],
    ],
    ['an endsAt later today', { endsAt: '2027-01-15T13:00Z' }, []],
    [
      'a start after the end',
      { startsAt: '2027-03-01', endsAt: '2027-02-01' },
      [
        {
          level: 'warning',
          path: 'surveys[0].startsAt',
          message: '2027-03-01 is not before endsAt 2027-02-01, so "s" never shows',
        },
      ],
    ],
    [
      'a start equal to the end, as instants in two zones',
      { startsAt: '2027-03-01T01:00+01:00', endsAt: '2027-03-01' },
      [
        {
          level: 'warning',
          path: 'surveys[0].startsAt',
          message: '2027-03-01T01:00+01:00 is not before endsAt 2027-03-01, so "s" never shows',
        },
      ],
    ],
    ['a start before the end, both to come', { startsAt: '2027-02-01', endsAt: '2027-03-01' }, []],
  ])('warns about %s', (_, extra, problems) => {
    expect(lint(config(at(extra)), undefined, NOW).problems).toEqual(problems);
  });

  const overlap = (a: Partial<Survey>, b: Partial<Survey>) =>
    warnings(lint(config(at(a, 'a'), at(b, 'b')), undefined, NOW).problems).map((p) => p.message);

  it('warns about two surveys due together with equal priority, naming it', () => {
    expect(overlap({ priority: 2 }, { priority: 2 })).toEqual([
      '"a" and surveys[1] "b" can be due at the same time on /account with equal priority 2; "a" wins, being first in the config',
    ]);
  });

  it.each<[string, Partial<Survey>, Partial<Survey>]>([
    ['different priorities (the team said which wins)', { priority: 1 }, {}],
    ['schedules that do not meet', { endsAt: '2027-02-01' }, { startsAt: '2027-02-01' }],
    [
      'trait values with nothing in common',
      { when: { pages: ['/account'], user: { plan: 'pro' } } },
      { when: { pages: ['/account'], user: { plan: ['free', 'team'] } } },
    ],
  ])('says nothing of two surveys on one page with %s', (_, a, b) => {
    expect(overlap(a, b)).toEqual([]);
  });

  it('still warns when trait conditions can hold together', () => {
    expect(
      overlap(
        { when: { pages: ['/account'], user: { plan: ['pro', 'team'] } } },
        { when: { pages: ['/account'], user: { plan: 'team', orders: { gte: 3 } } } },
      ),
    ).toHaveLength(1);
  });
});

describe('lint: survey texts in several languages', () => {
  it('warns about each text of a translated survey that misses a language of the file', () => {
    const raw = config(
      survey(
        'a',
        { pages: ['/'] },
        {
          question: { en: 'Q', ar: 'س', de: 'F' },
          followUp: { low: { en: 'Why?', 'de-AT': 'Warum?' }, high: 'Thanks' },
        },
      ),
      survey('b', { pages: ['/help'] }, { question: { en: 'Q', fr: 'Q ?' } }),
      survey('c', { pages: ['/x'] }, { question: 'Plain, for every language' }),
    );
    expect(warnings(lint(raw).problems)).toEqual([
      {
        level: 'warning',
        path: 'surveys[0].question',
        message:
          "in en, ar, de but not fr (the languages of this file's texts); those pages get another language's text",
      },
      {
        level: 'warning',
        path: 'surveys[0].followUp.low',
        message:
          "in en, de but not ar, fr (the languages of this file's texts); those pages get another language's text",
      },
      {
        level: 'warning',
        path: 'surveys[0].followUp.high',
        message:
          "one text for every language, not in ar, de, en, fr (the languages of this file's texts) like the survey's other texts",
      },
      {
        level: 'warning',
        path: 'surveys[1].question',
        message:
          "in en, fr but not ar, de (the languages of this file's texts); those pages get another language's text",
      },
    ]);
  });

  it('says nothing when every survey covers every language, or none is translated', () => {
    const both = { en: 'Q', ar: 'س' };
    expect(
      lint(
        config(
          survey('a', { pages: ['/'] }, { question: both, links: { low: { label: both, url: '/help' } } }),
        ),
      ).problems,
    ).toEqual([]);
    expect(lint(config(survey('a', { pages: ['/'] }), survey('b', { pages: ['/x'] }))).problems).toEqual([]);
  });
});
