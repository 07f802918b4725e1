// What visitors do, for `lint --pages` and `simulate --pages`: either a list of paths (one
// per line) or a journey file, a JSON array of page sequences. A step may name the events
// that happen on that page, so surveys waiting for an event can be simulated too:
// `/checkout/done order_completed` or, with the event's stage, `order_completed@purchase`.

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

/** `/checkout/done order_completed@purchase` → a step; undefined when it is not a path. */
export function parseStep(text: string): Step | undefined {
  const [path, ...events] = text.trim().split(/\s+/);
  if (!path?.startsWith('/')) return undefined;
  return {
    path,
    events: events.map((e) => {
      const [name = '', stage] = e.split('@');
      return stage ? { name, stage } : { name };
    }),
  };
}

/**
 * Reads a pages file (a path per line; blank lines and `#` comments skipped) or, when the
 * text starts with `[`, a journey file (`[["/", "/products/x"], ["/help/ help_resolved"]]`).
 * In a pages file each path is its own one-step journey.
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

/** Every distinct path the walks visit, in first-seen order. */
export function walkPaths(walks: Walks): string[] {
  return [...new Set(walks.journeys.flat().map((s) => s.path))];
}
