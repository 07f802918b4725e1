import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../packages/core/src/store';
import { createWarn } from '../../packages/core/src/warn';

const tick = () => Promise.resolve();

beforeEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createStore', () => {
  it('writes behind, once per task, only the keys it set', async () => {
    const store = createStore(vi.fn(), true);
    localStorage.setItem('tp_other', '"another tab"');
    store._get('other');
    store._set('a', 1);
    store._set('a', { n: 2 });
    expect(localStorage.getItem('tp_a')).toBeNull();
    localStorage.setItem('tp_other', '"newer"');
    await tick();
    expect(localStorage.getItem('tp_a')).toBe('{"n":2}');
    expect(localStorage.getItem('tp_other')).toBe('"newer"');
    store._set('a', undefined);
    await tick();
    expect(localStorage.getItem('tp_a')).toBeNull();
  });

  it('writes nothing while not persisting, then everything it holds at once', async () => {
    const store = createStore(vi.fn(), true);
    store._persist(false);
    store._set('a', 1);
    store._set('b', 'x');
    await tick();
    expect(localStorage.length).toBe(0);
    store._persist(true);
    expect(localStorage.getItem('tp_a')).toBe('1');
    expect(localStorage.getItem('tp_b')).toBe('"x"');
  });

  it('drops a pending write when persisting stops before it runs', async () => {
    const store = createStore(vi.fn(), true);
    store._set('a', 1);
    store._persist(false);
    await tick();
    expect(localStorage.length).toBe(0);
  });

  it('re-reads storage only when asked for a fresh value', () => {
    const store = createStore(vi.fn(), true);
    localStorage.setItem('tp_s', '1');
    expect(store._get('s')).toBe(1);
    localStorage.setItem('tp_s', '2');
    expect(store._get('s')).toBe(1);
    expect(store._get('s', true)).toBe(2);
  });

  it('clears every tp_ key, in memory and in storage, and nothing else', async () => {
    const store = createStore(vi.fn(), true);
    localStorage.setItem('tp_x', '1');
    localStorage.setItem('app', '1');
    store._set('a', 1);
    await tick();
    store._set('b', 1);
    store._clear();
    await tick();
    expect(Object.keys(localStorage)).toEqual(['app']);
    expect(store._get('a')).toBeUndefined();
  });

  it('ignores invalid stored JSON with one warning', () => {
    const warn = vi.fn();
    const store = createStore(warn, true);
    localStorage.setItem('tp_a', '{broken');
    expect(store._get('a')).toBeUndefined();
    expect(store._get('a', true)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('stored tp_a: invalid; ignored');
  });

  it('keeps to memory, warning once through the instance warner, when localStorage throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked, key: blocked });
    const store = createStore(createWarn(), true);
    expect(store._get('a')).toBeUndefined();
    store._set('a', 1);
    await tick();
    store._clear();
    store._set('b', 2);
    await tick();
    expect(store._get('b')).toBe(2);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('localStorage is unavailable');
  });
});
