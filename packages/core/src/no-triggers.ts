import type { Triggers } from './host.js';

/** The instance's triggers until issue 3 plugs in: no surveys, no survey methods. */
export function noTriggers(): Triggers {
  return { _event() {}, _stageFor: () => undefined };
}
