import { describe, expect, it } from 'vitest';
import { isShownLinkUrl, SURVEY_STRING_KEYS, surveyTextProblems } from '../../packages/core/src/survey-texts';
import type { Survey } from '../../packages/core/src/types';
import { en } from '../../packages/widget/src/locales/en';

const base = 'https://shop.example/checkout/done';
const survey = (extra: Partial<Survey>): Survey => ({ id: 's', metric: 'csat', question: 'Q?', ...extra });

describe('isShownLinkUrl', () => {
  it.each([
    ['https://help.example/contact', true],
    ['http://help.example/', true],
    ['/help', true],
    ['help/faq', true],
    ['//cdn.example/x', true],
    ['mailto:help@shop.example', false],
    ['tel:+15555550100', false],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['http://[::1', false],
    [42, false],
  ])('%s → %s', (url, shown) => {
    expect(isShownLinkUrl(url, base)).toBe(shown);
  });
});

describe('surveyTextProblems', () => {
  it('names each link the prompt leaves out and each strings key it does not have', () => {
    const problems = surveyTextProblems(
      survey({
        links: {
          low: { label: 'Write to us', url: 'mailto:help@shop.example' },
          mid: { label: 'Help', url: '/help' },
          high: { label: 'Call', url: 'tel:+15555550100' },
        },
        strings: { send: 'Submit', title: 'Hi', close: 'Dismiss' },
      }),
      base,
    );
    expect(problems).toEqual([
      {
        path: 'links.low.url',
        message:
          '"mailto:help@shop.example" is not an http(s) or site-relative URL; the prompt leaves the link out',
      },
      {
        path: 'links.high.url',
        message: '"tel:+15555550100" is not an http(s) or site-relative URL; the prompt leaves the link out',
      },
      { path: 'strings["title"]', message: 'not a text of the prompt; ignored' },
    ]);
  });

  it('finds nothing in a survey without links or strings', () => {
    expect(surveyTextProblems(survey({}), base)).toEqual([]);
  });

  it("lists exactly the widget's English texts, the table every language falls back to", () => {
    expect([...SURVEY_STRING_KEYS].sort()).toEqual(Object.keys(en).sort());
  });
});
