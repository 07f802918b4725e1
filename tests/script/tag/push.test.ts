import type { Touchpoint } from '@touchpoint/core';
import { describe, expect, it, vi } from 'vitest';
import { fromScript } from '../from-script';

const { withPush } = await fromScript<{
  withPush(tp: object): { push(...calls: unknown[]): void };
}>('tag/push.ts');

/** A stand-in with two methods, recording what reaches them. */
const fake = () => {
  const calls: unknown[][] = [];
  const tp = {
    track: (...args: unknown[]) => calls.push(['track', ...args]),
    stage: (...args: unknown[]) => calls.push(['stage', ...args]),
  } as unknown as Touchpoint;
  return { tp, calls };
};

describe('withPush', () => {
  it('runs each pushed call in order with its arguments', () => {
    const { tp, calls } = fake();
    withPush(tp).push(['stage', 'interest', { sku: 'X1' }], ['track', 'compared']);
    expect(calls).toEqual([
      ['stage', 'interest', { sku: 'X1' }],
      ['track', 'compared'],
    ]);
  });

  it.each([
    ['an unknown method', ['nope'], 'nope'],
    ['push itself, which would loop', ['push', ['track', 'x']], 'push'],
    ['an empty call', [], 'undefined'],
  ])('reports %s and runs the calls after it', (_, bad, name) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warn.mockClear();
    const { tp, calls } = fake();
    withPush(tp).push(bad, ['track', 'after']);
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      `[touchpoint] Touchpoint.push(): ${name} is not a method; ignored`,
    ]);
    expect(calls).toEqual([['track', 'after']]);
  });

  it('reports a call that throws and still runs the calls after it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    error.mockClear();
    const { tp, calls } = fake();
    (tp as unknown as Record<string, unknown>).on = () => {
      throw new Error('boom');
    };
    withPush(tp).push(['on', 'toString', () => {}], ['track', 'after']);
    expect(calls).toEqual([['track', 'after']]);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[touchpoint\] Touchpoint.push\(\): on failed/);
  });

  it('reports a call that is not an array and runs the calls after it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warn.mockClear();
    const { tp, calls } = fake();
    withPush(tp).push('track', ['track', 'after']);
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      "[touchpoint] Touchpoint.push(): expected ['method', ...arguments]; ignored",
    ]);
    expect(calls).toEqual([['track', 'after']]);
  });
});
