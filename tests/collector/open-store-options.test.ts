// openEventStore checks its numeric options by the rules createCollector uses for the same
// names, before it opens anything, and an option given as undefined takes its default.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStoreOptions } from '../../packages/collector/src/check-options.js';
import { openEventStore, type StoreOptions } from '../../packages/collector/src/store.js';

describe('openEventStore’s numeric options', () => {
  it('refuses one that cannot work, by name, and makes no folder', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tp-open-')), 'data');
    await expect(openEventStore({ dataDir }, { queryTimeoutMs: -5 })).rejects.toThrow(
      /^openEventStore: queryTimeoutMs must be a positive number of milliseconds/,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ queryTimeoutMs: Number.POSITIVE_INFINITY }, 'queryTimeoutMs must be'],
    [{ catchUpMs: -1 }, 'catchUpMs must be a number of milliseconds, 0 or more'],
    [{ catchUpMs: '2000' }, 'got "2000"'],
    [{ poolSize: 0 }, 'poolSize must be a number of connections, at least 1'],
  ])('refuses %j', (options, message) => {
    const valid = { queryTimeoutMs: 5000, catchUpMs: 2000, poolSize: 10 };
    expect(() => checkStoreOptions({ ...valid, ...options })).toThrow(message);
  });

  it('accepts what works, 0 included where it means something', () => {
    expect(() => checkStoreOptions({ queryTimeoutMs: 1, catchUpMs: 0, poolSize: 1 })).not.toThrow();
  });

  it('takes the default for an option given as undefined', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tp-open-')), 'data');
    // As a JavaScript caller may pass it (spreading its own optional settings).
    const options = { queryTimeoutMs: undefined, catchUpMs: undefined } as unknown as StoreOptions;
    const store = await openEventStore({ dataDir }, options);
    try {
      expect((await store.stats()).events).toBe(0);
    } finally {
      await store.close();
    }
  });
});
