// The runtime check of the survey configuration product teams edit. Hand-written rather
// than a JSON Schema engine, which would weigh more than the whole core: a handful of
// combinators (`shape`, `list`, …) describe the config once, and every message comes from
// one `fail`, so each reads `surveys[2].metric: expected "nps" | "csat" | "ces"`. The JSON
// Schema in packages/core/schema/ describes the same rules for editors; a test keeps them
// agreeing. The combinators are in checks.ts.
import {
  bands,
  type Check,
  entry,
  fail,
  is,
  list,
  localized,
  num,
  type Obj,
  object,
  oneOf,
  type Problems,
  record,
  shape,
  str,
  traitCondition,
} from './checks.js';
import type { ConfigProblem } from './config-problem.js';
import { parseScheduleDate } from './schedule.js';
import { isStageName } from './stages.js';
import { METRICS } from './survey-events.js';
import type { Survey, TouchpointConfig } from './types.js';

/** What `validateConfig` found, and the configuration that runs despite it. */
export interface Validation {
  /** Only valid surveys, stages and limits; bad ones are left out. */
  config: TouchpointConfig;
  /** Every problem, each with its path; unknown keys included (they are ignored, not fatal). */
  problems: ConfigProblem[];
  /** Paths of the surveys left out, e.g. `surveys[2]`. */
  skipped: string[];
}

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
