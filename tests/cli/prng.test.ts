import { describe, expect, it } from 'vitest';
import { createRandom, randomUuid } from '../../packages/cli/src/prng';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it('draws floats in [0, 1) spread evenly over ten bins', () => {
    const random = createRandom(1);
    const draws = Array.from({ length: 100_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const bins = new Array(10).fill(0);
    for (const x of draws) bins[Math.floor(x * 10)]++;
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(400);
  });
});

describe('randomUuid', () => {
  it('is shaped like crypto.randomUUID(), and distinct across draws', () => {
    const random = createRandom(3);
    const ids = Array.from({ length: 1000 }, () => randomUuid(random));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
  });
});
