import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkAccent } from '../../packages/widget/src/accent';
import { spyWarn } from './render';

// happy-dom's CSS.supports accepts anything; Chromium's answer is stood in for here.
const COLOURS = ['#1a7f4b', 'rgb(26 127 75)', 'rebeccapurple', 'oklch(55% 0.15 150)'];

describe('checkAccent', () => {
  afterEach(() => vi.unstubAllGlobals());
  const stub = () =>
    vi.stubGlobal('CSS', { supports: (_property: string, value: string) => COLOURS.includes(value) });

  it.each(COLOURS)('keeps the colour %s', (colour) => {
    stub();
    expect(checkAccent(colour)).toBe(colour);
  });

  it('keeps nothing, silently, when no accent is asked for', () => {
    const warn = spyWarn();
    expect(checkAccent(undefined)).toBe('');
    expect(checkAccent('')).toBe('');
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([['banana'], ['red;}body{display:none'], [42], ['#1a7f4b"']])(
    'refuses %j with one [touchpoint] warning naming the fallback',
    (value) => {
      stub();
      const warn = spyWarn();
      expect(checkAccent(value)).toBe('');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(
        /^\[touchpoint\] accent ".*": expected a CSS colour .*; using the page's --tp-accent or the default\.$/,
      );
    },
  );
});
