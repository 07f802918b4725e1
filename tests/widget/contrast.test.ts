import { describe, expect, it } from 'vitest';
import { BLACK, contrast, luminance, type Rgb, textOn, WHITE } from '../../packages/widget/src/contrast';

const hex = (value: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as never;

describe('contrast', () => {
  it.each([
    ['#ffffff', '#000000', 21],
    ['#111827', '#ffffff', 17.7],
    ['#4338ca', '#ffffff', 7.9],
    ['#777777', '#ffffff', 4.48],
  ])('%s on %s is %s:1 (WCAG 2.2)', (a, b, ratio) => {
    expect(contrast(hex(a), hex(b))).toBeCloseTo(ratio, 1);
  });

  it('orders its arguments itself', () => {
    expect(contrast(WHITE, BLACK)).toBe(contrast(BLACK, WHITE));
    expect(luminance(WHITE)).toBe(1);
  });
});

describe('textOn', () => {
  it.each([
    ['#4338ca', 'white'], // the default indigo
    ['#a5b4fc', 'black'], // its dark-theme shade
    ['#1a7f4b', 'white'], // the demo shop's green
    ['#7ee2a8', 'black'], // that green lightened for dark mode
    ['#ffff00', 'black'],
    ['#777777', 'black'], // 4.48:1 with white, 4.69:1 with black
    ['#595959', 'white'], // 7:1 with white, 3:1 with black
  ])('puts %s text on a %s accent', (accent, text) => {
    expect(textOn(hex(accent))).toBe(text);
  });

  it('reaches 4.5:1 on every accent of a sampled sRGB cube', () => {
    for (let r = 0; r <= 255; r += 15)
      for (let g = 0; g <= 255; g += 15)
        for (let b = 0; b <= 255; b += 15) {
          const accent: Rgb = [r, g, b];
          const text = textOn(accent) === 'white' ? WHITE : BLACK;
          expect(contrast(accent, text)).toBeGreaterThanOrEqual(4.5);
        }
  });
});
