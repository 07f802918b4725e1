/** A colour as red, green and blue channels, 0–255. */
export type Rgb = readonly [red: number, green: number, blue: number];

/** Relative luminance, WCAG 2.2 definition (sRGB channels linearised). */
export function luminance([red, green, blue]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** The contrast ratio of two colours, 1 to 21 (WCAG 2.2). */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];

/**
 * The text colour for a button filled with `accent`: white or black, whichever contrasts more.
 * One of the two always reaches at least 4.58:1, so text on any accent meets WCAG AA.
 */
export function textOn(accent: Rgb): 'white' | 'black' {
  return contrast(accent, WHITE) >= contrast(accent, BLACK) ? 'white' : 'black';
}
