import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../packages/core/src/parse-config';

describe('parseConfigText', () => {
  it.each([
    ['plain JSON', '{"version":1}'],
    ['a UTF-8 byte-order mark', '\uFEFF{"version":1}'],
    ['surrounding whitespace and a BOM', '\uFEFF\n  {"version":1}\n'],
  ])('accepts %s', (_, text) => {
    expect(parseConfigText(text)).toEqual({ version: 1 });
  });

  it("throws JSON.parse's error on text that is not JSON", () => {
    expect(() => parseConfigText('{ "version": 1, }')).toThrow(SyntaxError);
  });
});
