import { describe, expect, it, vi } from 'vitest';
import {
  createHistory,
  HISTORY_LIMIT,
  type KeyValue,
  noteHistory,
  parseHistory,
} from '../../packages/core/src/history';
import { HISTORY_KEY } from '../../packages/core/src/keys';
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
