import { describe, expect, it } from 'vitest';
import { pageLines, parseStep, parseWalks, walkPaths } from '../../packages/cli/src/walks';

describe('parseStep', () => {
  it.each([
    ['/', { path: '/', events: [] }],
    ['  /checkout/done order_completed ', { path: '/checkout/done', events: [{ name: 'order_completed' }] }],
    [
      '/checkout/done order_completed@purchase coupon_used',
      {
        path: '/checkout/done',
        events: [{ name: 'order_completed', stage: 'purchase' }, { name: 'coupon_used' }],
      },
    ],
    [
      '/checkout/done?order=123 order_completed',
      { path: '/checkout/done', events: [{ name: 'order_completed' }] },
    ],
    ['/faq#shipping', { path: '/faq', events: [] }],
    ['checkout', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, step) => {
    expect(parseStep(text)).toEqual(step);
  });
});

describe('parseWalks', () => {
  it('reads a pages file as one-step journeys, skipping blanks and comments and naming bad lines', () => {
    const walks = parseWalks('# shop\n/\n\n/products/x add_to_cart # a product\nproducts\n');
    expect(walks.kind).toBe('pages');
    expect(walks.journeys).toEqual([
      [{ path: '/', events: [] }],
      [{ path: '/products/x', events: [{ name: 'add_to_cart' }] }],
    ]);
    expect(walks.problems).toEqual(['line 5: expected a path starting with /, skipped']);
  });

  it('reads a journey file as sequences of steps and names the items it skips', () => {
    const walks = parseWalks('[["/", "/cart"], "oops", ["/help/ help_resolved", 3]]');
    expect(walks.kind).toBe('journeys');
    expect(walks.journeys.map((j) => j.map((s) => s.path))).toEqual([['/', '/cart'], ['/help/']]);
    expect(walks.problems).toEqual([
      '[1]: expected an array of paths, skipped',
      '[2][1]: expected a path starting with /, skipped',
    ]);
  });

  it('reports a journey file that is not JSON instead of throwing', () => {
    const walks = parseWalks('[["/",]');
    expect(walks.journeys).toEqual([]);
    expect(walks.problems[0]).toMatch(/^not valid JSON/);
  });

  it('lists each visited path once', () => {
    expect(walkPaths(parseWalks('[["/", "/cart"], ["/cart", "/checkout/"]]'))).toEqual([
      '/',
      '/cart',
      '/checkout/',
    ]);
  });

  it('groups the lines of a page listed twice into one page', () => {
    const walks = parseWalks('/\n/help/ help_resolved\n/help/ help_unresolved\n/cart\n');
    expect(walkPaths(walks)).toEqual(['/', '/help/', '/cart']);
    expect(pageLines(walks).map((lines) => lines.map((s) => s.events[0]?.name ?? s.path))).toEqual([
      ['/'],
      ['help_resolved', 'help_unresolved'],
      ['/cart'],
    ]);
  });
});
