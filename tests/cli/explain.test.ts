// @vitest-environment happy-dom
// happy-dom so the browser's own tp.explain() can run beside the CLI's, on the same page.
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../demo/public/touchpoint.config.json';
import { explainUrl, formatExplanation } from '../../packages/cli/src/explain';
import { createTouchpoint } from '../../packages/core/src/index';
import type { TouchpointConfig } from '../../packages/core/src/types';
import { readable } from '../core/readable';

const config = demo as TouchpointConfig;
const NOW = Date.UTC(2025, 5, 1);

afterEach(() => {
  localStorage.clear();
});

describe('explainUrl', () => {
  it.each(['/checkout/done', '/account/orders', '/help/', '/'])(
    'gives, for %s, the same explanation as the browser’s tp.explain() for the same visitor',
    (path) => {
      history.replaceState(null, '', path);
      const tp = createTouchpoint({ config });
      let visitor = '';
      tp.on('*', (e) => {
        visitor ||= e.anonymousId;
      });
      tp.page();
      expect(visitor).not.toBe('');
      const browser = tp.explain();
      expect(browser.length).toBe(3);
      // The rules agree; what the page's triggers hold beside them (a pick due, a page view that
      // has picked) exists only on the page.
      const rules = browser.map(({ dueInMs, decided, ...judged }) => judged);
      expect(explainUrl(config, { url: path, visitor }, Date.now()).explanations).toEqual(rules);
    },
  );

  it('judges the moment of an event, with the page stage from the configuration', () => {
    const { stage, explanations } = explainUrl(
      config,
      { url: 'https://shop.example/checkout/done?order=1', event: 'order_completed', visitor: 'v' },
      NOW,
    );
    expect(stage).toBe('purchase');
    expect(explanations.map((e) => [e.id, e.eligible])).toEqual([
      ['checkout-csat', true],
      ['site-nps', false],
      ['help-ces', false],
    ]);
  });

  it('lets --stage stand for stage() or <body data-tp-stage>, over the configured stage', () => {
    const reasons = explainUrl(
      config,
      { url: '/checkout/done', event: 'order_completed', stage: 'use', visitor: 'v' },
      NOW,
    ).explanations[0]?.reasons;
    expect(readable(reasons?.find((r) => r.rule === 'stage'))).toEqual({
      rule: 'stage',
      ok: false,
      detail: 'use, needs purchase',
    });
  });

  it('draws the sample bucket of the given visitor, so a real visitor’s draw can be reproduced', () => {
    const sampled = {
      version: 1 as const,
      surveys: [{ ...config.surveys?.[1], sample: 0.5 } as NonNullable<TouchpointConfig['surveys']>[number]],
    };
    const detail = (visitor: string) =>
      readable(
        explainUrl(sampled, { url: '/account/', visitor }, NOW).explanations[0]?.reasons.find(
          (r) => r.rule === 'sample',
        ),
      )?.detail;
    expect(detail('visitor-a')).toBe(detail('visitor-a'));
    expect(detail('visitor-a')).not.toBe(detail('visitor-b'));
  });
});

describe('formatExplanation', () => {
  it('prints each survey with every condition ticked or crossed, then the survey that shows', () => {
    const options = { url: '/checkout/done', event: 'order_completed', visitor: 'cli-visitor' };
    const lines = formatExplanation(explainUrl(config, options, NOW), options);
    expect(lines[0]).toBe('/checkout/done  stage purchase  event order_completed  visitor cli-visitor');
    expect(lines).toContain('checkout-csat: eligible');
    expect(lines).toContain('  ✓ event: order_completed, needs order_completed');
    expect(lines).toContain('site-nps: not eligible');
    expect(lines).toContain('  ✗ pages: /checkout/done, needs /account/**');
    expect(lines.at(-1)).toBe('shows: checkout-csat (the first eligible survey in config order)');
  });

  it('says no survey shows when none is eligible', () => {
    const options = { url: '/', visitor: 'v' };
    expect(formatExplanation(explainUrl(config, options, NOW), options).at(-1)).toBe('shows: none');
  });
});
