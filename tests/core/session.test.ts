import { describe, expect, it } from 'vitest';
import { isLive, SESSION_TIMEOUT_MS, touchSession } from '../../packages/core/src/session';
import { createStore } from '../../packages/core/src/store';
import { TRAIL_LENGTH } from '../../packages/core/src/trail';
import type { JourneyEvent } from '../../packages/core/src/types';

const alive = { id: 's', last: 0, views: 0, trail: [] };
const event = (type: JourneyEvent['type'], name?: string) =>
  ({ type, name, page: { url: '', path: '/p' } }) as JourneyEvent;

describe('isLive', () => {
  it.each([
    [alive, SESSION_TIMEOUT_MS - 1, true],
    [alive, SESSION_TIMEOUT_MS, false],
    [{ ...alive, id: 1 }, 0, false],
    [{ ...alive, views: -1 }, 0, false],
    [{ ...alive, trail: {} }, 0, false],
    [null, 0, false],
    ['s', 0, false],
  ])('%j at %d is %s', (value, now, expected) => {
    expect(isLive(value, now)).toBe(expected);
  });
});

describe('touchSession', () => {
  it('re-reads storage before rotating: another tab may have kept the session alive', async () => {
    localStorage.clear();
    const store = createStore(() => {}, true);
    const first = touchSession(store, 0);
    await Promise.resolve();
    localStorage.setItem('tp_session', JSON.stringify({ ...first, last: SESSION_TIMEOUT_MS }));
    expect(touchSession(store, SESSION_TIMEOUT_MS + 1).id).toBe(first.id);
    expect(touchSession(store, 3 * SESSION_TIMEOUT_MS).id).not.toBe(first.id);
  });

  it('counts page views and keeps the last TRAIL_LENGTH steps, without absent fields in JSON', () => {
    const store = createStore(() => {}, false);
    const page = event('page');
    touchSession(store, 1, page);
    for (let i = 0; i < TRAIL_LENGTH; i++) touchSession(store, 2, event('track', `t${i}`));
    const session = touchSession(store, 3);
    expect(page.sessionId).toBe(session.id);
    expect(session.views).toBe(1);
    expect(session.trail).toHaveLength(TRAIL_LENGTH);
    expect(session.trail[0]?.name).toBe('t0');
    expect(JSON.parse(JSON.stringify(session.trail[0]))).toEqual({
      type: 'track',
      name: 't0',
      path: '/p',
      ts: 2,
    });
  });
});
