/**
 * @vitest-environment node
 * @jsxImportSource react
 */
import { FeedbackButton, TouchpointProvider, useStage, useTouchpoint } from '@touchpoint/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

// Server rendering as Next.js, Remix or Astro do it: no window, no document, no storage.
// The binding must create nothing there: no instance, no adapter, no widget.

function Page() {
  useStage('interest', { sku: 'X1' });
  const tp = useTouchpoint();
  return (
    <main>
      <p>{tp ? 'live' : 'not yet'}</p>
      <FeedbackButton surveyId="site-nps" />
    </main>
  );
}

const app = (
  <TouchpointProvider
    options={{
      config: { version: 1, surveys: [{ id: 'site-nps', metric: 'nps', question: 'Recommend us?' }] },
    }}
    endpoint="http://127.0.0.1:9/collect"
    widget={{ position: 'bottom-left' }}
  >
    <Page />
  </TouchpointProvider>
);

describe('server rendering with renderToString', () => {
  it('renders the children and the button, and nothing of the SDK', () => {
    expect(typeof window).toBe('undefined');
    expect(renderToString(app)).toBe(
      '<main><p>not yet</p><button type="button">Give feedback</button></main>',
    );
  });

  it('sends no request, leaves no timer and prints nothing', () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const printed = [
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(process.stderr, 'write'),
    ];
    const timers = () =>
      process.getActiveResourcesInfo().filter((kind) => /Timeout|Immediate/.test(kind)).length;
    const before = timers();
    for (let i = 0; i < 3; i++) renderToString(app);
    expect(timers()).toBe(before);
    expect(fetch).not.toHaveBeenCalled();
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
  });
});
