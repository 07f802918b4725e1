import type { JourneyEvent } from './types.js';

/** How many recent events the journey trail keeps. */
export const TRAIL_LENGTH = 20;

/** One step of the journey trail: enough to say where the person came from. */
export interface Step {
  type: JourneyEvent['type'];
  stage?: string;
  name?: string;
  path: string;
  ts: number;
}

/** Appends the event's step, keeping the last {@link TRAIL_LENGTH}. Pure on its input array. */
export function extendTrail(trail: Step[], event: JourneyEvent): void {
  const step: Step = { type: event.type, path: event.page.path, ts: event.ts };
  if (event.stage) step.stage = event.stage;
  if (event.name) step.name = event.name;
  if (trail.push(step) > TRAIL_LENGTH) trail.shift();
}
