// The journey stage of the page: stage() wins for the rest of the page, else the page's
// `<body data-tp-stage>`, else the configuration's `stages` globs. Pure.
import { isStageName } from './stages.js';

export interface StageState {
  /** The stage's name, if the page has one. */
  _name: string | undefined;
  /** stage() was called on this page: it wins over <body data-tp-stage> and the globs. */
  _explicit: boolean;
  /** The page's stage came from the `stages` globs (no valid <body data-tp-stage>). */
  _fromGlobs: boolean;
}

export const NO_STAGE: StageState = { _name: undefined, _explicit: false, _fromGlobs: false };

/** `stage(name)`: the stage for the rest of this page. */
export const stageCalled = (state: StageState, name: string): StageState => ({
  ...state,
  _name: name,
  _explicit: true,
});

/** An SPA navigation ends what stage() set: the new page decides its stage again. */
export const stageNavigated = (state: StageState): StageState => ({ ...state, _explicit: false });

/**
 * An SPA navigation: the new route's stage from the globs at once, so an event recorded right
 * after `pushState` has it, with or without automatic page views; the page view (automatic, a
 * moment later, or the site's own `page()`) can still take the new page's `<body data-tp-stage>`.
 */
export const stageOfRoute = (state: StageState, globs: () => string | undefined): StageState =>
  stageOfView(stageNavigated(state), null, globs);

/**
 * A page view, unless stage() was called on this page: the body's tag when it is a valid
 * stage name, else what the globs map the path to.
 */
export function stageOfView(
  state: StageState,
  tagged: string | null,
  globs: () => string | undefined,
): StageState {
  if (state._explicit) return state;
  return isStageName(tagged)
    ? { _name: tagged, _explicit: false, _fromGlobs: false }
    : { _name: globs(), _explicit: false, _fromGlobs: true };
}

/** A configuration applied after the page view maps this page's stage too, for the events that follow. */
export const stageOfConfig = (state: StageState, globs: () => string | undefined): StageState =>
  state._fromGlobs && !state._explicit ? { ...state, _name: globs() } : state;
