import { describe, expect, it } from 'vitest';
import { fill } from '../../packages/widget/src/fill';

describe('fill', () => {
  it('puts values into named placeholders wherever the translation put them', () => {
    expect(fill('{count}/{max}', { count: 3, max: 1000 })).toBe('3/1000');
    expect(fill('Umfrage: {question}', { question: 'Wie?' })).toBe('Umfrage: Wie?');
  });

  it('leaves a placeholder without a value visible rather than inventing text', () => {
    expect(fill('Hi {name}', {})).toBe('Hi {name}');
  });
});
