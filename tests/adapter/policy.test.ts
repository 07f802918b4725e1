import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from '../../packages/adapter/src/backoff';
import {
  acknowledged,
  type Decision,
  type DeliveryState,
  next,
  type Outcome,
  peekSize,
  pick,
  retryable,
} from '../../packages/adapter/src/policy';

const BATCH = 20;
const NOW = Date.parse('2030-01-01T00:00:00Z');
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

/** A state as the table writes it: the defaults of a fresh delivery, overridden. */
const state = (extra: Partial<DeliveryState> = {}): DeliveryState => ({
  _limit: BATCH,
  _attempt: 0,
  _unresolved: 0,
  _suspects: [],
  ...extra,
});
const suspect = (key: string, othersAcknowledged: boolean) => ({
  _key: key,
  _othersAcknowledged: othersAcknowledged,
});

/** An answer as the table writes it: online, not hiding. */
const outcome = (status: number, carried: string[], extra: Partial<Outcome> = {}): Outcome => ({
  _status: status,
  _keys: carried,
  _offline: false,
  _hiding: false,
  ...extra,
});

const send = { _type: 'send' } as const;
const split = { _type: 'split' } as const;
const done = { _type: 'done' } as const;
const wait = (ms: number) => ({ _type: 'wait', _ms: ms }) as const;
const decision = (next: DeliveryState, ack: boolean, action: Decision['_action']): Decision => ({
  _state: next,
  _acknowledged: ack,
  _action: action,
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
    state({ _limit: 3, _attempt: 4 }),
    outcome(200, keys(3)),
    decision(state(), true, send),
  ],
  [
    '2xx of one half of a failing batch keeps splitting: the other half holds the culprit',
    state({ _limit: 5, _unresolved: 10 }),
    outcome(200, keys(5)),
    decision(state({ _limit: 5, _unresolved: 5 }), true, send),
  ],
  [
    '2xx of the last unresolved events restores the batch size',
    state({ _limit: 2, _unresolved: 2, _attempt: 1 }),
    outcome(200, keys(2)),
    decision(state(), true, send),
  ],
  [
    '2xx of other events proves the collector works: the suspects go next, alone',
    state({ _limit: 1, _attempt: 1, _suspects: [suspect('p', false), suspect('q', false)] }),
    outcome(200, ['k1']),
    decision(state({ _suspects: [suspect('p', true), suspect('q', true)] }), true, send),
  ],
  [
    '2xx of a suspect alone clears it, and proves nothing about the others',
    state({ _suspects: [suspect('p', false), suspect('q', false)] }),
    outcome(200, ['p']),
    decision(state({ _suspects: [suspect('q', false)] }), true, send),
  ],
  // The collector is busy or unreachable: the same events later
  [
    'network error while offline waits for online',
    state(),
    outcome(0, keys(5), { _offline: true }),
    decision(state(), false, { _type: 'wait-online' }),
  ],
  [
    'network error while online backs off',
    state(),
    outcome(0, keys(5)),
    decision(state({ _attempt: 1 }), false, wait(500)),
  ],
  ['408 backs off', state(), outcome(408, keys(5)), decision(state({ _attempt: 1 }), false, wait(500))],
  [
    '429 backs off, exponentially',
    state({ _attempt: 2 }),
    outcome(429, keys(5)),
    decision(state({ _attempt: 3 }), false, wait(2000)),
  ],
  [
    '429 waits as long as Retry-After in seconds',
    state(),
    outcome(429, keys(5), { _retryAfter: '30' }),
    decision(state({ _attempt: 1 }), false, wait(30_000)),
  ],
  [
    '429 waits until a Retry-After date',
    state(),
    outcome(429, keys(5), { _retryAfter: 'Tue, 01 Jan 2030 00:01:30 GMT' }),
    decision(state({ _attempt: 1 }), false, wait(90_000)),
  ],
  [
    'Retry-After in the past is a minimum: the backoff still applies',
    state({ _attempt: 1 }),
    outcome(429, keys(5), { _retryAfter: 'Mon, 31 Dec 2029 23:00:00 GMT' }),
    decision(state({ _attempt: 2 }), false, wait(1000)),
  ],
  [
    'the backoff is capped',
    state({ _attempt: 30 }),
    outcome(408, keys(2)),
    decision(state({ _attempt: 31 }), false, wait(BACKOFF_CAP_MS / 2)),
  ],
  [
    'Retry-After beyond the cap is cut to it',
    state(),
    outcome(503, keys(4), { _retryAfter: '86400' }),
    decision(state({ _limit: 2, _unresolved: 4 }), false, wait(BACKOFF_CAP_MS)),
  ],
  // 5xx: something in these events, or an outage: split after a backoff
  [
    '500 halves the batch after a backoff that does not grow',
    state(),
    outcome(500, keys(20)),
    decision(state({ _limit: 10, _unresolved: 20 }), false, wait(500)),
  ],
  [
    '503 halves an odd batch rounding up',
    state({ _limit: 5, _unresolved: 10 }),
    outcome(503, keys(5)),
    decision(state({ _limit: 3, _unresolved: 5 }), false, wait(500)),
  ],
  [
    '503 with Retry-After halves and waits as asked',
    state(),
    outcome(503, keys(20), { _retryAfter: '10' }),
    decision(state({ _limit: 10, _unresolved: 20 }), false, wait(10_000)),
  ],
  [
    '503 for an event alone sets it aside after a backoff, and the batch size is back',
    state({ _limit: 1, _unresolved: 1 }),
    outcome(503, ['p']),
    decision(state({ _attempt: 1, _suspects: [suspect('p', false)] }), false, wait(500)),
  ],
  [
    '503 for the first of two unresolved events sets it aside; the split goes on for the other',
    state({ _limit: 1, _unresolved: 2 }),
    outcome(503, ['p']),
    decision(
      state({ _limit: 1, _unresolved: 1, _attempt: 1, _suspects: [suspect('p', false)] }),
      false,
      wait(500),
    ),
  ],
  [
    '503 again for a suspect after other events went through drops it',
    state({ _suspects: [suspect('p', true)] }),
    outcome(503, ['p']),
    decision(state(), false, { _type: 'drop', _key: 'p' }),
  ],
  [
    '503 for a suspect with nothing acknowledged since (an outage, or the only event left): a longer backoff, no drop',
    state({ _attempt: 3, _suspects: [suspect('p', false)] }),
    outcome(503, ['p']),
    decision(state({ _attempt: 4, _suspects: [suspect('p', false)] }), false, wait(4000)),
  ],
  [
    '503 for another event alone while one waits aside sets it aside too, with a longer backoff',
    state({ _limit: 1, _unresolved: 1, _attempt: 1, _suspects: [suspect('p', false)] }),
    outcome(503, ['q']),
    decision(
      state({ _attempt: 2, _suspects: [suspect('p', false), suspect('q', false)] }),
      false,
      wait(1000),
    ),
  ],
  [
    '429 for a suspect is about the collector: it waits, still suspected',
    state({ _suspects: [suspect('p', true)] }),
    outcome(429, ['p']),
    decision(state({ _attempt: 1, _suspects: [suspect('p', true)] }), false, wait(500)),
  ],
  // 413: halving
  [
    '413 halves the batch at once',
    state(),
    outcome(413, keys(20)),
    decision(state({ _limit: 10, _unresolved: 20 }), false, split),
  ],
  [
    '413 halves 3 to 2',
    state({ _limit: 3 }),
    outcome(413, keys(3)),
    decision(state({ _limit: 2, _unresolved: 3 }), false, split),
  ],
  ...[413, 400, 404].map((code): [string, DeliveryState, Outcome, Decision] => [
    `${code} for an event alone sets it aside and sends the others at once`,
    state({ _limit: 1, _unresolved: 1 }),
    outcome(code, ['p']),
    decision(state({ _suspects: [suspect('p', false)] }), false, send),
  ]),
  [
    '413 again for a suspect after other events went through drops it',
    state({ _suspects: [suspect('p', true)] }),
    outcome(413, ['p']),
    decision(state(), false, { _type: 'drop', _key: 'p' }),
  ],
  // Other 4xx: isolate the refused event
  ...[400, 401, 403, 404, 409, 422].map((code): [string, DeliveryState, Outcome, Decision] => [
    `${code} splits the batch at once`,
    state(),
    outcome(code, keys(20)),
    decision(state({ _limit: 10, _unresolved: 20 }), false, split),
  ]),
  [
    '422 again for a suspect after other events went through drops it, and only it',
    state({ _suspects: [suspect('p', true), suspect('q', true)] }),
    outcome(422, ['p']),
    decision(state({ _suspects: [suspect('q', true)] }), false, { _type: 'drop', _key: 'p' }),
  ],
  [
    '400 for another event alone while one waits aside: the collector may refuse everything, it backs off',
    state({ _limit: 1, _unresolved: 1, _suspects: [suspect('p', false)] }),
    outcome(400, ['q']),
    decision(state({ _attempt: 1, _suspects: [suspect('p', false), suspect('q', false)] }), false, wait(500)),
  ],
  // The page-hide send acts on an acknowledgement only
  [
    'page-hide send acknowledged',
    state(),
    outcome(204, keys(5), { _hiding: true }),
    decision(state(), true, done),
  ],
  [
    'page-hide send refused: the events stay, nothing else changes',
    state({ _attempt: 2 }),
    outcome(400, keys(5), { _hiding: true }),
    decision(state({ _attempt: 2 }), false, done),
  ],
  [
    'page-hide send failed: the events stay',
    state(),
    outcome(0, keys(5), { _hiding: true, _offline: true }),
    decision(state(), false, done),
  ],
  [
    'page-hide send answered 503: no backoff either',
    state(),
    outcome(503, keys(5), { _hiding: true }),
    decision(state(), false, done),
  ],
];

describe('next', () => {
  it.each(TABLE)('%s', (_name, before, answer, expected) => {
    // Half-way jitter: the backoff of attempt n is 500 × 2ⁿ ms.
    expect(next(before, answer, BATCH, NOW, () => 0.5)).toEqual(expected);
  });

  it('never drops an event while every request fails, whatever the answers', () => {
    // An outage: a queue of 20, every request answered 503 or 400, 200 rounds.
    const queue = keys(20).map((key) => [key] as [string]);
    let current = state();
    for (let round = 0; round < 200; round++) {
      const batch = pick(current, queue.slice(0, peekSize(current)));
      expect(batch.length).toBeGreaterThan(0);
      const result = next(
        current,
        outcome(
          round % 3 ? 503 : 400,
          batch.map(([key]) => key),
        ),
        BATCH,
      );
      expect(result._action._type).not.toBe('drop');
      current = result._state;
    }
  });
  it.each([
    ['one bad event, refused', [7], 400],
    ['one bad event, 503 forever', [7], 503],
    ['the oldest, 503 forever', [0], 503],
    ['several bad events among good ones', [2, 3, 11, 17, 18, 19, 24], 503],
    ['several refused', [0, 1, 2, 27, 28], 422],
  ])('isolates %s: every good event is acknowledged, every bad one dropped', (_name, bad, code) => {
    // A queue of 30 and a collector that refuses any batch with a bad event in it.
    let queue = keys(30);
    const acknowledged: string[] = [];
    const dropped: string[] = [];
    let current = state();
    for (let request = 0; request < 200 && queue.length; request++) {
      const batch = pick(
        current,
        queue.slice(0, peekSize(current)).map((key) => [key] as [string]),
      ).map(([key]) => key);
      const status = batch.some((key) => bad.includes(Number(key.slice(1)))) ? code : 200;
      const { _state, _acknowledged, _action } = next(current, outcome(status, batch), BATCH, NOW, () => 0.5);
      current = _state;
      if (_acknowledged) acknowledged.push(...batch);
      if (_action._type === 'drop') dropped.push(_action._key as string);
      queue = queue.filter((key) => !(_acknowledged && batch.includes(key)) && !dropped.includes(key));
    }
    expect(acknowledged.sort()).toEqual(
      keys(30)
        .filter((_key, i) => !bad.includes(i))
        .sort(),
    );
    expect(dropped.sort()).toEqual(bad.map((i) => `k${i}`).sort());
  });
});

describe('pick', () => {
  const head = keys(6).map((key) => [key, `{"id":"${key}"}`] as [string, string]);
  it.each([
    ['the oldest `limit` events', state({ _limit: 3 }), ['k0', 'k1', 'k2']],
    [
      'the others, past the suspects',
      state({ _limit: 3, _suspects: [suspect('k0', false), suspect('k2', false)] }),
      ['k1', 'k3', 'k4'],
    ],
    [
      'the suspect alone once the others went through',
      state({ _limit: 3, _suspects: [suspect('k0', true)] }),
      ['k0'],
    ],
    [
      'the head when the suspect is gone (another tab delivered it)',
      state({ _limit: 2, _suspects: [suspect('x', true)] }),
      ['k0', 'k1'],
    ],
  ])('sends %s', (_name, current, expected) => {
    expect(pick(current, head).map(([key]) => key)).toEqual(expected);
  });

  it('sends the suspect alone again when it is the only event left', () => {
    expect(pick(state({ _suspects: [suspect('k0', false)] }), head.slice(0, 1))).toEqual([head[0]]);
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
