// The steps before each answer of one session, as the drivers count them (drivers.ts):
// track event names, pages, their stage glob (patterns.ts) and route shape, and stages of
// the session's earlier events and of the answer's trail, and the stage the session began in. Pure, so ingest and a
// rebuild share it and it is tested against hand-made sessions.
import { type AnswerSteps, type StepKind, stepKey } from '../drivers.js';
import { band, type Metric } from '../metrics.js';

/** One stored event of a session, with the fields the steps read; `score` only when it is a JSON number. */
export interface SessionEvent {
  id: string;
  ts: number;
  type: string;
  name: string | null;
  stage: string | null;
  path: string;
  metric: string | null;
  score: number | null;
}

/** One element of an answer's trail, its fields read as text (`->>`: a number as written, JSON null as null). */
export interface TrailStep {
  type: string | null;
  name: string | null;
  path: string | null;
  stage: string | null;
}

/**
 * routeSql() of sql.ts in JavaScript: the first segment and `*` when a second follows,
 * else no route (the page is its own). Not routeShape(), which also names one-segment pages.
 */
export const routeOf = (path: string): string | null =>
  /^\/[^/?#]+\/[^/?#]/.test(path) ? path.replace(/^(\/[^/?#]+)\/[\s\S]*$/, '$1/*') : null;

function stepsOf(keys: Set<string>, step: TrailStep, patternOf: (path: string) => string | null) {
  const add = (kind: StepKind, value: string | null) => {
    if (value !== null) keys.add(stepKey(kind, value));
  };
  add('event', step.type === 'track' ? step.name : null);
  add('page', step.path);
  add('pattern', step.path === null ? null : patternOf(step.path));
  add('route', step.path === null ? null : routeOf(step.path));
  add('stage', step.stage);
}

/**
 * The answers with a valid score of one session, each with its steps. `events` are the
 * session's events in order (time, then arrival); `trails` the trail of each answer by
 * id; `patternOf` a page's stage glob (patternFinder()).
 */
export function sessionAnswerSteps(
  events: readonly SessionEvent[],
  trails: ReadonlyMap<string, readonly TrailStep[]>,
  patternOf: (path: string) => string | null = () => null,
): AnswerSteps[] {
  const start = events.find((e) => e.stage !== null)?.stage ?? null;
  const out: AnswerSteps[] = [];
  for (const answer of events) {
    const scoreBand = answer.type === 'survey_answered' ? band(answer.metric ?? '', answer.score) : undefined;
    if (!scoreBand) continue;
    const keys = new Set<string>();
    for (const e of events) if (e.ts <= answer.ts && e.id !== answer.id) stepsOf(keys, e, patternOf);
    for (const t of trails.get(answer.id) ?? []) stepsOf(keys, t, patternOf);
    if (start !== null) keys.add(stepKey('start', start));
    out.push({ id: answer.id, metric: answer.metric as Metric, band: scoreBand, steps: keys });
  }
  return out;
}
