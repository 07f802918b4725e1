// An event store on a new PGlite folder (a copy of the initialised template), closed and
// removed together.
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';

export async function openFreshStore(): Promise<{ store: EventStore; close(): Promise<void> }> {
  const data = await freshDataDir();
  const store = await openEventStore(data.dir, { log: () => {} });
  return {
    store,
    async close() {
      await store.close();
      data.remove();
    },
  };
}
