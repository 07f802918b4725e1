import type { Reason } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import { nextSurvey } from '../../../packages/core/src/debug/next-survey';

const ok = (rule: 'pages'): Reason => ({ rule, ok: true, actual: '/', needed: '/' });
const no = (rule: 'pages' | 'event' | 'sample', needs = 'y'): Reason =>
  rule === 'event'
    ? { rule, ok: false, actual: undefined, needed: needs }
    : rule === 'sample'
      ? { rule, ok: false, actual: 73, needed: 20 }
      : { rule, ok: false, actual: '/', needed: needs };

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

  it('names the eligible survey of highest priority, as the triggers pick it', () => {
    expect(
      nextSurvey([
        { id: 'a', eligible: true, reasons: [ok('pages')] },
        { id: 'b', eligible: true, priority: 3, reasons: [ok('pages')] },
      ]),
    ).toEqual({ id: 'b', now: true });
  });
});
