// The runtime check of the survey configuration product teams edit. Hand-written rather
// than a JSON Schema engine, for bytes: a handful of combinators (`shape`, `list`, …)
// describe the config once, and every message comes from one `fail`, so each reads
// `surveys[2].metric: expected "nps" | "csat" | "ces"`. The JSON Schema in
// packages/core/schema/ describes the same rules for editors; a test keeps them agreeing.
import { isStageName } from './stages.js';
import type { Survey, TouchpointConfig } from './types.js';

/** What `validateConfig` found, and the configuration that runs despite it. */
export interface Validation {
  /** Only valid surveys, stages and limits; bad ones are left out. */
  config: TouchpointConfig;
  /** Every problem, each with its path; unknown keys included (they are ignored, not fatal). */
  problems: string[];
  /** Paths of the surveys left out, e.g. `surveys[2]`. */
  skipped: string[];
}

interface Out {
  _problems: string[];
  /** Problems that drop the field, as opposed to unknown keys, which are only ignored. */
  _fatal: number;
}
type Check = (value: unknown, path: string, out: Out) => void;
type Obj = Record<string, unknown>;

// The combinators are marked free of side effects so an entry without the triggers (the
// core alone) shakes the whole validator away.

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records a problem that drops the field; false, so a check can end with it. */
const fail = (out: Out, path: string, expected: string): false => {
  out._problems.push(`${path || 'config'}: expected ${expected}`);
  out._fatal++;
  return false;
};

/* @__NO_SIDE_EFFECTS__ */
const is =
  (test: (v: unknown) => boolean, expected: string): Check =>
  (v, path, out) => {
    if (!test(v)) fail(out, path, expected);
  };

/* @__NO_SIDE_EFFECTS__ */
const oneOf = (...values: unknown[]): Check =>
  is((v) => values.includes(v), values.map((x) => JSON.stringify(x)).join(' | '));

const text = is((v) => typeof v === 'string' && v !== '', 'a non-empty string');

/* @__NO_SIDE_EFFECTS__ */
const num = (min: number, max = Infinity, integer = false): Check =>
  is(
    (v) => typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)),
    `${integer ? 'an integer' : 'a number'} ${max < Infinity ? `from ${min} to ${max}` : `≥ ${min}`}`,
  );

const stage = is(isStageName, 'a stage name (a-z, 0-9, _, -)');

/** An object with known keys; a missing required key is checked as `undefined`, so it fails its own rule. */
/* @__NO_SIDE_EFFECTS__ */
const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (v, path, out) => {
    if (!isObject(v)) return fail(out, path, 'an object');
    for (const key of required)
      if (!(key in v)) fields[key]?.(undefined, `${path}.${key}`.replace(/^\./, ''), out);
    for (const key in v) {
      const p = path ? `${path}.${key}` : key;
      const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (check) check(v[key], p, out);
      else out._problems.push(`${p}: unknown key, ignored`);
    }
  };

/* @__NO_SIDE_EFFECTS__ */
const record =
  (value: Check): Check =>
  (v, path, out) => {
    if (!isObject(v)) return fail(out, path, 'an object');
    for (const key in v) value(v[key], `${path}[${JSON.stringify(key)}]`, out);
  };

/* @__NO_SIDE_EFFECTS__ */
const list =
  (item: Check): Check =>
  (v, path, out) => {
    if (!Array.isArray(v)) return fail(out, path, 'an array');
    v.forEach((x, i) => {
      item(x, `${path}[${i}]`, out);
    });
  };

/* @__NO_SIDE_EFFECTS__ */
const bands = (value: Check): Check => shape({ low: value, mid: value, high: value });

const survey = shape(
  {
    id: text,
    metric: oneOf('nps', 'csat', 'ces'),
    question: text,
    when: shape({
      pages: list(is((v) => typeof v === 'string' && /^!?\//.test(v), 'a page glob starting with / or !/')),
      event: text,
      stage,
      // setTimeout fires at once for a delay over 2^31 - 1 ms in browsers.
      delayMs: num(0, 2147483647),
      afterPageViews: num(1, Infinity, true),
    }),
    sample: num(0, 1),
    cooldownDays: num(0),
    repeatAfterDays: num(0),
    followUp: bands(text),
    links: bands(shape({ label: text, url: text }, ['label', 'url'])),
    strings: record(text),
  },
  ['id', 'metric', 'question'],
);

// An origin exactly as `URL.origin` writes it: scheme and host (and port), nothing after.
const origin = is((v) => typeof v === 'string' && /^https?:\/\/[^/?#]+$/.test(v), 'an origin (https://host)');

const limits = shape({
  maxPerSession: num(0, Infinity, true),
  minDaysBetweenSurveys: num(0),
});

/**
 * Checks a parsed configuration and keeps what is valid: bad surveys are skipped, bad
 * stage entries dropped, bad limits replaced by the defaults. Never throws.
 */
export function validateConfig(input: unknown): Validation {
  const out: Out = { _problems: [], _fatal: 0 };
  const config: TouchpointConfig = { version: 1 };
  const skipped: string[] = [];
  // Each part is checked on its own so a problem in one drops only that part.
  const ok = (check: Check, v: unknown, path: string): boolean => {
    const before = out._fatal;
    check(v, path, out);
    return out._fatal === before;
  };
  const ids = new Set<unknown>();
  const root = shape(
    {
      $schema: text,
      version: oneOf(1),
      stages: (v, path) => {
        if (ok(is(isObject, 'an object'), v, path))
          config.stages = Object.fromEntries(
            Object.entries(v as Obj).filter(([glob, name]) => {
              const p = `${path}[${JSON.stringify(glob)}]`;
              // A stage maps pages to a name: a `!` exclusion, or a glob that is no path, means nothing here.
              return (glob[0] === '/' || fail(out, p, 'a path glob starting with /')) && ok(stage, name, p);
            }),
          ) as Record<string, string>;
      },
      surveys: (v, path) => {
        if (ok(is(Array.isArray, 'an array'), v, path))
          config.surveys = (v as Survey[]).filter((s, i) => {
            const p = `${path}[${i}]`;
            const id = s?.id;
            // A repeated id is a problem only the whole list shows, so it is checked here.
            const good =
              ok(survey, s, p) &&
              (!ids.has(id) || fail(out, `${p}.id`, `a unique id, "${id}" is used twice`));
            ids.add(id);
            if (!good) skipped.push(p);
            return good;
          });
      },
      limits: (v, path) => {
        if (ok(limits, v, path)) config.limits = v as TouchpointConfig['limits'] & object;
      },
      previewOrigins: (v, path) => {
        if (ok(list(origin), v, path)) config.previewOrigins = v as string[];
      },
    },
    ['version'],
  );
  root(input, '', out);
  return { config, problems: out._problems, skipped };
}
