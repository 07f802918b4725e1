import type { Touchpoint } from '@touchpoint/core';
import { useContext } from 'react';
import { TouchpointContext } from './context.js';

/**
 * The instance of the nearest `<TouchpointProvider>`; undefined on a server and in the first
 * client render, before the provider's effect created it (components re-render with it).
 */
export function useTouchpoint(): Touchpoint | undefined {
  return useContext(TouchpointContext);
}
