/**
 * What the provider started (the adapter, the widget) outlives a cleanup that is followed at
 * once by a setup: Strict Mode runs every effect, its cleanup and the effect again in one go,
 * and Fast Refresh re-runs effects the same way. Stopping there would start a second adapter
 * and a second widget; so a cleanup only asks for a stop, which happens a microtask later
 * unless a setup came first. A real unmount has no setup after it, and stops.
 */
export type KeepAliveState = 'idle' | 'running' | 'releasing';

/** `acquire`: an effect ran; `release`: its cleanup ran; `settle`: the deferred stop is due. */
export type KeepAliveAction = 'acquire' | 'release' | 'settle';

/** What the caller does next: start the parts, stop them, schedule a `settle`, or nothing. */
export type KeepAliveEffect = 'start' | 'stop' | 'defer' | 'none';

/** The rule, pure: the next state and what to do. */
export function nextKeepAlive(
  state: KeepAliveState,
  action: KeepAliveAction,
): [KeepAliveState, KeepAliveEffect] {
  if (action === 'acquire') return state === 'idle' ? ['running', 'start'] : ['running', 'none'];
  if (action === 'release') return state === 'running' ? ['releasing', 'defer'] : [state, 'none'];
  // A settle after a new acquire finds the parts running again: they stay.
  return state === 'releasing' ? ['idle', 'stop'] : [state, 'none'];
}

/** The edge: runs `start` and the stop it returns as {@link nextKeepAlive} decides. */
export interface KeepAlive {
  acquire(): void;
  release(): void;
}

export function createKeepAlive(
  start: () => () => void,
  defer: (fn: () => void) => void = queueMicrotask,
): KeepAlive {
  const held: { state: KeepAliveState; stop: () => void } = { state: 'idle', stop: () => {} };
  const step = (action: KeepAliveAction) => {
    const [state, effect] = nextKeepAlive(held.state, action);
    held.state = state;
    if (effect === 'start') held.stop = start();
    else if (effect === 'stop') held.stop();
    else if (effect === 'defer') defer(() => step('settle'));
  };
  return { acquire: () => step('acquire'), release: () => step('release') };
}
