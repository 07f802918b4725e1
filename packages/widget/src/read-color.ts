import type { Rgb } from './contrast.js';

/**
 * Any CSS colour the browser knows (`#1a7f4b`, `rgb()`, `oklch()`, `color-mix()` with its
 * variables already substituted) as sRGB channels, or null where it cannot tell. Hex, the
 * syntax most brand colours come in, is read directly; any other syntax goes through a 1 × 1
 * canvas, the one platform API that converts every colour syntax to sRGB (creating its context
 * costs a few milliseconds while the prompt first renders, so it is kept for what needs it).
 */
export function readColor(css: string): Rgb | null {
  const color = css.trim();
  return readHex(color) ?? readWithCanvas(color);
}

/** `#rgb` or `#rrggbb` as sRGB channels; null for any other text. */
export function readHex(css: string): Rgb | null {
  const digits = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css)?.[1];
  if (!digits) return null;
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  const channel = (start: number) => Number.parseInt(full.slice(start, start + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

function readWithCanvas(css: string): Rgb | null {
  try {
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!context || !css) return null;
    // A value the canvas cannot parse leaves fillStyle unchanged: the marker shows it.
    context.fillStyle = '#010203';
    context.fillStyle = css;
    if (context.fillStyle === '#010203') return null;
    context.fillRect(0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = context.getImageData(0, 0, 1, 1).data;
    return [red, green, blue];
  } catch {
    return null;
  }
}
