// The script-tag entry (dist/touchpoint.js): creates the instance from the tag's data-*
// attributes, replays the calls queued before it loaded, and becomes window.Touchpoint.
import { createTouchpoint, type Touchpoint } from '@touchpoint/core';

/** One queued call: `['stage', 'interest', { sku: 'X1' }]`. */
type Call = [method: string, ...args: unknown[]];

/** window.Touchpoint after load: the live instance, whose push() still takes queued calls. */
export type ScriptTouchpoint = Touchpoint & { push(...calls: Call[]): void };

declare global {
  interface Window {
    Touchpoint?: ScriptTouchpoint | Call[];
  }
}

const start = () => {
  const queued = window.Touchpoint;
  if (queued && !Array.isArray(queued)) {
    console.warn('[touchpoint] the script ran twice; the first instance stays');
    return;
  }
  // currentScript is null for module scripts and in some test environments: find the tag.
  const tag = document.currentScript ?? document.querySelector('script[src*="touchpoint"]');
  const flag = tag?.getAttribute('data-require-consent');
  const tp = createTouchpoint({ requireConsent: flag != null && flag !== 'false' }) as ScriptTouchpoint;
  tp.push = (...calls) => {
    for (const call of calls) {
      const method = Array.isArray(call) ? call[0] : undefined;
      const fn = method !== 'push' && (tp as unknown as Record<string, unknown>)[method as string];
      if (typeof fn === 'function') fn.apply(tp, call.slice(1));
      else console.warn(`[touchpoint] Touchpoint.push(): ${String(method)} is not a method; ignored`);
    }
  };
  window.Touchpoint = tp;
  tp.push(...(queued ?? []));
};

start();
