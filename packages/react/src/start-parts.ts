import { type ConnectOptions, connect } from '@touchpoint/adapter';
import type { Touchpoint } from '@touchpoint/core';
import { mountWidget, type WidgetOptions } from '@touchpoint/widget';

/** What the provider adds to an instance: delivery and the prompt. */
export interface Parts {
  /** The collector URL, or every option of `connect()`; none: events are not delivered. */
  endpoint?: string | ConnectOptions | undefined;
  /** The prompt: `true` (default) mounts it with its defaults, an object with these options, `false` not at all. */
  widget?: boolean | WidgetOptions | undefined;
}

/** Connects the adapter and mounts the widget as `parts` asks; returns what stops both. */
export function startParts(tp: Touchpoint, { endpoint, widget = true }: Parts): () => void {
  const link = endpoint ? connect(tp, typeof endpoint === 'string' ? { endpoint } : endpoint) : undefined;
  const mounted = widget ? mountWidget(tp, widget === true ? {} : widget) : undefined;
  return () => {
    link?.stop();
    mounted?.destroy();
  };
}
