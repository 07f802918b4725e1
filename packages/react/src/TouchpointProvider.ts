import { type CreateOptions, createTouchpoint, type Touchpoint } from '@touchpoint/core';
import { createElement, type ReactNode, useEffect, useRef, useState } from 'react';
import { TouchpointContext } from './context.js';
import { createKeepAlive, type KeepAlive } from './keep-alive.js';
import { type Parts, startParts } from './start-parts.js';

/**
 * Props of {@link TouchpointProvider}. They are read once, when it first mounts: an app
 * re-renders its root with new option objects, which must not make a second instance.
 */
export interface TouchpointProviderProps extends Parts {
  /** Options of `createTouchpoint()` for the instance the provider creates. */
  options?: CreateOptions | undefined;
  /**
   * An instance made elsewhere (shared with code outside React). The provider uses it and
   * never stops it; `endpoint` and `widget`, if given, are still started and stopped here.
   */
  instance?: Touchpoint | undefined;
  children?: ReactNode;
}

/**
 * Creates one Touchpoint instance for the app on the client, connects the adapter and mounts
 * the widget, and gives the instance to `useTouchpoint()` below it. Renders only its children:
 * on a server nothing is created, sent or scheduled.
 */
export function TouchpointProvider(props: TouchpointProviderProps): ReactNode {
  const [tp, setTp] = useState(props.instance);
  // One per mounted provider: a ref survives Strict Mode's second run of the effect and Fast
  // Refresh, so both find the instance and parts the first run started.
  const started = useRef<{ tp: Touchpoint; parts: KeepAlive } | null>(null);
  // The props of the first render: later ones are not read (see TouchpointProviderProps).
  const first = useRef(props);
  useEffect(() => {
    if (!started.current) {
      const { instance = createTouchpoint(first.current.options) } = first.current;
      started.current = { tp: instance, parts: createKeepAlive(() => startParts(instance, first.current)) };
    }
    const { tp: live, parts } = started.current;
    parts.acquire();
    setTp(live);
    return parts.release;
  }, []);
  return createElement(TouchpointContext.Provider, { value: tp }, props.children);
}
