import type { Rgb } from './contrast.js';

/**
 * Any CSS colour the browser knows (`#1a7f4b`, `rgb()`, `oklch()`, `color-mix()` with its
 * variables already substituted) as sRGB channels, or null where it cannot tell. A 1 × 1 canvas
 * is the one platform API that converts every colour syntax to sRGB.
 */
export function readColor(css: string): Rgb | null {
  try {
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!context || !css) return null;
    // A value the canvas cannot parse leaves fillStyle unchanged: the marker shows it.
    context.fillStyle = '#010203';
    context.fillStyle = css.trim();
    if (context.fillStyle === '#010203') return null;
    context.fillRect(0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = context.getImageData(0, 0, 1, 1).data;
    return [red, green, blue];
  } catch {
    return null;
  }
}
