import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  type ServiceEvent,
  serviceVisit,
} from '../../../packages/collector/src/insights/service.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const ev = (minute: number, stage: string | null, over: Partial<ServiceEvent> = {}): ServiceEvent => ({
  ts: T0 + minute * MIN,
  stage,
  type: 'page',
  name: null,
  metric: null,
  score: null,
  ...over,
});
const track = (minute: number, stage: string | null, name: string) =>
  ev(minute, stage, { type: 'track', name });
const csat = (minute: number, stage: string | null, score: number) =>
  ev(minute, stage, { type: 'survey_answered', metric: 'csat', score });

describe('serviceVisit', () => {
  it('never entering service is no visit', () => {
    expect(serviceVisit([ev(0, 'purchase'), ev(1, 'use')])).toBeNull();
  });

  it('times entering service to the resolution event: 12 minutes, then a CSAT of 5', () => {
    expect(
      serviceVisit([
        ev(0, 'use'),
        ev(3, 'service'),
        ev(8, 'service'),
        track(15, 'service', 'help_resolved'),
        csat(16, 'service', 5),
      ]),
    ).toEqual({ outcome: 'resolved', minutes: 12, csat: 'high' });
  });

  it('times to leaving the stage when nothing resolved it: 45 minutes, a CSAT of 1', () => {
    expect(
      serviceVisit([ev(0, 'service'), ev(20, 'service'), ev(45, 'purchase'), csat(46, 'purchase', 1)]),
    ).toEqual({
      outcome: 'left',
      minutes: 45,
      csat: 'low',
    });
  });

  it('a visit still in service is open, with no time', () => {
    expect(serviceVisit([ev(0, 'service'), csat(2, 'service', 3)])).toEqual({
      outcome: 'open',
      minutes: null,
      csat: 'mid',
    });
  });

  it('takes resolution events from the options, and ignores CSAT given before entering', () => {
    expect(
      serviceVisit([csat(0, 'use', 5), ev(1, 'service'), track(300, 'service', 'ticket_solved')], {
        resolutionEvents: ['ticket_solved'],
      }),
    ).toEqual({ outcome: 'resolved', minutes: 299, csat: null });
  });
});

describe('bucketOf', () => {
  it.each([
    [null, 'not resolved'],
    [0, 'under 5 min'],
    [4.9, 'under 5 min'],
    [5, '5–30 min'],
    [30, '30 min – 4 h'],
    [239, '30 min – 4 h'],
    [240, 'over 4 h'],
    [10_000, 'over 4 h'],
  ])('%s minutes is %s', (minutes, label) => {
    expect(bucketOf(minutes)).toBe(label);
  });
});
