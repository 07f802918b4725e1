import { rollBack } from '../../../packages/collector/src/admin/rollback.js';
import {
  getVersion,
  listVersions,
  publishDraft,
  readDraft,
  saveDraft,
} from '../../../packages/collector/src/admin/versions.js';
import { config, configStore, survey } from './config-store.js';

const store = configStore();

describe('rollback', () => {
  it('publishes a new version equal to the old one, and the draft follows when it held no edits', async () => {
    const c1 = config(survey('a', 'One?'));
    const c2 = config(survey('a', 'Two?'));
    await saveDraft(store, c1, 0, 'ana');
    await publishDraft(store, 1, 'Ana', 'one');
    await saveDraft(store, c2, 1, 'ana');
    await publishDraft(store, 2, 'Ana', 'two');
    const result = await rollBack(store, 1, 'Ben');
    expect(result?.version).toMatchObject({
      number: 3,
      restoredFrom: 1,
      author: 'Ben',
      note: 'Rollback to version 1',
    });
    expect(result?.version.config).toEqual(c1);
    expect(result?.version.configHash).toBe((await getVersion(store, 1))?.configHash);
    expect(result?.draftFollowed).toBe(true);
    expect((await readDraft(store)).config).toEqual(c1);
    expect((await listVersions(store)).map((v) => v.number)).toEqual([3, 2, 1]);
  });

  it('leaves unpublished edits in the draft alone', async () => {
    await saveDraft(store, config(survey('a', 'One?')), 0, 'ana');
    await publishDraft(store, 1, 'Ana', 'one');
    await saveDraft(store, config(survey('a', 'Work in progress?')), 1, 'ana');
    const result = await rollBack(store, 1, 'Ben');
    expect(result?.draftFollowed).toBe(false);
    expect((await readDraft(store)).config).toEqual(config(survey('a', 'Work in progress?')));
  });

  it('answers undefined for a version that does not exist', async () => {
    expect(await rollBack(store, 42, 'Ben')).toBeUndefined();
  });
});
