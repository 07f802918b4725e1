import { isPaused, publishable, unmarked, withPause } from '../../../packages/collector/src/admin/paused.js';
import { validateConfig } from '../../../packages/core/src/rules';

const a = { id: 'a', metric: 'csat', question: 'A?' };
const b = { id: 'b', metric: 'nps', question: 'B?' };

describe('pausing', () => {
  it('marks and unmarks a survey, leaving the rest of it as it was', () => {
    const paused = withPause(a, true);
    expect(paused).toEqual({ ...a, paused: true });
    expect(isPaused(paused)).toBe(true);
    expect(withPause(paused, false)).toEqual(a);
    expect(isPaused(a)).toBe(false);
  });

  it('publishes the draft without its paused surveys, and without any mark the SDK does not know', () => {
    const draft = { version: 1, limits: { maxPerSession: 1 }, surveys: [withPause(a, true), b] };
    const out = publishable(draft);
    expect(out).toEqual({ version: 1, limits: { maxPerSession: 1 }, surveys: [b] });
    expect(validateConfig(out).problems).toEqual([]);
  });

  it('judges the draft as the SDK would: the mark removed, every survey at its index', () => {
    const draft = { version: 1, surveys: [b, withPause(a, true)] };
    expect(validateConfig(draft).problems).toEqual(['surveys[1].paused: unknown key, ignored']);
    expect(unmarked(draft)).toEqual({ version: 1, surveys: [b, a] });
    expect(validateConfig(unmarked(draft)).problems).toEqual([]);
  });

  it('leaves a configuration without a surveys list alone', () => {
    expect(publishable({ version: 1 })).toEqual({ version: 1 });
    expect(unmarked('not an object')).toBe('not an object');
  });
});
