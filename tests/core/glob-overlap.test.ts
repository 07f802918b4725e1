import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../packages/core/src/glob';
import { commonPath, commonSegment } from '../../packages/core/src/glob-overlap';

describe('commonSegment', () => {
  it.each([
    ['abc', 'abc', 'abc'],
    ['abc', 'abd', undefined],
    ['*', 'abc', 'abc'],
    ['*.html', 'index.*', 'index.html'],
    ['a*', '*b', 'ab'],
    ['a*', 'b*', undefined],
    ['*', '*', 'x'],
    ['', '', ''],
  ])('finds a segment matched by both %j and %j: %j', (p, q, expected) => {
    expect(commonSegment(p, q)).toBe(expected);
  });
});

describe('commonPath', () => {
  it.each([
    ['/checkout/**', '/checkout/done', '/checkout/done'],
    ['/checkout/done', '/checkout/**', '/checkout/done'],
    ['/**', '/help/*', '/help/x'],
    ['/', '/**', '/'],
    ['/products/*', '/products/*/reviews', undefined],
    ['/products/*', '/products/**', '/products/x'],
    ['/a/**/z', '/a/b/**', '/a/b/z'],
    ['/help/**', '/account/**', undefined],
    ['/blog/*.html', '/blog/2024-*', '/blog/2024-.html'],
  ])('finds a path matched by both %s and %s: %s', (a, b, expected) => {
    expect(commonPath(a, b)).toBe(expected);
  });

  it.each([
    ['/checkout/**', '/checkout/*/done'],
    ['/**/edit', '/docs/**'],
    ['/*/settings', '/account/*'],
    ['/x*/y', '/*z/**'],
  ])('proposes, for %s and %s, a path both really match', (a, b) => {
    const path = commonPath(a, b);
    expect(path).toBeDefined();
    expect(compileGlob(a).re.test(path as string)).toBe(true);
    expect(compileGlob(b).re.test(path as string)).toBe(true);
  });

  it('fills wildcards with another filler when asked, so a path excluded by its literal can be avoided', () => {
    expect(commonPath('/help/*', '/help/*')).toBe('/help/x');
    expect(commonPath('/help/*', '/help/*', 'tp-lint')).toBe('/help/tp-lint');
    expect(commonSegment('*', '*', 'y')).toBe('y');
  });
});
