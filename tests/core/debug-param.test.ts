import { describe, expect, it } from 'vitest';
import { hasDebugParam } from '../../packages/core/src/debug-param';

describe('hasDebugParam', () => {
  it.each([
    ['?tp_debug=1', true],
    ['?a=b&tp_debug=1', true],
    ['?tp_debug=1&a=b', true],
    ['', false],
    ['?tp_debug=0', false],
    ['?tp_debug=10', false],
    ['?xtp_debug=1', false],
  ])('reads %s as %s', (search, asked) => {
    expect(hasDebugParam(search)).toBe(asked);
  });
});
