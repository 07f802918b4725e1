import { surveyState } from '../../../packages/collector/src/admin/survey-state.js';

const NOW = Date.parse('2027-01-20T12:00:00Z');
const base = { id: 'a', metric: 'csat', question: 'Q?' };

describe('surveyState', () => {
  it.each([
    ['never published', base, undefined, { status: 'draft', edited: false, published: false }],
    ['published as it is', base, base, { status: 'live', edited: false, published: true }],
    [
      'published, changed in the draft',
      { ...base, question: 'New?' },
      base,
      { status: 'live', edited: true, published: true },
    ],
    [
      'published, starting later',
      { ...base, startsAt: '2027-02-01' },
      { ...base, startsAt: '2027-02-01' },
      { status: 'scheduled', edited: false, published: true, at: Date.parse('2027-02-01T00:00:00Z') },
    ],
    [
      'published, started at this very instant (startsAt is inclusive)',
      { ...base, startsAt: '2027-01-20T12:00:00Z' },
      { ...base, startsAt: '2027-01-20T12:00:00Z' },
      { status: 'live', edited: false, published: true },
    ],
    [
      'published, ending at this very instant (endsAt is exclusive)',
      { ...base, endsAt: '2027-01-20T13:00:00+01:00' },
      { ...base, endsAt: '2027-01-20T13:00:00+01:00' },
      { status: 'ended', edited: false, published: true, at: NOW },
    ],
    [
      'judged by the live schedule, not the draft’s',
      { ...base, endsAt: '2027-03-01' },
      { ...base, endsAt: '2027-01-01' },
      { status: 'ended', edited: true, published: true, at: Date.parse('2027-01-01T00:00:00Z') },
    ],
    [
      'paused, still in the live version',
      { ...base, paused: true },
      base,
      { status: 'paused', edited: false, published: true },
    ],
    [
      'paused, not published',
      { ...base, paused: true },
      undefined,
      { status: 'paused', edited: false, published: false },
    ],
    [
      'paused only when the mark is true',
      { ...base, paused: 'yes' },
      undefined,
      { status: 'draft', edited: false, published: false },
    ],
  ])('%s', (_name, draft, live, state) => {
    expect(surveyState(draft, live, NOW)).toEqual(state);
  });
});
