import { describe, expect, it } from 'vitest';
import { compileGlob, matchPages, normalizePath, stageFor } from '../../packages/core/src/glob';

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/checkout/', '/checkout'],
    ['//a///b//', '/a/b'],
    ['checkout/done', '/checkout/done'],
    ['/caf%C3%A9', '/café'],
    ['/a%20b', '/a b'],
    ['/a%2Fb', '/a%2Fb'],
    ['/bad%E0%A4%A', '/bad%E0%A4%A'],
  ])('turns %j into %j', (input, output) => {
    expect(normalizePath(input)).toBe(output);
  });
});

describe('page globs', () => {
  it.each([
    // glob, path, matches
    ['/', '/', true],
    ['/', '/home', false],
    ['/checkout/done', '/checkout/done', true],
    ['/checkout/done', '/checkout/done/', true],
    ['/checkout/done/', '/checkout/done', true],
    ['/checkout/done', '/checkout/done/extra', false],
    ['/checkout/done', '/checkout', false],
    ['/products/*', '/products/x1', true],
    ['/products/*', '/products', false],
    ['/products/*', '/products/', false],
    ['/products/*', '/products/x1/reviews', false],
    ['/products/*/reviews', '/products/x1/reviews', true],
    ['/products/**', '/products', true],
    ['/products/**', '/products/', true],
    ['/products/**', '/products/a/b/c', true],
    ['/products/**', '/productsx', false],
    ['/products/**', '/other/products/a', false],
    ['/**', '/', true],
    ['/**', '/anything/at/all', true],
    ['/**/done', '/done', true],
    ['/**/done', '/a/b/done', true],
    ['/**/done', '/a/b/undone', false],
    ['/blog/*.html', '/blog/post.html', true],
    ['/blog/*.html', '/blog/posthtml', false],
    ['/blog/*.html', '/blog/a/post.html', false],
    ['/a.b', '/aXb', false],
    ['/price(s)?', '/price(s)?', true],
    ['/price(s)?', '/prices', false],
    ['/café/*', '/caf%C3%A9/menu', true],
    ['/caf%C3%A9/*', '/café/menu', true],
    ['/a%2Fb', '/a/b', false],
    ['/Checkout', '/checkout', false],
    ['checkout/**', '/checkout/pay', true],
  ])('%j against %j is %s', (glob, path, expected) => {
    expect(compileGlob(glob).re.test(normalizePath(path))).toBe(expected);
  });

  it('compiles each glob once and returns the same object afterwards', () => {
    expect(compileGlob('/once/**')).toBe(compileGlob('/once/**'));
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'compiles %s like any other glob, not an inherited Object property',
    (name) => {
      expect(compileGlob(name).re.test(`/${name}`)).toBe(true);
      expect(stageFor({ [`/${name}`]: 'use' }, `/${name}`)).toBe('use');
    },
  );
});

describe('matchPages', () => {
  it.each([
    [['/checkout/**'], '/checkout/done', { ok: true, by: '/checkout/**' }],
    [['/checkout/**', '!/checkout/error'], '/checkout/error', { ok: false, by: '!/checkout/error' }],
    [['!/checkout/error', '/checkout/**'], '/checkout/error', { ok: false, by: '!/checkout/error' }],
    [['/checkout/**', '!/checkout/error'], '/checkout/done', { ok: true, by: '/checkout/**' }],
    [['!/admin/**'], '/home', { ok: true }],
    [['!/admin/**'], '/admin/users', { ok: false, by: '!/admin/**' }],
    [['/a', '/b'], '/b', { ok: true, by: '/b' }],
    [['/a', '/b'], '/c', { ok: false }],
    [[], '/anything', { ok: true }],
  ])('%j on %j gives %j', (globs, path, expected) => {
    expect(matchPages(globs, path)).toEqual(expected);
  });
});

describe('stageFor', () => {
  const stages = {
    '/**': 'touchpoint',
    '/products/**': 'interest',
    '/products/*': 'interest-detail',
    '/products/compare': 'compare',
    '/checkout/**': 'purchase',
    '/help/*.html': 'service',
    '/help/*': 'service-page',
  };

  it.each([
    ['/', 'touchpoint'],
    ['/about', 'touchpoint'],
    ['/products', 'interest'],
    ['/products/x1', 'interest-detail'],
    ['/products/compare', 'compare'],
    ['/products/compare/', 'compare'],
    ['/products/x1/reviews', 'interest'],
    ['/checkout/done', 'purchase'],
    ['/help/faq.html', 'service'],
    ['/help/faq', 'service-page'],
  ])('gives %j the stage %j, the most specific match', (path, stage) => {
    expect(stageFor(stages, path)).toBe(stage);
  });

  it('gives no stage when nothing matches or there is no map', () => {
    expect(stageFor({ '/checkout/**': 'purchase' }, '/home')).toBeUndefined();
    expect(stageFor(undefined, '/home')).toBeUndefined();
  });

  it('lets the first of two equally specific globs win', () => {
    expect(stageFor({ '/a/*': 'first', '/*/b': 'second' }, '/a/b')).toBe('first');
  });
});
