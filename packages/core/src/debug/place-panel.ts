/** A rectangle on screen, in CSS pixels from the viewport's top left corner. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the panel goes instead of its own place: its corner, its width and its greatest height. */
export interface Placement {
  left: number;
  top: number;
  width: number;
  maxHeight: number;
}

/** The gap the panel keeps from the prompt and from the screen's edges (the stylesheet's 8px). */
export const GAP = 8;

const apart = (a: Box, b: Box): boolean =>
  a.top + a.height <= b.top ||
  b.top + b.height <= a.top ||
  a.left + a.width <= b.left ||
  b.left + b.width <= a.left;

/**
 * Where the debug panel goes so that it never covers the prompt, whatever the widget's
 * `position` and the screen's width. Its own place (`panel`, where the stylesheet puts it, at
 * most `maxHeight` tall) stays when it is clear of the prompt: undefined. Otherwise the panel
 * takes the largest of the four bands around the prompt (above, below, left, right; the screen
 * from `top` down, which leaves room for the preview banner), as wide and as tall as it would
 * be there; none when the prompt leaves no room at all. Pure.
 */
export function placePanel(
  panel: Box,
  maxHeight: number,
  prompt: Box | undefined,
  screen: { width: number; height: number; top: number },
): Placement | undefined {
  if (!prompt || apart(panel, prompt)) return undefined;
  const right = screen.width - GAP;
  const bottom = screen.height - GAP;
  const bands: Box[] = [
    { left: GAP, top: screen.top, width: right - GAP, height: prompt.top - GAP - screen.top },
    {
      left: GAP,
      top: prompt.top + prompt.height + GAP,
      width: right - GAP,
      height: bottom - prompt.top - prompt.height - GAP,
    },
    { left: GAP, top: screen.top, width: prompt.left - 2 * GAP, height: bottom - screen.top },
    {
      left: prompt.left + prompt.width + GAP,
      top: screen.top,
      width: right - prompt.left - prompt.width - GAP,
      height: bottom - screen.top,
    },
  ];
  let best: Placement | undefined;
  let bestArea = 0;
  for (const band of bands) {
    const width = Math.min(panel.width, band.width);
    const height = Math.min(maxHeight, band.height);
    if (width <= 0 || height <= 0 || width * height <= bestArea) continue;
    bestArea = width * height;
    best = { left: band.left, top: band.top, width, maxHeight: height };
  }
  return best;
}
