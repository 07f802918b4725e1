import { describe, expect, it } from 'vitest';
import { forestChart } from '../../../packages/collector/src/insights/forest-svg.js';

describe('forestChart', () => {
  const svg = forestChart({
    title: 'NPS <drivers>',
    rows: [
      { label: '<b>coupon_error</b>', value: 30, low: 12, high: 48, strong: true, text: '+30 pp' },
      { label: 'viewed_faq', value: 2, low: -9, high: 14, strong: false, text: '+2 pp' },
    ],
    min: -60,
    max: 60,
    unit: ' pp',
  });

  it('draws a filled dot for a significant row and a hollow one otherwise, each with its interval', () => {
    expect(svg.match(/class="estimate strong"/g)).toHaveLength(1);
    expect(svg.match(/class="estimate weak"/g)).toHaveLength(1);
    expect(svg.match(/class="interval"/g)).toHaveLength(2);
  });

  it('puts zero in the middle and labels the ends of the axis with the unit', () => {
    // 150 px of labels, 186 px of axis: zero at 150 + 93.
    expect(svg).toContain('x1="243" x2="243"');
    expect(svg).toContain('>−60 pp</text>');
    expect(svg).toContain('>+60 pp</text>');
    expect(svg).toContain('>0</text>');
  });

  it('escapes labels and the title, and never draws NaN', () => {
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;coupon_error&lt;/b&gt;');
    expect(svg).toContain('aria-label="NPS &lt;drivers&gt;"');
    expect(svg).not.toMatch(/NaN/);
  });
});
