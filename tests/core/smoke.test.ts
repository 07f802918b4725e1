import * as core from '@touchpoint/core';
import { describe, expect, it } from 'vitest';

describe('core', () => {
  it('imports without throwing', () => {
    expect(typeof core).toBe('object');
  });
});
