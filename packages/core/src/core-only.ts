// Not published: the core without survey triggers, so scripts/size.mjs can hold the core
// alone to issue 2's budget while the package entry adds the triggers of issue 3.
import { type CreateOptions, createInstance } from './create-touchpoint.js';
import { noTriggers } from './no-triggers.js';
import type { Touchpoint } from './types.js';

export { STAGES } from './stages.js';

/** `createTouchpoint` with no surveys configured. */
/* @__NO_SIDE_EFFECTS__ */
export function createTouchpoint(options?: CreateOptions): Touchpoint {
  return createInstance(noTriggers, options);
}
