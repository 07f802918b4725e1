import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ladder,
  largest,
  type PersonHistory,
  personMoves,
  rungOf,
  smallest,
} from '../../../packages/collector/src/insights/ladder.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1); // 1 October 2026

const person = (over: Partial<PersonHistory>): PersonHistory => ({
  person: 'p',
  sessions: [T0],
  answers: [],
  advocacyAt: null,
  ...over,
});

describe('rungOf', () => {
  it.each<[string, Partial<PersonHistory>, string]>([
    ['a visitor who never answered and came once', {}, 'none'],
    [
      'a CSAT of 5 as their latest answer',
      { answers: [{ ts: T0, metric: 'csat', band: 'high' }] },
      'satisfied',
    ],
    [
      'a high CSAT followed by a low NPS',
      {
        answers: [
          { ts: T0, metric: 'csat', band: 'high' },
          { ts: T0 + DAY, metric: 'nps', band: 'low' },
        ],
      },
      'none',
    ],
    [
      'a high CES alone (effort is not satisfaction)',
      { answers: [{ ts: T0, metric: 'ces', band: 'high' }] },
      'none',
    ],
    ['3 sessions over 30 days, no answer', { sessions: [T0, T0 + 10 * DAY, T0 + 30 * DAY] }, 'loyal'],
    ['3 sessions over 29 days', { sessions: [T0, T0 + 10 * DAY, T0 + 29 * DAY] }, 'none'],
    ['2 sessions over 60 days', { sessions: [T0, T0 + 60 * DAY] }, 'none'],
    [
      '3 sessions over 30 days but a low CES once',
      { sessions: [T0, T0 + 10 * DAY, T0 + 30 * DAY], answers: [{ ts: T0, metric: 'ces', band: 'low' }] },
      'none',
    ],
    [
      'a promoter who reached advocacy',
      { answers: [{ ts: T0, metric: 'nps', band: 'high' }], advocacyAt: T0 + DAY },
      'advocate',
    ],
    ['advocacy without a promoter score', { advocacyAt: T0 }, 'none'],
    [
      'a promoter who later became a passive, then reached advocacy',
      {
        answers: [
          { ts: T0, metric: 'nps', band: 'high' },
          { ts: T0 + DAY, metric: 'nps', band: 'mid' },
        ],
        advocacyAt: T0 + 2 * DAY,
      },
      'none',
    ],
  ])('%s: %s', (_what, over, expected) => {
    expect(rungOf(person(over))).toBe(expected);
  });

  it('sees only what was known at the date asked', () => {
    const p = person({ answers: [{ ts: T0, metric: 'nps', band: 'high' }], advocacyAt: T0 + 5 * DAY });
    expect(rungOf(p, T0 + DAY)).toBe('satisfied');
    expect(rungOf(p, T0 + 5 * DAY)).toBe('advocate');
  });
});

describe('ladder', () => {
  // Ann: satisfied in October, advocate in November. Bo: satisfied in October, a detractor
  // in November (falls from satisfied). Cy: three sessions 1, 15 Oct, 5 Nov: loyal from
  // November. Di: only seen in November, satisfied (not counted in October → November).
  const people: PersonHistory[] = [
    person({
      person: 'ann',
      answers: [{ ts: T0, metric: 'nps', band: 'high' }],
      advocacyAt: Date.UTC(2026, 10, 3),
    }),
    person({
      person: 'bo',
      answers: [
        { ts: T0, metric: 'csat', band: 'high' },
        { ts: Date.UTC(2026, 10, 4), metric: 'nps', band: 'low' },
      ],
    }),
    person({ person: 'cy', sessions: [T0, Date.UTC(2026, 9, 15), Date.UTC(2026, 10, 5)] }),
    person({
      person: 'di',
      sessions: [Date.UTC(2026, 10, 9)],
      answers: [{ ts: Date.UTC(2026, 10, 9), metric: 'csat', band: 'high' }],
    }),
  ];
  const result = ladder(people, T0, Date.UTC(2026, 10, 20));

  it('counts each rung now', () => {
    expect(result.counts).toEqual({ none: 1, satisfied: 1, loyal: 1, advocate: 1 });
  });

  it('climbs: everyone, then 3 of 4 satisfied or above, 2 of 3 loyal or above, 1 of 2 advocates', () => {
    expect(result.climb).toEqual([
      { rung: 'none', atLeast: 4, ofPrevious: null },
      { rung: 'satisfied', atLeast: 3, ofPrevious: 3 / 4 },
      { rung: 'loyal', atLeast: 2, ofPrevious: 2 / 3 },
      { rung: 'advocate', atLeast: 1, ofPrevious: 1 / 2 },
    ]);
  });

  it('moves people month to month, and says where they fell from', () => {
    expect(result.moves).toHaveLength(1);
    const [month] = result.moves;
    expect(month?.from).toBe('2026-10');
    expect(month?.to).toBe('2026-11');
    expect(month?.moves).toEqual(
      expect.arrayContaining([
        { from: 'satisfied', to: 'advocate', people: 1 },
        { from: 'satisfied', to: 'none', people: 1 },
        { from: 'none', to: 'loyal', people: 1 },
      ]),
    );
    expect(month?.moves).toHaveLength(3);
    expect(result.fellFrom.satisfied).toBe(1);
  });
});

describe('personMoves', () => {
  /** The month-by-month walk personMoves replaced: every month from the first session's to the last event's. */
  const walked = (history: PersonHistory) => {
    const monthEnd = (ms: number) => {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
    };
    const times = [...history.sessions, ...history.answers.map((a) => a.ts), history.advocacyAt ?? -Infinity];
    const moves = [];
    const last = monthEnd(Math.max(...times));
    for (let before = monthEnd(Math.min(...history.sessions)); before < last; ) {
      const end = monthEnd(before + 1);
      const [fromRung, toRung] = [rungOf(history, before), rungOf(history, end)];
      if (fromRung !== toRung) {
        const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);
        moves.push({ from: month(before), to: month(end), fromRung, toRung });
      }
      before = end;
    }
    return moves;
  };

  const YEARS_3 = 3 * 365 * DAY;
  const history = fc.record({
    person: fc.constant('p'),
    sessions: fc.array(
      fc.integer({ min: 0, max: YEARS_3 }).map((ms) => T0 + ms),
      { minLength: 1, maxLength: 8 },
    ),
    answers: fc.array(
      fc.record({
        ts: fc.integer({ min: 0, max: YEARS_3 }).map((ms) => T0 + ms),
        metric: fc.constantFrom('nps', 'csat', 'ces'),
        band: fc.constantFrom('low', 'middle', 'high'),
      }),
      { maxLength: 6 },
    ),
    advocacyAt: fc.option(
      fc.integer({ min: 0, max: YEARS_3 }).map((ms) => T0 + ms),
      { nil: null },
    ),
  }) as fc.Arbitrary<PersonHistory>;

  it('finds the same moves as walking every month, looking only at the months with an event', () => {
    fc.assert(
      fc.property(history, (h) => {
        expect(personMoves(h)).toEqual(walked(h));
      }),
    );
  });

  it('answers at once for a session dated by a clock 270,000 years off (the wire takes any epoch)', () => {
    const ancient = person({
      sessions: [Date.UTC(-270_000, 0, 1), T0, T0 + 40 * DAY],
      answers: [{ ts: T0 + 40 * DAY, metric: 'nps', band: 'high' }],
    });
    // Loyal (three sessions over 30 days, no low answer) from the month of the third session.
    expect(personMoves(ancient)).toEqual([
      { from: '2026-10', to: '2026-11', fromRung: 'none', toRung: 'loyal' },
    ]);
  });
});

describe('the ladder month by month', () => {
  it('lists the last ten years at most, whatever the earliest event says', () => {
    const result = ladder([person({})], Date.UTC(-270_000, 0, 1), T0);
    expect(result.moves).toHaveLength(120);
    expect(result.moves.at(-1)).toMatchObject({ from: '2026-09', to: '2026-10' });
    expect(result.moves[0]).toMatchObject({ from: '2016-10', to: '2016-11' });
  });
});

describe('a person with 200,000 sessions (a monitoring script signed in as one user)', () => {
  const sessions = Array.from({ length: 200_000 }, (_, i) => T0 + i * 60_000);
  const bot = person({ sessions });

  it('gets a rung and moves without spreading the sessions into arguments (which throws)', () => {
    expect(() => Math.max(...sessions)).toThrow(RangeError);
    expect(largest(sessions)).toBe(T0 + 199_999 * 60_000);
    expect(smallest(sessions)).toBe(T0);
    // Back every minute for 139 days, no low answer: loyal since the end of the first month.
    expect(rungOf(bot)).toBe('loyal');
    expect(personMoves(bot)).toEqual([]);
  });
});
