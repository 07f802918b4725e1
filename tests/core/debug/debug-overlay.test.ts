import { describe, expect, it } from 'vitest';
import { describeForecast } from '../../../packages/core/src/debug/debug-overlay';
import type { Forecast } from '../../../packages/core/src/debug/forecast';

describe('describeForecast', () => {
  it.each<[Forecast, string]>([
    [{ id: 'a', when: 'now' }, 'a shows now'],
    [{ id: 'a', when: 'delay', ms: 1250 }, 'a shows after its delay (1.3 s)'],
    [{ id: 'a', when: 'event', event: 'go' }, 'a shows on the next matching event `go`'],
    [
      { id: 'a', when: 'event', event: 'go', stage: 'purchase' },
      'a shows on the next matching event `go` with stage `purchase`',
    ],
    [
      { id: 'a', when: 'event', event: 'go', stageNot: ['interest', 'purchase'] },
      'a shows on the next matching event `go` with a stage other than `interest`, `purchase`',
    ],
    [{ id: 'a', when: 'page view' }, 'a shows on the next page view'],
  ])('says %j as "%s"', (forecast, sentence) => {
    expect(describeForecast(forecast)).toBe(sentence);
  });
});
