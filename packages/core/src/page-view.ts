import { emit } from './emit.js';
import type { Instance } from './instance-state.js';
import { stageOfView } from './page-stage.js';
import { sanitize } from './sanitize.js';

/** The stage the page author tagged: `<body data-tp-stage="purchase">`. */
const taggedStage = (): string | null =>
  typeof document === 'undefined' ? null : (document.body?.getAttribute('data-tp-stage') ?? null);

/**
 * A page view: `page()`, or an automatic one (`auto`), which is never sent twice in a row
 * for one URL. Decides the page's stage first, unless stage() was called on this page.
 */
export function pageView(instance: Instance, props: unknown, auto = false): void {
  const { _state: state, _warn: warn } = instance;
  const current = instance._page._current();
  if (auto && current.url === state._lastView) return;
  state._lastView = current.url;
  if (!state._stage._explicit) {
    const tagged = taggedStage();
    state._stage = stageOfView(state._stage, tagged, () => instance._triggers._stageFor(current.path));
    // Tagging is the page author's, not a call's: said in every build.
    if (tagged !== null && state._stage._fromGlobs)
      warn(`<body data-tp-stage="${tagged}">: invalid; ignored`);
  }
  emit(instance, 'page', { stage: state._stage._name, props: sanitize(props, 'page()', warn) });
}
