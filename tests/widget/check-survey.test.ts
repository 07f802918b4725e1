import { describe, expect, it } from 'vitest';
import { checkSurvey } from '../../packages/widget/src/check-survey';
import { spyWarn } from './render';

describe('checkSurvey', () => {
  it('refuses a survey without a known metric, with one warning naming it', () => {
    const warn = spyWarn();
    expect(checkSurvey({ id: 'bad-metric', metric: 'ces5', question: 'Q?' })).toBeNull();
    expect(checkSurvey(null)).toBeNull();
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[touchpoint\] survey "bad-metric"/);
  });

  it('keeps http(s) and relative links and drops javascript: ones', () => {
    const warn = spyWarn();
    const s = checkSurvey({
      id: 'links',
      metric: 'nps',
      question: 'Q?',
      links: {
        low: { label: 'Help', url: '/help' },
        mid: { label: 'x', url: 'javascript:alert(1)' },
        high: { label: 'Review', url: 'https://example.com/review' },
      },
    });
    expect(s?.links).toEqual({
      low: { label: 'Help', url: '/help' },
      high: { label: 'Review', url: 'https://example.com/review' },
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('links.mid'));
  });

  it('keeps string overrides of known keys and drops unknown or non-text ones', () => {
    spyWarn();
    const s = checkSurvey({
      id: 'strings',
      metric: 'csat',
      question: 'Q?',
      strings: { send: 'Submit', sned: 'typo', close: 42 as unknown as string },
    });
    expect(s?.strings).toEqual({ send: 'Submit' });
  });
});
