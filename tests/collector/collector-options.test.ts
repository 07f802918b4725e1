// Options of createCollector that reach the store it opens.
import { createCollector } from '../../packages/collector/src/collector.js';
import { COLLECTOR_DEFAULTS } from '../../packages/collector/src/collector-options.js';
import { openEventStore, STORE_DEFAULTS } from '../../packages/collector/src/store.js';

// The store is not opened: what matters is what createCollector asks of it.
vi.mock('../../packages/collector/src/store.js', async (original) => ({
  ...(await original<typeof import('../../packages/collector/src/store.js')>()),
  openEventStore: vi.fn(() => new Promise(() => {})),
}));

const opened = () => vi.mocked(openEventStore).mock.calls.at(-1)?.[1];

describe('catchUpMs', () => {
  it('defaults to the store’s wait of a read of the insights figures', () => {
    expect(COLLECTOR_DEFAULTS.catchUpMs).toBe(STORE_DEFAULTS.catchUpMs);
    createCollector({ database: { dataDir: './unused' } });
    expect(opened()).toMatchObject({ catchUpMs: STORE_DEFAULTS.catchUpMs });
  });

  it('reaches the store the collector opens, beside queryTimeoutMs', () => {
    createCollector({ database: { url: 'postgres://x@db/x' }, catchUpMs: 250, queryTimeoutMs: 9000 });
    expect(opened()).toMatchObject({ catchUpMs: 250, queryTimeoutMs: 9000 });
  });
});
