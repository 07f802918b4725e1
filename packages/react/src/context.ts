import type { Touchpoint } from '@touchpoint/core';
import { createContext } from 'react';

/**
 * The live instance, or undefined: during server rendering, and on the client until the
 * provider's effect has created it (never during render, which may run on a server or twice).
 */
export const TouchpointContext = createContext<Touchpoint | undefined>(undefined);
