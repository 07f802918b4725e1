// The store the editor's storage tests share: a new PGlite folder for the file, its
// configuration tables emptied before each test (the immutability trigger refuses deletes,
// so they are truncated). Used as the Queryable the editor's functions take; `open()` is the
// event store itself, for a collector built on it.
import type { Queryable } from '../../../packages/collector/src/database.js';
import type { EventStore } from '../../../packages/collector/src/store.js';
import { openFreshStore } from '../links/fresh-store.js';

export function configStore(): Queryable & { open(): EventStore } {
  let fresh: Awaited<ReturnType<typeof openFreshStore>> | undefined;
  const open = () => {
    if (!fresh) throw new Error('the store opens in beforeAll');
    return fresh.store;
  };
  beforeAll(async () => {
    fresh = await openFreshStore();
  });
  afterAll(() => fresh?.close());
  beforeEach(async () => {
    await open().query('truncate config_versions, config_draft');
  });
  return { query: (text, params) => open().query(text, params), open };
}

/** A CSAT on /checkout/done: the survey the storage tests publish. */
export const survey = (id: string, question: string) => ({
  id,
  metric: 'csat',
  question,
  when: { pages: ['/checkout/done'] },
});

export const config = (...surveys: object[]) => ({ version: 1, surveys });
