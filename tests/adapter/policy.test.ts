import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from '../../packages/adapter/src/backoff';
import {
  acknowledged,
  type Decision,
  type DeliveryState,
  next,
  type Outcome,
  pick,
  retryable,
} from '../../packages/adapter/src/policy';

const BATCH = 20;
const NOW = Date.parse('2030-01-01T00:00:00Z');
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

/** A state as the table writes it: the defaults of a fresh delivery, overridden. */
const state = (extra: Partial<DeliveryState> = {}): DeliveryState => ({
  limit: BATCH,
  attempt: 0,
  unresolved: 0,
  suspects: [],
  ...extra,
});
const suspect = (key: string, othersAcknowledged: boolean) => ({ key, othersAcknowledged });

/** An answer as the table writes it: online, not hiding, half-way jitter. */
const outcome = (status: number, carried: string[], extra: Partial<Outcome> = {}): Outcome => ({
  status,
  keys: carried,
  offline: false,
  hiding: false,
  now: NOW,
  random: 0.5,
  ...extra,
});

const send = { type: 'send' } as const;
const split = { type: 'split' } as const;
const done = { type: 'done' } as const;
const wait = (ms: number) => ({ type: 'wait', ms }) as const;
const decision = (next: DeliveryState, ack: boolean, action: Decision['action']): Decision => ({
  state: next,
  acknowledged: ack,
  action,
});

// One row per case: name, state before, answer, decision expected.
const TABLE: [string, DeliveryState, Outcome, Decision][] = [
  // Acknowledgements
  [
    '200 acknowledges and sends the next batch',
    state(),
    outcome(200, keys(20)),
    decision(state(), true, send),
  ],
  ['204 acknowledges too', state(), outcome(204, keys(3)), decision(state(), true, send)],
  [
    '2xx restores the batch size and the backoff after failures',
    state({ limit: 3, attempt: 4 }),
    outcome(200, keys(3)),
    decision(state(), true, send),
  ],
  [
    '2xx of one half of a failing batch keeps splitting: the other half holds the culprit',
    state({ limit: 5, unresolved: 10 }),
    outcome(200, keys(5)),
    decision(state({ limit: 5, unresolved: 5 }), true, send),
  ],
  [
    '2xx of the last unresolved events restores the batch size',
    state({ limit: 2, unresolved: 2, attempt: 1 }),
    outcome(200, keys(2)),
    decision(state(), true, send),
  ],
  [
    '2xx of other events proves the collector works: the suspects go next, alone',
    state({ limit: 1, attempt: 1, suspects: [suspect('p', false), suspect('q', false)] }),
    outcome(200, ['k1']),
    decision(state({ suspects: [suspect('p', true), suspect('q', true)] }), true, send),
  ],
  [
    '2xx of a suspect alone clears it, and proves nothing about the others',
    state({ suspects: [suspect('p', false), suspect('q', false)] }),
    outcome(200, ['p']),
    decision(state({ suspects: [suspect('q', false)] }), true, send),
  ],
  // The collector is busy or unreachable: the same events later
  [
    'network error while offline waits for online',
    state(),
    outcome(0, keys(5), { offline: true }),
    decision(state(), false, { type: 'wait-online' }),
  ],
  [
    'network error while online backs off',
    state(),
    outcome(0, keys(5)),
    decision(state({ attempt: 1 }), false, wait(500)),
  ],
  ['408 backs off', state(), outcome(408, keys(5)), decision(state({ attempt: 1 }), false, wait(500))],
  [
    '429 backs off, exponentially',
    state({ attempt: 2 }),
    outcome(429, keys(5)),
    decision(state({ attempt: 3 }), false, wait(2000)),
  ],
  [
    '429 waits as long as Retry-After in seconds',
    state(),
    outcome(429, keys(5), { retryAfter: '30' }),
    decision(state({ attempt: 1 }), false, wait(30_000)),
  ],
  [
    '429 waits until a Retry-After date',
    state(),
    outcome(429, keys(5), { retryAfter: 'Tue, 01 Jan 2030 00:01:30 GMT' }),
    decision(state({ attempt: 1 }), false, wait(90_000)),
  ],
  [
    'Retry-After in the past is a minimum: the backoff still applies',
    state({ attempt: 1 }),
    outcome(429, keys(5), { retryAfter: 'Mon, 31 Dec 2029 23:00:00 GMT' }),
    decision(state({ attempt: 2 }), false, wait(1000)),
  ],
  [
    'the backoff is capped',
    state({ attempt: 30 }),
    outcome(408, keys(2)),
    decision(state({ attempt: 31 }), false, wait(BACKOFF_CAP_MS / 2)),
  ],
  [
    'Retry-After beyond the cap is cut to it',
    state(),
    outcome(503, keys(4), { retryAfter: '86400' }),
    decision(state({ limit: 2, unresolved: 4 }), false, wait(BACKOFF_CAP_MS)),
  ],
  // 5xx: something in these events, or an outage: split after a backoff
  [
    '500 halves the batch after a backoff that does not grow',
    state(),
    outcome(500, keys(20)),
    decision(state({ limit: 10, unresolved: 20 }), false, wait(500)),
  ],
  [
    '503 halves an odd batch rounding up',
    state({ limit: 5, unresolved: 10 }),
    outcome(503, keys(5)),
    decision(state({ limit: 3, unresolved: 5 }), false, wait(500)),
  ],
  [
    '503 with Retry-After halves and waits as asked',
    state(),
    outcome(503, keys(20), { retryAfter: '10' }),
    decision(state({ limit: 10, unresolved: 20 }), false, wait(10_000)),
  ],
  [
    '503 for an event alone sets it aside after a backoff, and the batch size is back',
    state({ limit: 1, unresolved: 1 }),
    outcome(503, ['p']),
    decision(state({ attempt: 1, suspects: [suspect('p', false)] }), false, wait(500)),
  ],
  [
    '503 for the first of two unresolved events sets it aside; the split goes on for the other',
    state({ limit: 1, unresolved: 2 }),
    outcome(503, ['p']),
    decision(
      state({ limit: 1, unresolved: 1, attempt: 1, suspects: [suspect('p', false)] }),
      false,
      wait(500),
    ),
  ],
  [
    '503 again for a suspect after other events went through drops it',
    state({ suspects: [suspect('p', true)] }),
    outcome(503, ['p']),
    decision(state(), false, { type: 'drop', key: 'p' }),
  ],
  [
    '503 for a suspect with nothing acknowledged since (an outage, or the only event left): a longer backoff, no drop',
    state({ attempt: 3, suspects: [suspect('p', false)] }),
    outcome(503, ['p']),
    decision(state({ attempt: 4, suspects: [suspect('p', false)] }), false, wait(4000)),
  ],
  [
    '503 for another event alone while one waits aside sets it aside too, with a longer backoff',
    state({ limit: 1, unresolved: 1, attempt: 1, suspects: [suspect('p', false)] }),
    outcome(503, ['q']),
    decision(state({ attempt: 2, suspects: [suspect('p', false), suspect('q', false)] }), false, wait(1000)),
  ],
  [
    '429 for a suspect is about the collector: it waits, still suspected',
    state({ suspects: [suspect('p', true)] }),
    outcome(429, ['p']),
    decision(state({ attempt: 1, suspects: [suspect('p', true)] }), false, wait(500)),
  ],
  // 413: halving
  [
    '413 halves the batch at once',
    state(),
    outcome(413, keys(20)),
    decision(state({ limit: 10, unresolved: 20 }), false, split),
  ],
  [
    '413 halves 3 to 2',
    state({ limit: 3 }),
    outcome(413, keys(3)),
    decision(state({ limit: 2, unresolved: 3 }), false, split),
  ],
  [
    '413 for an event alone sets it aside and sends the others at once',
    state({ limit: 1, unresolved: 1 }),
    outcome(413, ['p']),
    decision(state({ suspects: [suspect('p', false)] }), false, send),
  ],
  [
    '413 again for a suspect after other events went through drops it',
    state({ suspects: [suspect('p', true)] }),
    outcome(413, ['p']),
    decision(state(), false, { type: 'drop', key: 'p' }),
  ],
  // Other 4xx: isolate the refused event
  ...[400, 401, 403, 404, 409, 422].map((code): [string, DeliveryState, Outcome, Decision] => [
    `${code} splits the batch at once`,
    state(),
    outcome(code, keys(20)),
    decision(state({ limit: 10, unresolved: 20 }), false, split),
  ]),
  [
    '400 for an event alone sets it aside and sends the others at once',
    state({ limit: 1, unresolved: 1 }),
    outcome(400, ['p']),
    decision(state({ suspects: [suspect('p', false)] }), false, send),
  ],
  [
    '422 again for a suspect after other events went through drops it, and only it',
    state({ suspects: [suspect('p', true), suspect('q', true)] }),
    outcome(422, ['p']),
    decision(state({ suspects: [suspect('q', true)] }), false, { type: 'drop', key: 'p' }),
  ],
  [
    '400 for another event alone while one waits aside: the collector may refuse everything, it backs off',
    state({ limit: 1, unresolved: 1, suspects: [suspect('p', false)] }),
    outcome(400, ['q']),
    decision(state({ attempt: 1, suspects: [suspect('p', false), suspect('q', false)] }), false, wait(500)),
  ],
  // The page-hide send acts on an acknowledgement only
  [
    'page-hide send acknowledged',
    state(),
    outcome(204, keys(5), { hiding: true }),
    decision(state(), true, done),
  ],
  [
    'page-hide send refused: the events stay, nothing else changes',
    state({ attempt: 2 }),
    outcome(400, keys(5), { hiding: true }),
    decision(state({ attempt: 2 }), false, done),
  ],
  [
    'page-hide send failed: the events stay',
    state(),
    outcome(0, keys(5), { hiding: true, offline: true }),
    decision(state(), false, done),
  ],
  [
    'page-hide send answered 503: no backoff either',
    state(),
    outcome(503, keys(5), { hiding: true }),
    decision(state(), false, done),
  ],
];

describe('next', () => {
  it.each(TABLE)('%s', (_name, before, answer, expected) => {
    expect(next(before, answer, BATCH)).toEqual(expected);
  });

  it('never drops an event while every request fails, whatever the answers', () => {
    // An outage: a queue of 20, every request answered 503 or 400, 200 rounds.
    const queue = keys(20).map((key) => [key] as [string]);
    let current = state();
    for (let round = 0; round < 200; round++) {
      const batch = pick(current, queue.slice(0, current.limit + 1));
      const result = next(
        current,
        outcome(
          round % 3 ? 503 : 400,
          batch.map(([key]) => key),
        ),
        BATCH,
      );
      expect(result.action.type).not.toBe('drop');
      current = result.state;
    }
  });
});

describe('pick', () => {
  const head = keys(6).map((key) => [key, `{"id":"${key}"}`] as [string, string]);
  it.each([
    ['the oldest `limit` events', state({ limit: 3 }), ['k0', 'k1', 'k2']],
    [
      'the others, past the suspects',
      state({ limit: 3, suspects: [suspect('k0', false), suspect('k2', false)] }),
      ['k1', 'k3', 'k4'],
    ],
    [
      'the suspect alone once the others went through',
      state({ limit: 3, suspects: [suspect('k0', true)] }),
      ['k0'],
    ],
    [
      'the head when the suspect is gone (another tab delivered it)',
      state({ limit: 2, suspects: [suspect('x', true)] }),
      ['k0', 'k1'],
    ],
  ])('sends %s', (_name, current, expected) => {
    expect(pick(current, head).map(([key]) => key)).toEqual(expected);
  });

  it('sends the suspect alone again when it is the only event left', () => {
    expect(pick(state({ suspects: [suspect('k0', false)] }), head.slice(0, 1))).toEqual([head[0]]);
  });
});

describe('status rules', () => {
  it.each([
    [200, true, false],
    [204, true, false],
    [0, false, true],
    [408, false, true],
    [429, false, true],
    [500, false, true],
    [503, false, true],
    [400, false, false],
    [413, false, false],
  ])('status %i: acknowledged %s, retryable %s', (status, ack, retry) => {
    expect(acknowledged(status)).toBe(ack);
    expect(retryable(status)).toBe(retry);
  });
});
