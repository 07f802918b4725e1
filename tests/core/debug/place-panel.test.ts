import { describe, expect, it } from 'vitest';
import { type Box, placePanel } from '../../../packages/core/src/debug/place-panel';

// 1280 × 800: the panel's own place is bottom left (460 wide, 300 tall with its content, at
// most 60vh = 480); the prompt is a CES card (400 × 250) where `position` puts it.
const screen = { width: 1280, height: 800, top: 8 };
const panel: Box = { left: 8, top: 492, width: 460, height: 300 };
const card = (left: number, top: number): Box => ({ left, top, width: 400, height: 250 });

describe('placePanel', () => {
  it.each([
    ['no prompt on screen', undefined],
    ['a bottom-right prompt, beside it', card(864, 534)],
    ['a prompt just touching it', { left: 468, top: 492, width: 400, height: 250 }],
  ])('leaves the panel in its own place with %s', (_, prompt) => {
    expect(placePanel(panel, 480, prompt, screen)).toBeUndefined();
  });

  it('moves it beside a centred prompt, into the wider of the side bands, full height', () => {
    // Above and below: 1264 × 259, so 460 × 259; each side: 424 × 784, so 424 × 480.
    expect(placePanel(panel, 480, card(440, 275), screen)).toEqual({
      left: 8,
      top: 8,
      width: 424,
      maxHeight: 480,
    });
  });

  it('moves it above a bottom-left prompt, at its own width and greatest height', () => {
    expect(placePanel(panel, 480, card(16, 534), screen)).toEqual({
      left: 8,
      top: 8,
      width: 460,
      maxHeight: 480,
    });
  });

  it('starts below the preview banner, and shrinks to the room there is', () => {
    // A tall centred card on a short screen: the bands above and below are all that is left.
    const short = { width: 768, height: 600, top: 52 };
    const tall: Box = { left: 84, top: 200, width: 600, height: 380 };
    expect(placePanel({ left: 8, top: 52, width: 460, height: 198 }, 198, tall, short)).toEqual({
      left: 8,
      top: 52,
      width: 460,
      maxHeight: 140,
    });
  });

  it('finds no place when the prompt leaves no room around it', () => {
    expect(placePanel(panel, 480, { left: 0, top: 0, width: 1280, height: 800 }, screen)).toBeUndefined();
  });
});
