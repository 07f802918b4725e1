import type { Props } from '@touchpoint/core';
import { useEffect, useRef } from 'react';
import { useTouchpoint } from './use-touchpoint.js';

/**
 * Sets the journey stage of the page this component is on: `tp.stage(stage, props)` once per
 * page (address) and stage. Strict Mode's second effect run and re-renders send nothing more;
 * a navigation that keeps the component mounted (`/products/1` → `/products/2`) sends again,
 * because the core forgets a page's stage when the address changes.
 */
export function useStage(stage: string, props?: Props): void {
  const tp = useTouchpoint();
  const sent = useRef<string | null>(null);
  // No dependency list: the address is not React state, so every commit compares it.
  useEffect(() => {
    if (!tp) return;
    const key = `${stage}\n${location.href}`;
    if (sent.current === key) return;
    sent.current = key;
    tp.stage(stage, props);
  });
}
