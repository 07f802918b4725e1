import { describe, expect, it } from 'vitest';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';

describe('parseCommentView', () => {
  it.each([
    ['', null, 1, []],
    ['step=event:payment_failed&page=3', 'event:payment_failed', 3, []],
    // Case is kept: event names and paths are case-sensitive.
    ['step=page:/Products/Storm-Shell', 'page:/Products/Storm-Shell', 1, []],
    ['step=route:/products/*', 'route:/products/*', 1, []],
    ['step=start:discovery', 'start:discovery', 1, []],
    [
      'step=colour:red',
      null,
      1,
      ['step: expected a step such as "event:payment_failed"; showing every step'],
    ],
    ['step=event:', null, 1, ['step: expected a step such as "event:payment_failed"; showing every step']],
    ['page=0', null, 1, ['page: expected a page number from 1 to 1000; showing every page']],
    ['page=1001', null, 1, ['page: expected a page number from 1 to 1000; showing every page']],
    ['page=2.5', null, 1, ['page: expected a page number from 1 to 1000; showing every page']],
  ])('reads %j', (query, step, page, problems) => {
    const view = parseCommentView(new URLSearchParams(query));
    expect(view.step).toBe(step);
    expect(view.page).toBe(page);
    expect(view.problems).toEqual(problems);
  });

  it('refuses a step with a control character, which PostgreSQL could not compare', () => {
    expect(parseCommentView(new URLSearchParams({ step: 'event:a\u0000b' })).step).toBeNull();
  });

  it('keeps the other filters as parseFilters reads them', () => {
    expect(parseCommentView(new URLSearchParams('band=detractor&stage=Use'))).toMatchObject({
      band: 'low',
      stage: 'use',
    });
  });
});
