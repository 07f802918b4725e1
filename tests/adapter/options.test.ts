import { describe, expect, it, vi } from 'vitest';
import { CONNECT_DEFAULTS, OPTION_MAXIMUMS, resolveOptions } from '../../packages/adapter/src/options';
import { touchpoint } from '../../packages/adapter/src/wire';

const endpoint = 'https://collect.test/e';

describe('resolveOptions', () => {
  it('applies every default', () => {
    const report = vi.fn();
    expect(resolveOptions({ endpoint }, report)).toEqual({
      ...CONNECT_DEFAULTS,
      endpoint,
      format: touchpoint,
    });
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    ['batchSize', 0.5],
    ['batchSize', 0],
    ['batchSize', 1001],
    ['batchSize', '20'],
    ['flushIntervalMs', 2 ** 31],
    ['flushIntervalMs', Number.NaN],
    ['flushIntervalMs', Number.POSITIVE_INFINITY],
    ['maxBatchBytes', -1],
    ['maxQueue', 2.5],
    ['maxQueue', 1_000_001],
  ] as const)('refuses %s %s with the default and a warning naming its range', (name, value) => {
    const report = vi.fn();
    const settings = resolveOptions({ endpoint, [name]: value }, report);
    expect(settings[name]).toBe(CONNECT_DEFAULTS[name]);
    expect(report).toHaveBeenCalledWith(
      `connect: bad ${name} (${String(value)}; an integer from 1 to ${OPTION_MAXIMUMS[name]})`,
      'default used',
    );
  });

  it.each([
    ['batchSize', 1],
    ['batchSize', 1000],
    ['flushIntervalMs', 2 ** 31 - 1],
    ['maxBatchBytes', 1_048_576],
    ['maxQueue', 1],
  ] as const)('takes %s %s, at the edge of its range', (name, value) => {
    const report = vi.fn();
    expect(resolveOptions({ endpoint, [name]: value }, report)[name]).toBe(value);
    expect(report).not.toHaveBeenCalled();
  });

  it('leaves out a header fetch() would refuse, naming it, and keeps the others', () => {
    const report = vi.fn();
    const settings = resolveOptions(
      { endpoint, headers: { 'X Key': 'a', 'X-Ok': 'b', 'X-Bad': 'é☕' } },
      report,
    );
    expect(settings.headers).toEqual({ 'X-Ok': 'b' });
    expect(report.mock.calls).toEqual([
      ['connect: bad header "X Key"', 'header left out', 'error'],
      ['connect: bad header "X-Bad"', 'header left out', 'error'],
    ]);
  });
});
