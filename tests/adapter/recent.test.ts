import { describe, expect, it } from 'vitest';
import { createRecent } from '../../packages/adapter/src/recent';

const keys = (recent: ReturnType<typeof createRecent>) => recent._items().map(([key]) => key);

describe('createRecent', () => {
  it('keeps the newest `size` events, oldest first, however many came', () => {
    const recent = createRecent(3);
    for (let i = 0; i < 10; i++) recent._remember(`k${i}`, '{}');
    expect(keys(recent)).toEqual(['k7', 'k8', 'k9']);
    expect(recent._full()).toBe(true);
  });

  it('forgets acknowledged events', () => {
    const recent = createRecent(5);
    for (let i = 0; i < 4; i++) recent._remember(`k${i}`, '{}');
    recent._forget(['k1', 'k2']);
    expect(keys(recent)).toEqual(['k0', 'k3']);
    expect(recent._full()).toBe(false);
  });

  it('prunes what it had stored before a read and the read found gone', () => {
    const recent = createRecent(5);
    for (let i = 0; i < 4; i++) recent._remember(`k${i}`, '{}');
    recent._stored('k2');
    const mark = recent._mark();
    recent._remember('k4', '{}');
    // Another tab delivered k0 and k1: the queue now starts at k2.
    recent._prune(mark, 'k2');
    expect(keys(recent)).toEqual(['k2', 'k3', 'k4']);
    // An empty queue: everything stored by the mark is gone, not what was written after it.
    recent._prune(mark, undefined);
    expect(keys(recent)).toEqual(['k3', 'k4']);
  });
});
