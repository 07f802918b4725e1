/** @jsxImportSource react */

import { act, cleanup, render } from '@testing-library/react';
import { createTouchpoint, type JourneyEvent } from '@touchpoint/core';
import { TouchpointProvider, useStage, useTouchpoint } from '@touchpoint/react';
import { StrictMode, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

function Page({ stage, sku }: { stage: string; sku?: string }) {
  useStage(stage, sku ? { sku } : undefined);
  return <p>{stage}</p>;
}

/** Placed before the page in the tree, its effect subscribes first in the commit that brings the instance. */
function Spy({ seen }: { seen: string[] }) {
  const tp = useTouchpoint();
  useEffect(() => tp?.on('stage', (e) => seen.push(`${e.stage} ${e.page.path}`)), [tp, seen]);
  return null;
}

let stages: JourneyEvent[];
const instance = () => {
  const tp = createTouchpoint({ autoPageviews: false });
  stages = [];
  tp.on('stage', (e) => stages.push(e));
  return tp;
};
const settle = () => act(async () => {});

beforeEach(() => history.replaceState(null, '', '/products/1'));
afterEach(cleanup);

describe('useStage', () => {
  it('sends the stage once per page in Strict Mode, with its props and the page it was on', async () => {
    render(
      <StrictMode>
        <TouchpointProvider instance={instance()} widget={false}>
          <Page stage="interest" sku="X1" />
        </TouchpointProvider>
      </StrictMode>,
    );
    await settle();
    expect(stages.map((e) => [e.stage, e.props, e.page.path])).toEqual([
      ['interest', { sku: 'X1' }, '/products/1'],
    ]);
  });

  it('sends nothing more on a re-render of the same page, and again after a navigation that keeps the component', async () => {
    const tp = instance();
    const app = (sku: string) => (
      <TouchpointProvider instance={tp} widget={false}>
        <Page stage="interest" sku={sku} />
      </TouchpointProvider>
    );
    const { rerender } = render(app('X1'));
    await settle();
    rerender(app('X1'));
    await settle();
    history.pushState(null, '', '/products/2');
    rerender(app('X2'));
    await settle();
    expect(stages.map((e) => [e.props, e.page.path])).toEqual([
      [{ sku: 'X1' }, '/products/1'],
      [{ sku: 'X2' }, '/products/2'],
    ]);
  });

  it('sends a new stage on the same page when the stage changes', async () => {
    const tp = instance();
    const app = (stage: string) => (
      <TouchpointProvider instance={tp} widget={false}>
        <Page stage={stage} />
      </TouchpointProvider>
    );
    const { rerender } = render(app('interest'));
    await settle();
    rerender(app('purchase'));
    await settle();
    expect(stages.map((e) => e.stage)).toEqual(['interest', 'purchase']);
  });

  it('waits for the instance the provider creates, then sends (effects below a provider run before its own)', async () => {
    const seen: string[] = [];
    render(
      <TouchpointProvider widget={false} options={{ autoPageviews: false }}>
        <Spy seen={seen} />
        <Page stage="service" />
      </TouchpointProvider>,
    );
    await settle();
    expect(seen).toEqual(['service /products/1']);
  });

  it('does nothing without a provider', async () => {
    expect(() => render(<Page stage="interest" />)).not.toThrow();
    await settle();
  });
});
