import { describe, expect, it } from 'vitest';
import { firstShown } from '../../packages/core/src/first-shown';

const survey = (id: string, delayMs?: number) => ({ id, when: delayMs === undefined ? {} : { delayMs } });
const nps = survey('nps');
const slowNps = survey('nps', 1500);
const csat = survey('csat');
const quickCsat = survey('csat', 500);
const slowCsat = survey('csat', 2000);

describe('firstShown', () => {
  it.each([
    ['nothing due at either moment', undefined, undefined, undefined],
    ['only the page view picks a survey', nps, undefined, ['nps', 'page view']],
    ['only the event picks a survey', undefined, csat, ['csat', 'event']],
    ['both moments pick the same survey', slowNps, slowNps, ['nps', 'page view']],
    ["the page view's survey shows at once, before the event", nps, csat, ['nps', 'page view']],
    ["the event's survey shows while the page view's waits", slowNps, csat, ['csat', 'event']],
    ["the event's survey waits less than the page view's", slowNps, quickCsat, ['csat', 'event']],
    // It ranks higher (pickSurvey chose it over the page view's): the page view's wait is cancelled.
    ["the event's survey waits longer than the page view's", slowNps, slowCsat, ['csat', 'event']],
    ['both wait as long', slowNps, survey('csat', 1500), ['csat', 'event']],
    ['a delayMs of 0 is no wait', survey('nps', 0), csat, ['nps', 'page view']],
  ])('%s', (_, onPageView, onEvent, expected) => {
    const shown = firstShown(onPageView, onEvent);
    expect(shown && [shown.survey.id, shown.on]).toEqual(expected);
  });

  it('names the survey the event overtook', () => {
    expect(firstShown(slowNps, csat)?.overtook).toBe(slowNps);
    expect(firstShown(nps, csat)?.overtook).toBeUndefined();
  });
});
