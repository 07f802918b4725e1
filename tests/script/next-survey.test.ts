import type { Explanation } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import { fromScript } from './from-script';

const { nextSurvey } = await fromScript<{ nextSurvey(list: Explanation[]): unknown }>('next-survey.ts');

const ok = (rule: string) => ({ rule, ok: true, detail: 'x, needs x' });
const no = (rule: string, needs = 'y') => ({ rule, ok: false, detail: `x, needs ${needs}` });

describe('nextSurvey', () => {
  it('names the first eligible survey in configuration order as showing now', () => {
    expect(
      nextSurvey([
        { id: 'a', eligible: false, reasons: [no('pages')] },
        { id: 'b', eligible: true, reasons: [ok('pages')] },
        { id: 'c', eligible: true, reasons: [ok('pages')] },
      ]),
    ).toEqual({ id: 'b', now: true });
  });

  it('else names the first survey that only waits for its event, with that event', () => {
    expect(
      nextSurvey([
        { id: 'a', eligible: false, reasons: [no('event', 'signup'), no('sample')] },
        { id: 'b', eligible: false, reasons: [ok('pages'), no('event', 'order_completed')] },
      ]),
    ).toEqual({ id: 'b', now: false, event: 'order_completed' });
  });

  it('is undefined when nothing would show here', () => {
    expect(nextSurvey([{ id: 'a', eligible: false, reasons: [no('pages')] }])).toBeUndefined();
    expect(nextSurvey([])).toBeUndefined();
  });
});
