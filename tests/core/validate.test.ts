import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTouchpoint, type SurveyDue } from '@touchpoint/core';
import { Ajv } from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { formatProblem } from '../../packages/core/src/config-problem';
import { validateConfig } from '../../packages/core/src/validate';

/** The problems as the console prints them, `<path>: <message>`. */
const printed = (input: unknown) => validateConfig(input).problems.map(formatProblem);

// Paths, not URLs: happy-dom's global URL is not the one node:fs accepts.
const dir = join(import.meta.dirname, 'configs');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../packages/core/schema/touchpoint.config.schema.json'), 'utf8'),
);

describe('the runtime validator and the JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const schemaValid = ajv.compile(schema);

  it('has good and bad sample configurations to compare', () => {
    expect(fixtures.filter((f) => f.startsWith('good-')).length).toBeGreaterThanOrEqual(3);
    expect(fixtures.filter((f) => f.startsWith('bad-')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('agree on whether %s is valid', (name) => {
    const config = fixture(name);
    const valid = name.startsWith('good-');
    expect(schemaValid(config), JSON.stringify(schemaValid.errors)).toBe(valid);
    expect(validateConfig(config).problems.length === 0).toBe(valid);
  });
});

describe('validateConfig', () => {
  it.each([
    ['bad-metric.json', ['surveys[2].metric: expected "nps" | "csat" | "ces"']],
    ['bad-root.json', ['config: expected an object']],
    ['bad-missing-version.json', ['version: expected 1']],
    ['bad-unknown-key.json', ['theme: unknown key, ignored', 'surveys[0].cooldownDay: unknown key, ignored']],
    [
      'bad-when.json',
      [
        'surveys[0].when.evnt: expected one of pages, event, stage, delayMs, afterPageViews, user',
        'surveys[1].when.pages: expected at least one page glob',
      ],
    ],
    [
      'bad-types.json',
      [
        'version: expected 1',
        'stages["/checkout/**"]: expected a stage name (a-z, 0-9, _, -)',
        'surveys[0].id: expected a non-empty string',
        'surveys[0].question: expected a non-empty string',
        'surveys[0].when.pages: expected an array',
        'surveys[0].when.event: expected a non-empty string',
        'surveys[0].when.stage: expected a stage name (a-z, 0-9, _, -)',
        'surveys[0].when.delayMs: expected a number from 0 to 2147483647',
        'surveys[0].when.afterPageViews: expected an integer ≥ 1',
        'surveys[0].sample: expected a number from 0 to 1',
        'surveys[0].cooldownDays: expected a number ≥ 0',
        'surveys[0].repeatAfterDays: expected a number ≥ 0',
        'limits.maxPerSession: expected an integer ≥ 0',
        'limits.minDaysBetweenSurveys: expected a number ≥ 0',
      ],
    ],
    [
      'bad-ranges.json',
      [
        'stages["checkout/**"]: expected a path glob starting with /',
        'stages["!/admin/**"]: expected a path glob starting with /',
        'surveys[0].when.delayMs: expected a number from 0 to 2147483647',
      ],
    ],
    [
      'bad-preview-origins.json',
      [
        'previewOrigins[0]: expected an origin (https://host)',
        'previewOrigins[1]: expected an origin (https://host)',
      ],
    ],
    [
      'bad-links.json',
      [
        'surveys[0].followUp.low: expected a non-empty string',
        'surveys[0].followUp.worst: unknown key, ignored',
        'surveys[0].links.low.url: expected a non-empty string',
        'surveys[0].links.high: expected an object',
        'surveys[0].strings["close"]: expected a non-empty string',
      ],
    ],
    [
      'bad-missing-fields.json',
      [
        'surveys[0].id: expected a non-empty string',
        'surveys[0].metric: expected "nps" | "csat" | "ces"',
        'surveys[0].question: expected a non-empty string',
        'surveys[0].when.pages[0]: expected a page glob starting with / or !/',
        'surveys[1]: expected an object',
        'surveys[2]: expected an object',
        'stages: expected an object',
        'limits: expected an object',
      ],
    ],
    [
      'bad-targeting.json',
      [
        'surveys[0].question: expected a non-empty string or a map by language',
        'surveys[0].when.user["plan"]: expected at least one value',
        'surveys[0].when.user["orders"].atLeast: expected one of gt, gte, lt, lte',
        'surveys[0].when.user["age"]: expected gt, gte, lt or lte',
        'surveys[0].when.user["tags"].gte: expected a number',
        'surveys[0].when.user["x"]: expected a string, number or boolean',
        'surveys[1].question["english"]: expected a language tag',
        'surveys[1].startsAt: expected an ISO 8601 date, or date-time with its zone',
        'surveys[1].endsAt: expected an ISO 8601 date, or date-time with its zone',
        'surveys[2].question["en"]: expected a non-empty string',
        'surveys[2].priority: expected a number',
        'surveys[2].followUp.low["en"]: expected a non-empty string',
      ],
    ],
  ])('reports every problem of %s with its path', (name, problems) => {
    expect(printed(fixture(name))).toEqual(problems);
  });

  it('skips the invalid surveys and keeps the valid ones, in order', () => {
    const { config, skipped } = validateConfig(fixture('bad-metric.json'));
    expect(config.surveys?.map((s) => s.id)).toEqual(['a', 'b']);
    expect(skipped).toEqual(['surveys[2]']);
  });

  it('runs a survey whose only problem is an unknown key', () => {
    expect(validateConfig(fixture('bad-unknown-key.json')).config.surveys?.map((s) => s.id)).toEqual(['a']);
  });

  it('fails closed: skips a survey whose when has an unknown key or an empty pages list', () => {
    const { config, skipped } = validateConfig(fixture('bad-when.json'));
    expect(config.surveys?.map((s) => s.id)).toEqual(['good']);
    expect(skipped).toEqual(['surveys[0]', 'surveys[1]']);
  });

  it('fails closed in the browser too: the survey never shows, and the console names it with its path', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    history.replaceState(null, '', '/');
    const tp = createTouchpoint({ config: fixture('bad-when.json') as never, autoPageviews: false });
    const dues: SurveyDue[] = [];
    tp.on('survey_due', (due) => dues.push(due));
    tp.page();
    tp.track('order_completed');
    // No widget records survey_shown here, so the valid survey is due again on the event.
    expect(new Set(dues.map((due) => due.survey.id))).toEqual(new Set(['good']));
    expect(warn.mock.calls.map((call) => call[0])).toContain(
      '[touchpoint] config: invalid; 2 survey(s) skipped, other bad fields ignored:\n' +
        'surveys[0].when.evnt: expected one of pages, event, stage, delayMs, afterPageViews, user\n' +
        'surveys[1].when.pages: expected at least one page glob',
    );
  });

  it('drops a bad stage entry but keeps the good ones', () => {
    expect(validateConfig(fixture('bad-types.json')).config.stages).toEqual({ '/': 'touchpoint' });
  });

  it('drops a stage entry whose key is not a path glob but keeps the good ones', () => {
    expect(validateConfig(fixture('bad-ranges.json')).config.stages).toEqual({ '/checkout/**': 'purchase' });
  });

  it('accepts the longest delay setTimeout honours', () => {
    const survey = { id: 'a', metric: 'nps', question: 'Q?', when: { delayMs: 2147483647 } };
    expect(validateConfig({ version: 1, surveys: [survey] }).problems).toEqual([]);
  });

  it('drops invalid limits so the defaults apply', () => {
    expect(validateConfig(fixture('bad-types.json')).config.limits).toBeUndefined();
    expect(validateConfig(fixture('good-spec.json')).config.limits).toEqual({
      maxPerSession: 1,
      minDaysBetweenSurveys: 7,
    });
  });

  it('skips the second survey with an id already used, which the schema cannot express', () => {
    const { config, problems, skipped } = validateConfig({
      version: 1,
      surveys: [
        { id: 'a', metric: 'nps', question: 'Q1' },
        { id: 'a', metric: 'csat', question: 'Q2' },
      ],
    });
    expect(problems).toEqual([
      { path: 'surveys[1].id', code: 'invalid', message: 'expected a unique id, "a" is used twice' },
    ]);
    expect(config.surveys).toHaveLength(1);
    expect(skipped).toEqual(['surveys[1]']);
  });

  it('does not take keys inherited from Object.prototype for known fields', () => {
    expect(printed({ version: 1, toString: 1 })).toEqual(['toString: unknown key, ignored']);
  });

  it.each([undefined, null, 'config', 42, true])(
    'reports %j as not an object instead of throwing',
    (input) => {
      expect(validateConfig(input)).toEqual({
        config: { version: 1 },
        problems: [{ path: 'config', code: 'invalid', message: 'expected an object' }],
        skipped: [],
      });
    },
  );

  it('skips a survey with a mistyped user condition rather than showing it to everyone', () => {
    const { config, skipped } = validateConfig({
      version: 1,
      surveys: [{ id: 'pro', metric: 'nps', question: 'Q', when: { user: { plan: { eq: 'pro' } } } }],
    });
    expect(config.surveys).toEqual([]);
    expect(skipped).toEqual(['surveys[0]']);
  });

  it.each([
    ['2027-02-30', 'a day the month does not have'],
    ['2027-01-15T09:00', 'a time without a zone'],
    ['15/01/2027', 'another format'],
    ['2027-01-15T25:00Z', 'an hour the day does not have'],
  ])('refuses %s as a schedule date (%s)', (date) => {
    expect(
      validateConfig({ version: 1, surveys: [{ id: 'a', metric: 'nps', question: 'Q', endsAt: date }] })
        .skipped,
    ).toEqual(['surveys[0]']);
  });

  it('keeps a valid configuration as it was written', () => {
    const input = fixture('good-full.json') as { $schema?: string };
    const { $schema: _, ...rest } = input;
    expect(validateConfig(input).config).toEqual(rest);
  });

  it('keeps the problems of each call apart, even when one runs inside another', () => {
    let inner: ReturnType<typeof validateConfig> | undefined;
    const outer = validateConfig({
      version: 1,
      surveys: 'all',
      // A getter that validates another configuration while this one is being checked.
      get limits() {
        inner = validateConfig({ version: 1, stages: [] });
        return { maxPerSession: -1 };
      },
    });
    expect(outer.problems.map(formatProblem)).toEqual([
      'surveys: expected an array',
      'limits.maxPerSession: expected an integer ≥ 0',
    ]);
    expect(inner?.problems.map(formatProblem)).toEqual(['stages: expected an object']);
  });

  it('types each problem by path and code, so tools read them without parsing the text', () => {
    expect(
      validateConfig({
        surveys: [{ id: 'a', metric: 'stars', question: 'Q', colour: 'red', when: { evnt: 'x' } }],
      }).problems,
    ).toEqual([
      { path: 'version', code: 'invalid', message: 'expected 1' },
      { path: 'surveys[0].metric', code: 'invalid', message: 'expected "nps" | "csat" | "ces"' },
      { path: 'surveys[0].colour', code: 'unknown-key', message: 'unknown key, ignored' },
      expect.objectContaining({ path: 'surveys[0].when.evnt', code: 'invalid' }),
    ]);
  });
});
