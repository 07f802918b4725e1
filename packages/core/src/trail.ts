import type { JourneyEvent } from './types.js';

/** How many recent events the journey trail keeps (in the session record, see session.ts). */
export const TRAIL_LENGTH = 20;

/**
 * One step of the journey trail: enough to say where the person came from. An absent stage
 * or name may be an undefined property: JSON (storage, the answer's props) leaves it out.
 */
export interface Step {
  type: JourneyEvent['type'];
  stage?: string | undefined;
  name?: string | undefined;
  path: string;
  ts: number;
}
