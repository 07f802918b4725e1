// What keeps a configuration from being saved, published or taken as the initial one: its
// errors as `touchpoint lint` classes them (the validator's, and texts or links the prompt
// would leave out). A key the validator does not know is only a warning there, as the SDK
// ignores it: a field a newer SDK reads survives the editor.
import { checkConfig, type Problem } from '@touchpoint/core/rules';

export const configErrors = (config: unknown): Problem[] =>
  checkConfig(config).problems.filter((p) => p.level === 'error');

/** A finding as the validator writes it: `surveys[2].metric: expected …`. */
export const problemText = (p: Problem) => `${p.path}: ${p.message}`;
