// The combinators the configuration validator (validate.ts) is written with: each makes a
// `Check` that judges a value at a path and adds what it finds to a list of problems, so every
// message comes from one `fail` and reads `surveys[2].metric: expected "nps" | "csat" | "ces"`.
import type { ConfigProblem } from './config-problem.js';

export type Problems = ConfigProblem[];

/** True when `value` at `path` is valid; otherwise its problems are added to `problems`. */
export type Check = (value: unknown, path: string, problems: Problems) => boolean;
export type Obj = Record<string, unknown>;

// The combinators are marked free of side effects, and the configuration's checks are built on
// first use (`buildChecks` in validate.ts), so a bundle that never validates sheds the whole validator.

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records a problem that drops the field; false, so a check can end with it. */
export const fail = (problems: Problems, path: string, expected: string): false => {
  problems.push({ path: path || 'config', code: 'invalid', message: `expected ${expected}` });
  return false;
};

/* @__NO_SIDE_EFFECTS__ */
export const is =
  (test: (v: unknown) => boolean, expected: string): Check =>
  (v, path, problems) =>
    test(v) || fail(problems, path, expected);

/** A string that `re` matches. */
/* @__NO_SIDE_EFFECTS__ */
export const str = (re: RegExp, expected: string): Check =>
  is((v) => typeof v === 'string' && re.test(v), expected);

/* @__NO_SIDE_EFFECTS__ */
export const oneOf = (...values: unknown[]): Check =>
  is((v) => values.includes(v), values.map((x) => JSON.stringify(x)).join(' | '));

/* @__NO_SIDE_EFFECTS__ */
export const num = (min: number, max = Infinity, integer = false): Check =>
  is(
    (v) => typeof v === 'number' && v >= min && v <= max && (!integer || Number.isInteger(v)),
    `${integer ? 'an integer' : 'a number'} ${max < Infinity ? `from ${min} to ${max}` : `≥ ${min}`}`,
  );

/* @__NO_SIDE_EFFECTS__ */
export const object = (): Check => is(isObject, 'an object');

/** Runs every check, not only up to the first failure, so every problem is reported. */
export const all = (results: boolean[]) => results.every(Boolean);

/** `a.b`, or `b` at the root. */
export const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** `stages["/checkout/**"]`: keys that are data, not field names. */
export const entry = (path: string, key: string) => `${path}[${JSON.stringify(key)}]`;

/**
 * An object with known keys; a missing required key is checked as `undefined`, so it fails its
 * own rule. Unknown keys are reported but ignored, unless the shape is `closed`: there an
 * unknown key fails, as a mistyped condition must never widen who sees a survey.
 */
/* @__NO_SIDE_EFFECTS__ */
export const shape = (fields: Record<string, Check>, required: string[] = [], closed = false): Check => {
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
export const record = (value: Check): Check => {
  const isObj = object();
  return (v, path, problems) =>
    isObj(v, path, problems) &&
    all(Object.entries(v as Obj).map(([key, x]) => value(x, entry(path, key), problems)));
};

/* @__NO_SIDE_EFFECTS__ */
export const list = (item: Check): Check => {
  const isArray = is(Array.isArray, 'an array');
  return (v, path, problems) =>
    isArray(v, path, problems) && all((v as unknown[]).map((x, i) => item(x, `${path}[${i}]`, problems)));
};

/* @__NO_SIDE_EFFECTS__ */
export const bands = (value: Check): Check => shape({ low: value, mid: value, high: value });

/** A text, or a map from language tag (`en`, `pt-BR`) to that text. */
/* @__NO_SIDE_EFFECTS__ */
export const localized = (text: Check): Check => {
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
export const traitCondition = (bound: Check): Check => {
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
