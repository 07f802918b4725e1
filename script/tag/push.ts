import type { Touchpoint } from '@touchpoint/core';

/** One queued call: `['stage', 'interest', { sku: 'X1' }]`. */
export type Call = [method: string, ...args: unknown[]];

/** window.Touchpoint after load: the live instance, whose push() still takes queued calls. */
export type ScriptTouchpoint = Touchpoint & { push(...calls: Call[]): void };

/**
 * Gives the instance the pre-load queue's `push`, so code written for the queue keeps working
 * after the script loaded: each call runs at once. A call that is not a method is reported
 * and skipped; the others still run.
 */
export function withPush(tp: Touchpoint): ScriptTouchpoint {
  const live = tp as ScriptTouchpoint;
  live.push = (...calls) => {
    for (const call of calls) {
      if (!Array.isArray(call)) {
        console.warn(`[touchpoint] Touchpoint.push(): expected ['method', ...arguments]; ignored`);
        continue;
      }
      const method = call[0];
      const fn = method !== 'push' && (tp as unknown as Record<string, unknown>)[method];
      // One failing call must not stop the replay of the calls queued after it.
      if (typeof fn === 'function')
        try {
          fn.apply(tp, call.slice(1));
        } catch (error) {
          console.error(`[touchpoint] Touchpoint.push(): ${String(method)} failed; ignored`, error);
        }
      else console.warn(`[touchpoint] Touchpoint.push(): ${String(method)} is not a method; ignored`);
    }
  };
  return live;
}
