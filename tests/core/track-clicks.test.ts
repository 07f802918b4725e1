import type { Props } from '@touchpoint/core';
import { trackClicks } from '@touchpoint/core/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const track = vi.fn<(name: string, props?: Props) => void>();
let stop: () => void;

beforeEach(() => {
  document.body.innerHTML = '';
  track.mockReset();
  stop = trackClicks({ track });
});
afterEach(() => stop());

const element = (tag: string, attributes: Record<string, string>, parent: Element = document.body) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.append(el);
  return el;
};

describe('trackClicks', () => {
  it('emits the data-tp-track event of a clicked element', () => {
    element('button', { 'data-tp-track': 'add_to_cart' }).click();
    expect(track.mock.calls).toEqual([['add_to_cart', undefined]]);
  });

  it("puts the element's data-tp-stage on the event", () => {
    element('a', { 'data-tp-track': 'checkout_started', 'data-tp-stage': 'purchase' }).click();
    expect(track.mock.calls).toEqual([['checkout_started', { stage: 'purchase' }]]);
  });

  it('finds the tagged ancestor of the clicked child, so icons inside buttons count', () => {
    const button = element('button', { 'data-tp-track': 'add_to_cart' });
    element('span', {}, button).click();
    expect(track.mock.calls).toEqual([['add_to_cart', undefined]]);
  });

  it('sees clicks whose page handler stops propagation', () => {
    const button = element('button', { 'data-tp-track': 'subscribe' });
    button.addEventListener('click', (event) => event.stopPropagation());
    button.click();
    expect(track).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks on untagged elements', () => {
    element('button', {}).click();
    document.body.click();
    expect(track).not.toHaveBeenCalled();
  });

  it('stops listening once removed', () => {
    stop();
    element('button', { 'data-tp-track': 'add_to_cart' }).click();
    expect(track).not.toHaveBeenCalled();
  });
});

describe('trackClicks on a root element', () => {
  it('sees only the clicks inside that element, and stops with the returned function', () => {
    stop();
    const section = element('section', {});
    const inside = element('button', { 'data-tp-track': 'inside' }, section);
    const outside = element('button', { 'data-tp-track': 'outside' });
    const stopSection = trackClicks({ track }, section);
    outside.click();
    inside.click();
    stopSection();
    inside.click();
    expect(track.mock.calls).toEqual([['inside', undefined]]);
  });
});
