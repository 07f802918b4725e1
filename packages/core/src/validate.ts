// The runtime check of the survey configuration product teams edit. Hand-written rather
// than a JSON Schema engine, which would weigh more than the whole core: a handful of
// combinators (`shape`, `list`, …) describe the config once, and every message comes from
// one `fail`, so each reads `surveys[2].metric: expected "nps" | "csat" | "ces"`. The JSON
// Schema in packages/core/schema/ describes the same rules for editors; a test keeps them
// agreeing.
import { parseScheduleDate } from './schedule.js';
import { isStageName } from './stages.js';
import { METRICS } from './survey-events.js';
import type { Survey, TouchpointConfig } from './types.js';

/** One problem of a configuration: where, what kind, and what the field needs. */
export interface ConfigProblem {
  /** The field's path, `surveys[2].metric`; `config` for the file itself. */
  path: string;
  /**
   * `invalid`: the value breaks its rule and is left out (a survey with one is skipped);
   * `unknown-key`: a key the format does not have, ignored (inside `when`, where a mistyped
   * condition must never widen who sees a survey, an unknown key is `invalid`).
   */
  code: 'invalid' | 'unknown-key';
  /** What is wrong, for people: `expected "nps" | "csat" | "ces"`, `unknown key, ignored`. */
  message: string;
}

/** A problem as the console and `touchpoint lint` print it: `surveys[2].metric: expected …`. */
export const formatProblem = (problem: ConfigProblem): string => `${problem.path}: ${problem.message}`;

/** What `validateConfig` found, and the configuration that runs despite it. */
export interface Validation {
  /** Only valid surveys, stages and limits; bad ones are left out. */
  config: TouchpointConfig;
  /** Every problem, each with its path; unknown keys included (they are ignored, not fatal). */
  problems: ConfigProblem[];
  /** Paths of the surveys left out, e.g. `surveys[2]`. */
  skipped: string[];
}

type Problems = ConfigProblem[];

/** True when `value` at `path` is valid; otherwise its problems are added to `problems`. */
type Check = (value: unknown, path: string, problems: Problems) => boolean;
type Obj = Record<string, unknown>;

// The combinators are marked free of side effects, and the configuration's checks are built on
// first use (`configChecks`), so a bundle that never validates sheds the whole validator.

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records a problem that drops the field; false, so a check can end with it. */
const fail = (problems: Problems, path: string, expected: string): false => {
  problems.push({ path: path || 'config', code: 'invalid', message: `expected ${expected}` });
  return false;
};

/* @__NO_SIDE_EFFECTS__ */
const is =
  (test: (v: unknown) => boolean, expected: string): Check =>
  (v, path, problems) =>
    test(v) || fail(problems, path, expected);

/** A string that `re` matches. */
/* @__NO_SIDE_EFFECTS__ */
const str = (re: RegExp, expected: string): Check => is((v) => typeof v === 'string' && re.test(v), expected);

/* @__NO_SIDE_EFFECTS__ */
const oneOf = (...values: unknown[]): Check =>
  is((v) => values.includes(v), values.map((x) => JSON.stringify(x)).join(' | '));

/* @__NO_SIDE_EFFECTS__ */
const num = (min: number, max = Infinity, integer = false): Check =>
  is(
    (v) => typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)),
    `${integer ? 'an integer' : 'a number'} ${max < Infinity ? `from ${min} to ${max}` : `≥ ${min}`}`,
  );

/* @__NO_SIDE_EFFECTS__ */
const object = (): Check => is(isObject, 'an object');

/** Runs every check, not only up to the first failure, so every problem is reported. */
const all = (results: boolean[]) => results.every(Boolean);

/** `a.b`, or `b` at the root. */
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** `stages["/checkout/**"]`: keys that are data, not field names. */
const entry = (path: string, key: string) => `${path}[${JSON.stringify(key)}]`;

/**
 * An object with known keys; a missing required key is checked as `undefined`, so it fails its
 * own rule. Unknown keys are reported but ignored, unless the shape is `closed`: there an
 * unknown key fails, as a mistyped condition must never widen who sees a survey.
 */
/* @__NO_SIDE_EFFECTS__ */
const shape = (fields: Record<string, Check>, required: string[] = [], closed = false): Check => {
  const isObj = object();
  return (v, path, problems) =>
    isObj(v, path, problems) &&
    all([
      ...required.map(
        (key) => key in (v as Obj) || (fields[key] as Check)(undefined, at(path, key), problems),
      ),
      ...Object.keys(v as Obj).map((key) => {
        if (Object.hasOwn(fields, key))
          return (fields[key] as Check)((v as Obj)[key], at(path, key), problems);
        if (closed) return fail(problems, at(path, key), `one of ${Object.keys(fields).join(', ')}`);
        // Unknown keys are reported but ignored, not fatal.
        problems.push({ path: at(path, key), code: 'unknown-key', message: 'unknown key, ignored' });
        return true;
      }),
    ]);
};

/* @__NO_SIDE_EFFECTS__ */
const record = (value: Check): Check => {
  const isObj = object();
  return (v, path, problems) =>
    isObj(v, path, problems) &&
    all(Object.entries(v as Obj).map(([key, x]) => value(x, entry(path, key), problems)));
};

/* @__NO_SIDE_EFFECTS__ */
const list = (item: Check): Check => {
  const isArray = is(Array.isArray, 'an array');
  return (v, path, problems) =>
    isArray(v, path, problems) && all((v as unknown[]).map((x, i) => item(x, `${path}[${i}]`, problems)));
};

/* @__NO_SIDE_EFFECTS__ */
const bands = (value: Check): Check => shape({ low: value, mid: value, high: value });

/** A text, or a map from language tag (`en`, `pt-BR`) to that text. */
/* @__NO_SIDE_EFFECTS__ */
const localized = (text: Check): Check => {
  const byLocale = record(text);
  return (v, path, problems) => {
    // Anything but an object is judged as the plain text it most likely meant to be.
    if (!isObject(v)) return text(v, path, problems);
    if (!Object.keys(v).length) return fail(problems, path, 'a non-empty string or a map by language');
    return all([
      byLocale(v, path, problems),
      ...Object.keys(v).map(
        (tag) => LOCALE_TAG.test(tag) || fail(problems, entry(path, tag), 'a language tag'),
      ),
    ]);
  };
};

/** A BCP 47 language tag as sites write them: a language, then optional subtags. */
const LOCALE_TAG = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/i;

/** One `when.user` condition: a value, a non-empty list of values, or a range of numbers. */
/* @__NO_SIDE_EFFECTS__ */
const traitCondition = (bound: Check): Check => {
  // Number.isFinite is false for anything but a finite number, strings included.
  const value = is(
    (v) => typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
    'a string, number or boolean',
  );
  const range = shape({ gt: bound, gte: bound, lt: bound, lte: bound }, [], true);
  const values = list(value);
  return (v, path, problems) => {
    if (Array.isArray(v))
      return values(v, path, problems) && (v.length > 0 || fail(problems, path, 'at least one value'));
    if (isObject(v))
      return (
        range(v, path, problems) && (Object.keys(v).length > 0 || fail(problems, path, 'gt, gte, lt or lte'))
      );
    return value(v, path, problems);
  };
};

/** The checks of a configuration's parts, built once, on first use. */
function buildChecks() {
  const text = str(/./s, 'a non-empty string');
  const texts = localized(text);
  const finite = is(Number.isFinite, 'a number');
  const date = is((v) => parseScheduleDate(v) !== undefined, 'an ISO 8601 date, or date-time with its zone');
  const stage = is(isStageName, 'a stage name (a-z, 0-9, _, -)');
  const globs = list(str(/^!?\//, 'a page glob starting with / or !/'));
  const survey = shape(
    {
      id: text,
      metric: oneOf(...METRICS),
      question: texts,
      // Targeting fails closed: an unknown condition or an empty `pages` skips the survey
      // rather than showing it on every page.
      when: shape(
        {
          pages: (v, path, problems) =>
            globs(v, path, problems) &&
            ((v as unknown[]).length > 0 || fail(problems, path, 'at least one page glob')),
          event: text,
          stage,
          // setTimeout fires at once for a delay over 2^31 - 1 ms in browsers.
          delayMs: num(0, 2147483647),
          afterPageViews: num(1, Infinity, true),
          user: record(traitCondition(finite)),
        },
        [],
        true,
      ),
      startsAt: date,
      endsAt: date,
      priority: finite,
      sample: num(0, 1),
      cooldownDays: num(0),
      repeatAfterDays: num(0),
      followUp: bands(texts),
      links: bands(shape({ label: texts, url: text }, ['label', 'url'])),
      strings: record(texts),
    },
    ['id', 'metric', 'question'],
  );
  const limits = shape({
    maxPerSession: num(0, Infinity, true),
    minDaysBetweenSurveys: num(0),
  });
  // An origin exactly as `URL.origin` writes it: scheme and host (and port), nothing after.
  const origins = list(str(/^https?:\/\/[^/?#]+$/, 'an origin (https://host)'));
  return { text, stage, survey, limits, origins, object: object(), array: is(Array.isArray, 'an array') };
}

let checks: ReturnType<typeof buildChecks> | undefined;

/**
 * Checks a parsed configuration and keeps what is valid: bad surveys are skipped, bad
 * stage entries dropped, bad limits replaced by the defaults. Never throws.
 */
export function validateConfig(input: unknown): Validation {
  checks ??= buildChecks();
  const { text, stage, survey, limits, origins, object, array } = checks;
  const problems: Problems = [];
  const config: TouchpointConfig = { version: 1 };
  const skipped: string[] = [];
  const ids = new Set<unknown>();
  /** Keeps the field, or what `value` makes of it, when `check` passes: a problem in one part drops only that part. */
  const keep =
    <T>(key: keyof TouchpointConfig, check: Check, value = (v: T, _path: string): unknown => v): Check =>
    (v, path) => {
      if (!check(v, path, problems)) return false;
      (config as unknown as Obj)[key] = value(v as T, path);
      return true;
    };
  shape(
    {
      $schema: text,
      version: oneOf(1),
      stages: keep('stages', object, (v: Obj, path) =>
        Object.fromEntries(
          Object.entries(v).filter(
            // A stage maps pages to a name: a `!` exclusion, or a glob that is no path, means nothing here.
            ([glob, name]) =>
              (glob[0] === '/' || fail(problems, entry(path, glob), 'a path glob starting with /')) &&
              stage(name, entry(path, glob), problems),
          ),
        ),
      ),
      surveys: keep('surveys', array, (v: Survey[], path) =>
        v.filter((s, i) => {
          const surveyPath = `${path}[${i}]`;
          const id = s?.id;
          // A repeated id is a problem only the whole list shows, so it is checked here.
          const good =
            survey(s, surveyPath, problems) &&
            (!ids.has(id) || fail(problems, `${surveyPath}.id`, `a unique id, "${id}" is used twice`));
          ids.add(id);
          if (!good) skipped.push(surveyPath);
          return good;
        }),
      ),
      limits: keep('limits', limits),
      previewOrigins: keep('previewOrigins', origins),
    },
    ['version'],
  )(input, '', problems);
  return { config, problems, skipped };
}
