/** @jsxImportSource react */

import { act, cleanup, render } from '@testing-library/react';
import type { JourneyEvent, Touchpoint } from '@touchpoint/core';
import { TouchpointProvider, useTouchpoint } from '@touchpoint/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Counted at the package boundary: every instance, adapter and widget the provider makes.
const made = vi.hoisted(() => ({
  instances: [] as Touchpoint[],
  pages: new Map<Touchpoint, JourneyEvent[]>(),
  links: [] as { endpoint: string; stop: ReturnType<typeof vi.fn> }[],
  widgets: [] as { destroy: ReturnType<typeof vi.fn> }[],
}));

vi.mock('@touchpoint/core', async (original) => {
  const core = await original<typeof import('@touchpoint/core')>();
  return {
    ...core,
    createTouchpoint: (options?: Parameters<typeof core.createTouchpoint>[0]) => {
      const tp = core.createTouchpoint(options);
      // Per instance: those of earlier tests live on (an instance has no stop) and see navigations too.
      const pages: JourneyEvent[] = [];
      tp.on('page', (event) => pages.push(event));
      made.pages.set(tp, pages);
      made.instances.push(tp);
      return tp;
    },
  };
});

// The adapter's IndexedDB and network are its own tests' business: here only its lifetime.
vi.mock('@touchpoint/adapter', () => ({
  connect: (_tp: Touchpoint, options: { endpoint: string }) => {
    const link = { endpoint: options.endpoint, stop: vi.fn(), flush: async () => {} };
    made.links.push(link);
    return link;
  },
}));

vi.mock('@touchpoint/widget', async (original) => {
  const widget = await original<typeof import('@touchpoint/widget')>();
  return {
    ...widget,
    mountWidget: (...args: Parameters<typeof widget.mountWidget>) => {
      const mounted = widget.mountWidget(...args);
      const counted = { destroy: vi.fn(() => mounted.destroy()) };
      made.widgets.push(counted);
      return counted;
    },
  };
});

/** The page views of the one instance the test made. */
const pagePaths = () => {
  expect(made.instances).toHaveLength(1);
  return (made.pages.get(made.instances[0] as Touchpoint) ?? []).map((e) => e.page.path);
};

/** Lets the provider's effects run and the instance's first page view (a microtask later) land. */
const settle = () => act(async () => {});

/** Shows what useTouchpoint() returns, for the assertions. */
let seen: (Touchpoint | undefined)[] = [];
function Probe() {
  seen.push(useTouchpoint());
  return null;
}

beforeEach(() => {
  made.instances.length = 0;
  made.links.length = 0;
  made.widgets.length = 0;
  seen = [];
  history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('TouchpointProvider', () => {
  it('in Strict Mode creates one instance, one adapter, one widget and one page view, though its effect runs twice', async () => {
    render(
      <StrictMode>
        <TouchpointProvider endpoint="/collect" options={{ config: { version: 1 } }}>
          <Probe />
        </TouchpointProvider>
      </StrictMode>,
    );
    await settle();
    expect(made.instances).toHaveLength(1);
    expect(made.links.map((l) => l.endpoint)).toEqual(['/collect']);
    expect(made.links[0]?.stop).not.toHaveBeenCalled();
    expect(made.widgets).toHaveLength(1);
    expect(made.widgets[0]?.destroy).not.toHaveBeenCalled();
    expect(document.querySelectorAll('touchpoint-widget')).toHaveLength(1);
    expect(pagePaths()).toEqual(['/']);
    expect(seen.at(-1)).toBe(made.instances[0]);
  });

  it('in Strict Mode records one page view per client-side navigation', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(
      <StrictMode>
        <TouchpointProvider>
          <Probe />
        </TouchpointProvider>
      </StrictMode>,
    );
    await settle();
    for (const path of ['/products', '/checkout', '/checkout/done']) {
      history.pushState(null, '', path);
      vi.runAllTimers();
    }
    history.back();
    await vi.waitFor(() => expect(location.pathname).toBe('/checkout'));
    vi.runAllTimers();
    expect(pagePaths()).toEqual(['/', '/products', '/checkout', '/checkout/done', '/checkout']);
  });

  it('gives useTouchpoint() nothing in the first render and the live instance once its effect ran', async () => {
    render(
      <TouchpointProvider widget={false}>
        <Probe />
      </TouchpointProvider>,
    );
    await settle();
    expect(seen[0]).toBeUndefined();
    expect(seen.at(-1)).toBe(made.instances[0]);
    expect(typeof seen.at(-1)?.track).toBe('function');
  });

  it('stops the adapter and destroys the widget it started on unmount, once', async () => {
    const { unmount } = render(
      <StrictMode>
        <TouchpointProvider endpoint={{ endpoint: '/v1/events', batchSize: 5 }} />
      </StrictMode>,
    );
    await settle();
    unmount();
    await settle();
    expect(made.links[0]?.stop).toHaveBeenCalledOnce();
    expect(made.widgets[0]?.destroy).toHaveBeenCalledOnce();
    expect(document.querySelectorAll('touchpoint-widget')).toHaveLength(0);
  });

  it('starts neither an adapter without an endpoint nor a widget with widget={false}', async () => {
    render(<TouchpointProvider widget={false} />);
    await settle();
    expect(made.instances).toHaveLength(1);
    expect(made.links).toEqual([]);
    expect(made.widgets).toEqual([]);
  });

  it('passes widget options to mountWidget', async () => {
    render(<TouchpointProvider widget={{ position: 'inline', container: document.body, theme: 'dark' }} />);
    await settle();
    const host = document.querySelector('touchpoint-widget');
    expect(host?.parentElement).toBe(document.body);
    expect(made.widgets).toHaveLength(1);
  });

  it('uses an instance passed in from the first render, creates none, and does not touch it on unmount', async () => {
    const { createTouchpoint } = await import('@touchpoint/core');
    const tp = createTouchpoint({ autoPageviews: false });
    made.instances.length = 0;
    const tracked: string[] = [];
    tp.on('track', (e) => tracked.push(e.name ?? ''));
    const { unmount } = render(
      <StrictMode>
        <TouchpointProvider instance={tp} endpoint="/collect">
          <Probe />
        </TouchpointProvider>
      </StrictMode>,
    );
    expect(seen[0]).toBe(tp);
    await settle();
    expect(made.instances).toEqual([]);
    unmount();
    await settle();
    // What the provider started stops; the instance is the app's and still works.
    expect(made.links[0]?.stop).toHaveBeenCalledOnce();
    expect(made.widgets[0]?.destroy).toHaveBeenCalledOnce();
    tp.track('after_unmount');
    expect(tracked).toEqual(['after_unmount']);
  });

  it('reads its props once: a re-render with new option objects makes no second instance, adapter or widget', async () => {
    const { rerender } = render(<TouchpointProvider endpoint="/a" options={{ autoPageviews: false }} />);
    await settle();
    rerender(<TouchpointProvider endpoint="/b" options={{ autoPageviews: false }} />);
    await settle();
    expect(made.instances).toHaveLength(1);
    expect(made.links.map((l) => l.endpoint)).toEqual(['/a']);
    expect(made.widgets).toHaveLength(1);
  });
});
