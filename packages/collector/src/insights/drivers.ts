// Drivers: which steps before an answer go with low scores. For every step seen before
// the answers of a metric (a track event, a page, the configuration's stage glob or the
// route shape it falls under, a journey stage, the stage the session began in), the low-band share of the answers that had it against
// those that did not, with intervals, a test, and Benjamini–Hochberg across the steps
// tested, so twenty steps tried do not produce one "driver" by chance. Pure.
// Association, not proof of cause: the page says so.
import { type Band, METRICS, type Metric } from './metrics.js';
import { benjaminiHochberg, differenceP, type Interval, newcombe, wilson } from './stats.js';

/**
 * What a step is: a track event name, a page path, the most specific glob of the
 * configuration's `stages` the page matches (`/products/**`), a route shape, a stage, the
 * session's first stage.
 */
export type StepKind = 'event' | 'page' | 'pattern' | 'route' | 'stage' | 'start';

export const STEP_KINDS: readonly StepKind[] = ['event', 'page', 'pattern', 'route', 'stage', 'start'];

/** One answer with the steps that came before it, as `kind:value` keys (see {@link stepKey}). */
export interface AnswerSteps {
  id: string;
  metric: Metric;
  band: Band;
  steps: Iterable<string>;
}

export interface Driver {
  metric: Metric;
  kind: StepKind;
  step: string;
  /** Answers that had the step, and how many of those were in the low band. */
  withN: number;
  withLow: number;
  withoutN: number;
  withoutLow: number;
  /** Low-band shares (0–1) with and without the step, each with a Wilson 95 % interval. */
  share: number;
  shareInterval: Interval;
  shareWithout: number;
  shareWithoutInterval: Interval;
  /** share − shareWithout, with Newcombe's 95 % interval. */
  difference: number;
  differenceInterval: Interval;
  /** share / shareWithout, null when nobody without the step was low. */
  ratio: number | null;
  /** Two-sided p of the difference (z test, or Fisher exact for small counts), and after Benjamini–Hochberg over the metric's steps. */
  p: number;
  adjustedP: number;
  significant: boolean;
  /** difference × withN: low answers beyond the base rate among those who had the step (effect × reach). */
  impact: number;
}

/** Options of {@link findDrivers}. */
export const DRIVER_DEFAULTS = {
  /** Answers needed both with and without a step before it is tested. */
  minSupport: 10,
  /** The false discovery rate Benjamini–Hochberg keeps to. */
  falseDiscoveryRate: 0.05,
};

export const stepKey = (kind: StepKind, value: string): string => `${kind}:${value}`;

/**
 * A page's route shape: the first segment and `*` for the rest (`/products/storm-shell`
 * → `/products/*`), so one product page with few answers joins its siblings. Paths of one
 * segment are their own shape.
 */
export function routeShape(path: string): string {
  const segments = path.split(/[?#]/)[0]?.split('/').filter(Boolean) ?? [];
  return segments.length < 2 ? `/${segments.join('/')}` : `/${segments[0]}/*`;
}

function splitKey(key: string): [StepKind, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as StepKind, key.slice(at + 1)];
}

/** How many answers of a metric had a step, and how many of those were low; kind '' is the metric's total. */
export interface StepCount {
  metric: string;
  kind: string;
  step: string;
  n: number;
  low: number;
}

/** The counts findDrivers reads, from answers (the SQL of queries.ts counts the same way). */
export function countSteps(answers: Iterable<AnswerSteps>): StepCount[] {
  const counts = new Map<string, StepCount>();
  const add = (metric: Metric, kind: string, step: string, low: boolean) => {
    const key = `${metric}\u0000${kind}\u0000${step}`;
    const count = counts.get(key) ?? { metric, kind, step, n: 0, low: 0 };
    count.n += 1;
    count.low += low ? 1 : 0;
    counts.set(key, count);
  };
  for (const answer of answers) {
    add(answer.metric, '', '', answer.band === 'low');
    for (const key of new Set(answer.steps)) {
      const [kind, step] = splitKey(key);
      add(answer.metric, kind, step, answer.band === 'low');
    }
  }
  return [...counts.values()];
}

/**
 * The drivers of each metric, strongest first: significant ones by impact, then the
 * rest by impact. Steps with fewer than `minSupport` answers with or without them are
 * not tested (and do not count in the correction).
 */
export function findDrivers(
  counts: Iterable<StepCount>,
  options: Partial<typeof DRIVER_DEFAULTS> = {},
): Driver[] {
  const { minSupport, falseDiscoveryRate } = { ...DRIVER_DEFAULTS, ...options };
  const all = [...counts];
  const out: Driver[] = [];
  for (const metric of METRICS) {
    const total = all.find((c) => c.metric === metric && c.kind === '');
    if (!total) continue;
    const tested = all
      .filter(
        (c) =>
          c.metric === metric &&
          STEP_KINDS.includes(c.kind as StepKind) &&
          c.n >= minSupport &&
          total.n - c.n >= minSupport,
      )
      .map((c) => compare(metric, c, total));
    const { adjusted, rejected } = benjaminiHochberg(
      tested.map((d) => d.p),
      falseDiscoveryRate,
    );
    tested.forEach((d, i) => {
      d.adjustedP = adjusted[i] as number;
      d.significant = rejected[i] as boolean;
    });
    out.push(
      ...tested.sort(
        (a, b) =>
          Number(b.significant) - Number(a.significant) ||
          b.impact - a.impact ||
          a.step.localeCompare(b.step),
      ),
    );
  }
  return out;
}

function compare(metric: Metric, had: StepCount, all: StepCount): Driver {
  const kind = had.kind as StepKind;
  const step = had.step;
  const withoutN = all.n - had.n;
  const withoutLow = all.low - had.low;
  const share = had.low / had.n;
  const shareWithout = withoutLow / withoutN;
  const difference = share - shareWithout;
  return {
    metric,
    kind,
    step,
    withN: had.n,
    withLow: had.low,
    withoutN,
    withoutLow,
    share,
    shareInterval: wilson(had.low, had.n),
    shareWithout,
    shareWithoutInterval: wilson(withoutLow, withoutN),
    difference,
    differenceInterval: newcombe(had.low, had.n, withoutLow, withoutN),
    ratio: shareWithout > 0 ? share / shareWithout : null,
    p: differenceP(had.low, had.n, withoutLow, withoutN),
    adjustedP: 1,
    significant: false,
    impact: difference * had.n,
  };
}
