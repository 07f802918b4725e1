// The collector's numeric options, checked once, when it is created. A server's
// configuration fails fast at start, naming the option, the value and what it expects:
// unchecked, a NaN timeout fires after 1 ms and answers every request with a 503, a NaN
// body limit lets any body in, and a string compares as text. (The browser SDK never
// throws on bad input; a collector that starts misconfigured is worse than one that stops.)
import type { CollectorSettings } from './collector-options.js';

/** The longest delay Node's timers keep: a longer one (or Infinity) fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a numeric option accepts; every rule refuses NaN, non-numbers and ±Infinity. */
export interface NumberRule {
  /** The smallest value accepted. */
  min: number;
  /** True when `min` itself is refused (a positive number). */
  aboveMin?: boolean;
  /** The largest value accepted. */
  max?: number;
  /** Only whole numbers. */
  whole?: boolean;
  /** What the option expects, as the error says it. */
  expected: string;
}

const LIMIT_OFF = 'rateLimit: false turns the limit off';

/** Every numeric option, by its path in the options. */
export const NUMBER_RULES = {
  queryTimeoutMs: {
    min: 0,
    aboveMin: true,
    max: MAX_TIMER_MS,
    expected: `a positive number of milliseconds, at most ${MAX_TIMER_MS} (Node's longest timer)`,
  },
  catchUpMs: {
    min: 0,
    expected: 'a number of milliseconds, 0 or more (0: the figures are read as they stand)',
  },
  retryAfterSeconds: {
    min: 0,
    whole: true,
    max: Number.MAX_SAFE_INTEGER,
    expected:
      'a whole number of seconds, as Retry-After carries it, 0 or more (0: the client’s backoff decides)',
  },
  maxBodyBytes: { min: 0, aboveMin: true, expected: 'a positive number of bytes' },
  'rateLimit.burst': { min: 1, expected: `a number of requests, at least 1 (${LIMIT_OFF})` },
  'rateLimit.perSecond': {
    min: 0,
    aboveMin: true,
    expected: `a positive number of requests per second (${LIMIT_OFF})`,
  },
  'limits.maxEvents': { min: 1, expected: 'a number of events, at least 1' },
  'limits.maxIdLength': { min: 1, expected: 'a number of characters, at least 1' },
  'limits.maxEventLength': { min: 1, expected: 'a number of characters, at least 1' },
  'limits.maxDepth': { min: 1, expected: 'a number of levels, at least 1' },
  'database.poolSize': { min: 1, expected: 'a number of connections, at least 1' },
} satisfies Record<string, NumberRule>;

export type NumberOption = keyof typeof NUMBER_RULES;

/** Whether `value` is what `rule` accepts. Pure, so the table and the property tests share it. */
export function meets(value: unknown, rule: NumberRule): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (rule.aboveMin ? value <= rule.min : value < rule.min) return false;
  if (rule.max !== undefined && value > rule.max) return false;
  return !rule.whole || Number.isInteger(value);
}

/** A value as the error shows it: a string in quotes, so `"5000"` reads as text. */
const shown = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : typeof value === 'object' && value !== null
      ? Array.isArray(value)
        ? 'an array'
        : 'an object'
      : typeof value === 'function'
        ? 'a function'
        : String(value);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The numeric options `settings` sets, by path; `undefined` where a holder is not an object. */
function numbersOf(settings: CollectorSettings): [NumberOption, unknown][] {
  const { rateLimit, limits, database } = settings as Record<string, unknown>;
  const found: [NumberOption, unknown][] = [
    ['queryTimeoutMs', settings.queryTimeoutMs],
    ['catchUpMs', settings.catchUpMs],
    ['retryAfterSeconds', settings.retryAfterSeconds],
    ['maxBodyBytes', settings.maxBodyBytes],
  ];
  if (isObject(rateLimit))
    found.push(['rateLimit.burst', rateLimit.burst], ['rateLimit.perSecond', rateLimit.perSecond]);
  if (isObject(limits))
    for (const key of ['maxEvents', 'maxIdLength', 'maxEventLength', 'maxDepth'] as const)
      found.push([`limits.${key}`, limits[key]]);
  // Only a pool has a size; a store given open, or PGlite, has none to check.
  if (isObject(database) && 'url' in database && database.poolSize !== undefined)
    found.push(['database.poolSize', database.poolSize]);
  return found;
}

/** What is wrong with the settings' numbers, one sentence each; empty when nothing is. */
export function optionProblems(settings: CollectorSettings): string[] {
  const problems: string[] = [];
  const { rateLimit, limits } = settings as Record<string, unknown>;
  if (rateLimit !== false && !isObject(rateLimit))
    problems.push(`rateLimit must be { burst, perSecond } or false, got ${shown(rateLimit)}`);
  if (!isObject(limits))
    problems.push(
      `limits must be { maxEvents, maxIdLength, maxEventLength, maxDepth } (BATCH_LIMITS), got ${shown(limits)}`,
    );
  for (const [option, value] of numbersOf(settings)) {
    const rule: NumberRule = NUMBER_RULES[option];
    if (!meets(value, rule)) problems.push(`${option} must be ${rule.expected}, got ${shown(value)}`);
  }
  return problems;
}

/** Throws, naming every option that is wrong, when any is. */
export function checkOptions(settings: CollectorSettings): void {
  const problems = optionProblems(settings);
  if (problems.length) throw new Error(problems.map((p) => `createCollector: ${p}`).join('\n'));
}

/** The numeric options of `openEventStore`, by name, and the rule of each. */
const STORE_RULES = [
  ['queryTimeoutMs', NUMBER_RULES.queryTimeoutMs],
  ['catchUpMs', NUMBER_RULES.catchUpMs],
  ['poolSize', NUMBER_RULES['database.poolSize']],
] as const;

/**
 * Throws, naming every numeric option of `openEventStore` that is wrong (the rules of
 * createCollector's options of the same names), before any database is opened.
 */
export function checkStoreOptions(options: Partial<Record<(typeof STORE_RULES)[number][0], unknown>>): void {
  const problems = STORE_RULES.filter(([option, rule]) => !meets(options[option], rule)).map(
    ([option, rule]) => `openEventStore: ${option} must be ${rule.expected}, got ${shown(options[option])}`,
  );
  if (problems.length) throw new Error(problems.join('\n'));
}
