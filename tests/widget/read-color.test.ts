import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readColor, readHex } from '../../packages/widget/src/read-color';

const channel = fc.integer({ min: 0, max: 255 });
const twoDigits = (value: number) => value.toString(16).padStart(2, '0');

describe('readHex', () => {
  it('reads #rrggbb in either case as its three channels', () => {
    fc.assert(
      fc.property(channel, channel, channel, fc.boolean(), (red, green, blue, upper) => {
        const hex = `#${twoDigits(red)}${twoDigits(green)}${twoDigits(blue)}`;
        expect(readHex(upper ? hex.toUpperCase() : hex)).toEqual([red, green, blue]);
      }),
    );
  });

  it('reads #rgb as each digit doubled', () => {
    expect(readHex('#4af')).toEqual([0x44, 0xaa, 0xff]);
    expect(readHex('#000')).toEqual([0, 0, 0]);
  });

  it.each([
    '',
    '#',
    '#12',
    '#1234',
    '#12345',
    '#1234567',
    '#gggggg',
    '4338ca',
    ' #4338ca',
    'rgb(0 0 0)',
    'red',
  ])('leaves %j to the canvas', (css) => {
    expect(readHex(css)).toBeNull();
  });
});

describe('readColor', () => {
  it('reads hex without a canvas, around spaces a custom property keeps', () => {
    // The test environment has no canvas: a hex colour must not need one.
    expect(readColor('  #1a7f4b ')).toEqual([0x1a, 0x7f, 0x4b]);
  });

  it('says it cannot tell where neither hex nor a canvas can read the colour', () => {
    expect(readColor('color-mix(in oklab, red 50%, white)')).toBeNull();
    expect(readColor('')).toBeNull();
  });
});
