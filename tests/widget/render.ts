import { act, within } from '@testing-library/preact';
import { mountWidget, type Widget, type WidgetOptions } from '@touchpoint/widget';
import { afterEach, vi } from 'vitest';
import { fakeTp } from './fake-tp';

/** The widget's host element (the only one on the page). */
export function host(): HTMLElement {
  const el = document.querySelector('touchpoint-widget');
  if (!el?.shadowRoot) throw new Error('no widget host with a shadow root');
  return el as HTMLElement;
}

/** Testing-library queries inside the widget's shadow root. */
export function screen() {
  return within(host().shadowRoot as unknown as HTMLElement);
}

/** The element focused inside the shadow root, if any. */
export function focused(): Element | null {
  return host().shadowRoot?.activeElement ?? null;
}

let mounted: Widget[] = [];
afterEach(() => {
  for (const w of mounted) act(() => w.destroy());
  mounted = [];
  document.body.replaceChildren();
});

/** Mounts a widget on a fake core; destroyed after the test. */
export function setup(options: WidgetOptions = {}) {
  const f = fakeTp();
  const widget = mountWidget(f.tp, { locale: 'en', ...options });
  mounted.push(widget);
  return { ...f, widget };
}

/** Silences and captures console.warn for one test (call history starts empty). */
export function spyWarn() {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  spy.mockClear();
  return spy;
}
