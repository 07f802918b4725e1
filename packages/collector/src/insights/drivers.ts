// Drivers: which steps before an answer go with low scores. For every step seen before
// the answers of a metric (a track event, a page or its route shape, a journey stage, the
// stage the session began in), the low-band share of the answers that had it against
// those that did not, with intervals, a test, and Benjamini–Hochberg across the steps
// tested, so twenty steps tried do not produce one "driver" by chance. Pure.
// Association, not proof of cause: the page says so.
import { type Band, METRICS, type Metric } from './metrics.js';
import { benjaminiHochberg, differenceP, type Interval, newcombe, wilson } from './stats.js';

/** What a step is: a track event name, a page path, a route shape, a stage, the session's first stage. */
export type StepKind = 'event' | 'page' | 'route' | 'stage' | 'start';

export const STEP_KINDS: readonly StepKind[] = ['event', 'page', 'route', 'stage', 'start'];

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

/**
 * The drivers of each metric, strongest first: significant ones by impact, then the
 * rest by impact. Steps with fewer than `minSupport` answers with or without them are
 * not tested (and do not count in the correction).
 */
export function findDrivers(
  answers: Iterable<AnswerSteps>,
  options: Partial<typeof DRIVER_DEFAULTS> = {},
): Driver[] {
  const { minSupport, falseDiscoveryRate } = { ...DRIVER_DEFAULTS, ...options };
  const byMetric = new Map<
    Metric,
    { n: number; low: number; steps: Map<string, { n: number; low: number }> }
  >();
  for (const answer of answers) {
    let group = byMetric.get(answer.metric);
    if (!group) {
      group = { n: 0, low: 0, steps: new Map() };
      byMetric.set(answer.metric, group);
    }
    const low = answer.band === 'low' ? 1 : 0;
    group.n += 1;
    group.low += low;
    for (const key of new Set(answer.steps)) {
      const counts = group.steps.get(key) ?? { n: 0, low: 0 };
      counts.n += 1;
      counts.low += low;
      group.steps.set(key, counts);
    }
  }
  const out: Driver[] = [];
  for (const metric of METRICS) {
    const group = byMetric.get(metric);
    if (!group) continue;
    const tested = [...group.steps]
      .filter(([, c]) => c.n >= minSupport && group.n - c.n >= minSupport)
      .map(([key, c]) => compare(metric, key, c, group));
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

function compare(
  metric: Metric,
  key: string,
  had: { n: number; low: number },
  all: { n: number; low: number },
): Driver {
  const [kind, step] = splitKey(key);
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
