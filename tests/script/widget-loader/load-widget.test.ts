import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromScript } from '../from-script';

const { loadWidget } = await fromScript<{
  loadWidget(url: string, nonce: string, name?: string): Promise<unknown>;
}>('widget-loader/load-widget.ts');
const GLOBAL = '__touchpointWidget';
const win = window as unknown as Record<string, unknown>;

// The element is caught instead of appended, so happy-dom fetches nothing; the tests play the
// browser's part by firing its load or error handler.
let added: HTMLScriptElement[];
beforeEach(() => {
  added = [];
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    added.push(...(nodes as HTMLScriptElement[]));
  });
});
afterEach(() => {
  delete win[GLOBAL];
  delete win.__touchpointDebug;
});

describe('loadWidget', () => {
  it('adds a classic script with the URL and nonce, and resolves with the mount function it defines', async () => {
    const mount = () => ({ destroy() {} });
    const loading = loadWidget('https://cdn.example/touchpoint-widget.js', 'n0nce');
    const [script] = added;
    expect(script?.src).toBe('https://cdn.example/touchpoint-widget.js');
    expect(script?.nonce).toBe('n0nce');
    expect(script?.type).toBe('');
    win[GLOBAL] = mount;
    script?.onload?.(new Event('load'));
    await expect(loading).resolves.toBe(mount);
  });

  it('rejects when the file does not load', async () => {
    const loading = loadWidget('/touchpoint-widget.js', '');
    added[0]?.onerror?.(new Event('error'));
    await expect(loading).rejects.toThrow('/touchpoint-widget.js did not load');
  });

  it('rejects when the file loads but defines no widget', async () => {
    const loading = loadWidget('/touchpoint-widget.js', '');
    added[0]?.onload?.(new Event('load'));
    await expect(loading).rejects.toThrow('/touchpoint-widget.js did not define __touchpointWidget');
  });

  it('uses a widget the page already loaded, without a request', async () => {
    const mount = () => ({ destroy() {} });
    win[GLOBAL] = mount;
    await expect(loadWidget('/touchpoint-widget.js', '')).resolves.toBe(mount);
    expect(added).toEqual([]);
  });

  it('loads the debug file the same way, resolving with the function it leaves under its own name', async () => {
    const mount = () => ({ destroy() {} });
    const loading = loadWidget('/touchpoint-debug.js', 'n0nce', '__touchpointDebug');
    expect(added[0]?.nonce).toBe('n0nce');
    win.__touchpointDebug = mount;
    added[0]?.onload?.(new Event('load'));
    await expect(loading).resolves.toBe(mount);
  });
});
