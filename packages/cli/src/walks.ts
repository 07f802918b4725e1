// What visitors do, for `lint --pages` and `simulate --pages`: either a list of paths (one
// per line) or a journey file, a JSON array of page sequences. A step may name the events
// that happen on that page, so surveys waiting for an event can be simulated too:
// `/checkout/done order_completed` or, with the event's stage, `order_completed@purchase`.
import { pagePath } from './page-path.js';

/** A track event on a page; `stage` is the event's own stage (`props.stage`), if any. */
export interface StepEvent {
  name: string;
  stage?: string;
}

/** One page view and the events on that page, in order. */
export interface Step {
  path: string;
  events: StepEvent[];
}

/** What a pages or journey file holds; `problems` name the lines or items left out. */
export interface Walks {
  /** `pages`: visitors wander the steps at random; `journeys`: each visit follows one sequence. */
  kind: 'pages' | 'journeys';
  journeys: Step[][];
  problems: string[];
}

/**
 * `/checkout/done?order=1 order_completed@purchase` → a step; undefined when it is not a path.
 * Only the path of what is written counts (no query, no fragment), as `explain --url` takes it.
 */
export function parseStep(text: string): Step | undefined {
  const [written, ...events] = text.trim().split(/\s+/);
  if (!written?.startsWith('/')) return undefined;
  return {
    path: pagePath(written),
    events: events.map((e) => {
      const [name = '', stage] = e.split('@');
      return stage ? { name, stage } : { name };
    }),
  };
}

/**
 * Reads a pages file (a path per line; blank lines and `#` comments skipped) or, when the
 * text starts with `[`, a journey file (`[["/", "/products/x"], ["/help/ help_resolved"]]`).
 * In a pages file each line is its own one-step journey; a path on several lines (with other
 * events) is one page visited in several ways (see {@link pageLines}).
 */
export function parseWalks(text: string): Walks {
  const problems: string[] = [];
  if (text.trimStart()[0] === '[') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { kind: 'journeys', journeys: [], problems: [`not valid JSON (${(error as Error).message})`] };
    }
    const journeys: Step[][] = [];
    (raw as unknown[]).forEach((journey, i) => {
      if (!Array.isArray(journey)) {
        problems.push(`[${i}]: expected an array of paths, skipped`);
        return;
      }
      const steps: Step[] = [];
      journey.forEach((item, j) => {
        const step = typeof item === 'string' ? parseStep(item) : undefined;
        if (step) steps.push(step);
        else problems.push(`[${i}][${j}]: expected a path starting with /, skipped`);
      });
      if (steps.length) journeys.push(steps);
    });
    return { kind: 'journeys', journeys, problems };
  }
  const journeys: Step[][] = [];
  text.split('\n').forEach((line, i) => {
    const content = line.replace(/#.*/, '').trim();
    if (!content) return;
    const step = parseStep(content);
    if (step) journeys.push([step]);
    else problems.push(`line ${i + 1}: expected a path starting with /, skipped`);
  });
  return { kind: 'pages', journeys, problems };
}

/**
 * The lines of a pages file grouped by page, in first-seen order: a page listed on several
 * lines (`/help/ help_resolved`, `/help/ help_unresolved`) is one page, so `lint` counts it once
 * and `simulate` visits it as often as any other page, by one of its lines.
 */
export function pageLines(walks: Walks): Step[][] {
  const byPath = new Map<string, Step[]>();
  for (const step of walks.journeys.flat()) {
    const lines = byPath.get(step.path);
    if (lines) lines.push(step);
    else byPath.set(step.path, [step]);
  }
  return [...byPath.values()];
}

/** Every distinct path the walks visit, in first-seen order. */
export function walkPaths(walks: Walks): string[] {
  return [...new Set(walks.journeys.flat().map((s) => s.path))];
}
