import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHistory,
  HISTORY_LIMIT,
  type History,
  type KeyValue,
  mergeHistory,
  noteHistory,
  parseHistory,
} from '../../packages/core/src/history';
import { HISTORY_KEY } from '../../packages/core/src/keys';
import { createStore } from '../../packages/core/src/store';
import type { JsonValue } from '../../packages/core/src/types';

const memoryStore = (
  initial: Record<string, JsonValue> = {},
): KeyValue & { data: Record<string, JsonValue> } => {
  const data = { ...initial };
  return {
    data,
    _get: (key) => data[key],
    _set: (key, value) => {
      if (value === undefined) delete data[key];
      else data[key] = value;
    },
  };
};

describe('noteHistory', () => {
  it('records shown, answered and dismissed with their times per survey', () => {
    let h = noteHistory({ surveys: {} }, 'shown', 'a', 's1', 1);
    h = noteHistory(h, 'answered', 'a', 's1', 2);
    h = noteHistory(h, 'dismissed', 'b', 's1', 3);
    expect(h.surveys).toEqual({ a: { shown: 1, answered: 2 }, b: { dismissed: 3 } });
    expect(h.last).toBe(1);
  });

  it('counts shown surveys per session, starting again in a new session', () => {
    let h = noteHistory({ surveys: {} }, 'shown', 'a', 's1', 1);
    h = noteHistory(h, 'dismissed', 'a', 's1', 2);
    h = noteHistory(h, 'shown', 'b', 's1', 3);
    expect(h.session).toEqual({ id: 's1', shown: 2 });
    expect(noteHistory(h, 'shown', 'c', 's2', 4).session).toEqual({ id: 's2', shown: 1 });
  });

  it('leaves the history it was given unchanged', () => {
    const h = { surveys: { a: { shown: 1 } } };
    noteHistory(h, 'answered', 'a', 's1', 2);
    expect(h).toEqual({ surveys: { a: { shown: 1 } } });
  });

  it(`keeps the ${HISTORY_LIMIT} most recently touched surveys`, () => {
    let h = { surveys: {} };
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) h = noteHistory(h, 'shown', `s${i}`, 's1', 1000 + i);
    h = noteHistory(h, 'answered', 's0', 's1', 5000);
    const ids = Object.keys(h.surveys);
    expect(ids).toHaveLength(HISTORY_LIMIT);
    expect(ids).toContain('s0');
    expect(ids).toContain(`s${HISTORY_LIMIT + 9}`);
    expect(ids).not.toContain('s1');
  });
});

describe('parseHistory', () => {
  it.each([
    ['a string', 'x'],
    ['null', null],
    ['no surveys', { last: 1 }],
    ['a survey that is not an object', { surveys: { a: 1 } }],
    ['surveys that are not an object', { surveys: 'oops' }],
    ['a session that is not an object', { surveys: {}, session: 3 }],
  ])('rejects %s', (_, raw) => {
    expect(parseHistory(raw)).toBeUndefined();
  });

  it('accepts a history it wrote', () => {
    const h = noteHistory(noteHistory({ surveys: {} }, 'shown', 'a', 's1', 1), 'answered', 'a', 's1', 2);
    expect(parseHistory(JSON.parse(JSON.stringify(h)))).toEqual(h);
  });
});

describe('createHistory', () => {
  it('writes each note through the store and reads it back', () => {
    const store = memoryStore();
    const history = createHistory(store, vi.fn());
    history._note('shown', 'a', 's1', 10);
    expect(store.data[HISTORY_KEY]).toEqual({
      surveys: { a: { shown: 10 } },
      last: 10,
      session: { id: 's1', shown: 1 },
    });
    expect(history._read().surveys.a).toEqual({ shown: 10 });
  });

  it('ignores corrupted stored data with one warning and starts afresh', () => {
    const warn = vi.fn();
    const history = createHistory(memoryStore({ [HISTORY_KEY]: { surveys: 'oops' } }), warn);
    expect(history._read()).toEqual({ surveys: {} });
    expect(warn).toHaveBeenCalledWith('stored history: invalid; reset');
    history._note('dismissed', 'a', 's1', 5);
    expect(history._read().surveys.a).toEqual({ dismissed: 5 });
  });

  it('starts empty without a warning when nothing is stored', () => {
    const warn = vi.fn();
    expect(createHistory(memoryStore(), warn)._read()).toEqual({ surveys: {} });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('noteHistory, shown by show()', () => {
  it('does not count a survey shown by show() toward maxPerSession, but remembers it was shown', () => {
    const h = noteHistory({ surveys: {} }, 'shown', 'a', 's1', 7, false);
    expect(h.session).toEqual({ id: 's1', shown: 0 });
    expect(h.surveys.a).toEqual({ shown: 7 });
    expect(h.last).toBe(7);
  });
});

describe('mergeHistory', () => {
  const session = (id: string, shown: number) => ({ id, shown });
  it.each<[string, History, History, string | undefined, History]>([
    [
      'keeps the surveys of both copies',
      { surveys: { a: { shown: 1 } } },
      { surveys: { b: { dismissed: 2 } } },
      undefined,
      { surveys: { a: { shown: 1 }, b: { dismissed: 2 } } },
    ],
    [
      'takes the latest time of each note of one survey',
      { surveys: { a: { shown: 5, dismissed: 1 } } },
      { surveys: { a: { shown: 3, dismissed: 6, answered: 2 } } },
      undefined,
      { surveys: { a: { shown: 5, dismissed: 6, answered: 2 } } },
    ],
    [
      'takes the latest survey shown for minDaysBetweenSurveys',
      { surveys: {}, last: 4 },
      { surveys: {}, last: 9 },
      undefined,
      { surveys: {}, last: 9 },
    ],
    [
      'takes the larger count of one session',
      { surveys: {}, session: session('s1', 2) },
      { surveys: {}, session: session('s1', 1) },
      's1',
      { surveys: {}, session: session('s1', 2) },
    ],
    [
      'keeps the current session when the copies are of two sessions',
      { surveys: {}, session: session('s2', 1) },
      { surveys: {}, session: session('s1', 3) },
      's2',
      { surveys: {}, session: session('s2', 1) },
    ],
    [
      "takes the stored copy's session when neither is the current one",
      { surveys: {}, session: session('s1', 1) },
      { surveys: {}, session: session('s3', 2) },
      's9',
      { surveys: {}, session: session('s3', 2) },
    ],
  ])('%s', (_, a, b, sessionId, merged) => {
    expect(mergeHistory(a, b, sessionId)).toEqual(merged);
  });

  it(`keeps the ${HISTORY_LIMIT} most recently touched surveys of both`, () => {
    const many = (from: number): History => ({
      surveys: Object.fromEntries(
        Array.from({ length: HISTORY_LIMIT }, (_, i) => [`s${from + i}`, { shown: from + i }]),
      ),
    });
    const ids = Object.keys(mergeHistory(many(0), many(HISTORY_LIMIT)).surveys);
    expect(ids).toHaveLength(HISTORY_LIMIT);
    expect(ids).toContain(`s${2 * HISTORY_LIMIT - 1}`);
    expect(ids).not.toContain('s0');
  });
});

describe('createHistory across tabs (two stores on one localStorage)', () => {
  afterEach(() => localStorage.clear());
  const tab = () => createHistory(createStore(vi.fn(), true), vi.fn());
  const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

  it("never erases another tab's notes: each tab's shown survey stays in the stored history", async () => {
    const a = tab();
    const b = tab();
    // Both tabs have read the (empty) history before either writes.
    a._read('s1');
    b._read('s1');
    a._note('shown', 's1', 'sess', 10);
    await settle();
    b._note('shown', 's2', 'sess', 20);
    await settle();
    const stored = JSON.parse(localStorage.getItem(`tp_${HISTORY_KEY}`) ?? 'null');
    expect(Object.keys(stored.surveys).sort()).toEqual(['s1', 's2']);
    expect(stored.session).toEqual({ id: 'sess', shown: 2 });
  });

  it("sees another tab's dismissal at its next decision", async () => {
    const a = tab();
    const b = tab();
    b._read('sess');
    a._note('dismissed', 's1', 'sess', 30);
    await settle();
    expect(b._read('sess').surveys.s1).toEqual({ dismissed: 30 });
  });

  it('keeps its own note written in this task when it reads storage again before the write', async () => {
    const a = tab();
    a._note('shown', 's1', 'sess', 10);
    expect(a._read('sess').surveys.s1).toEqual({ shown: 10 });
    await settle();
    expect(JSON.parse(localStorage.getItem(`tp_${HISTORY_KEY}`) ?? 'null').surveys.s1).toEqual({ shown: 10 });
  });
});
