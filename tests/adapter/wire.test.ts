import type { JourneyEvent } from '@touchpoint/core';
import { describe, expect, it, vi } from 'vitest';
import { touchpoint } from '../../packages/adapter/src/wire';

const event = { id: 'a', type: 'track' } as JourneyEvent;

describe('the touchpoint format', () => {
  it('adds dropped only when events were evicted', () => {
    vi.spyOn(Date, 'now').mockReturnValue(5);
    expect(JSON.parse(touchpoint([event], 0).body)).toEqual({ sentAt: 5, events: [event] });
    expect(JSON.parse(touchpoint([], 3).body)).toEqual({ sentAt: 5, events: [], dropped: 3 });
  });

  it('needs no headers beyond the adapter’s own', () => {
    expect(touchpoint([event], 0)).not.toHaveProperty('headers');
  });
});
