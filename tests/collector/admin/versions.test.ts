import {
  EMPTY_CONFIG,
  getVersion,
  latestVersion,
  listVersions,
  publishDraft,
  readDraft,
  saveDraft,
} from '../../../packages/collector/src/admin/versions.js';
import { configHash, validateConfig } from '../../../packages/core/src/rules';
import { config, configStore, survey } from './config-store.js';

const store = configStore();

describe('the draft', () => {
  it('starts as an empty configuration at revision 0', async () => {
    expect(await readDraft(store)).toEqual({ revision: 0, config: EMPTY_CONFIG, updatedBy: null });
  });

  it('keeps a saved configuration exactly as written, key order included', async () => {
    const written = {
      version: 1,
      surveys: [{ question: 'Q?', metric: 'nps', id: 'b' }],
      limits: { maxPerSession: 2 },
    };
    expect(await saveDraft(store, written, 0, 'ana')).toEqual({ ok: true, revision: 1 });
    const draft = await readDraft(store);
    expect(JSON.stringify(draft.config)).toBe(JSON.stringify(written));
    expect(draft).toMatchObject({ revision: 1, updatedBy: 'ana' });
  });

  it('refuses a save made from a stale revision and returns the draft as it is now', async () => {
    await saveDraft(store, config(survey('a', 'First?')), 0, 'ana');
    await saveDraft(store, config(survey('a', 'Ana edited?')), 1, 'ana');
    const stale = await saveDraft(store, config(survey('a', 'Ben edited?')), 1, 'ben');
    expect(stale.ok).toBe(false);
    expect(stale.ok === false && stale.current).toMatchObject({ revision: 2, updatedBy: 'ana' });
    expect((await readDraft(store)).config).toEqual(config(survey('a', 'Ana edited?')));
  });

  it('lets only one of two saves from the same revision through when they race', async () => {
    await saveDraft(store, config(), 0, 'ana');
    const results = await Promise.all([
      saveDraft(store, config(survey('x', 'X?')), 1, 'ana'),
      saveDraft(store, config(survey('y', 'Y?')), 1, 'ben'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('published versions', () => {
  it('numbers versions from 1 and records who, when, the note and the SDK hash', async () => {
    const c = config(survey('checkout-csat', 'How was checkout?'));
    await saveDraft(store, c, 0, 'ana');
    const first = await publishDraft(store, 1, 'Ana', 'first survey');
    expect(first.ok).toBe(true);
    const v1 = first.ok ? first.version : undefined;
    expect(v1).toMatchObject({ number: 1, author: 'Ana', note: 'first survey', restoredFrom: null });
    expect(v1?.configHash).toBe(configHash(validateConfig(c).config));
    expect(Math.abs((v1?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    const second = await publishDraft(store, 1, 'Ben', 'same again');
    expect(second.ok && second.version.number).toBe(2);
    expect((await listVersions(store)).map((v) => v.number)).toEqual([2, 1]);
  });

  it('refuses to publish a draft other than the one the publisher saw', async () => {
    await saveDraft(store, config(), 0, 'ana');
    await saveDraft(store, config(survey('a', 'A?')), 1, 'ben');
    expect(await publishDraft(store, 1, 'Ana', '')).toMatchObject({ ok: false, reason: 'stale' });
    expect(await latestVersion(store)).toBeUndefined();
  });

  it('refuses to publish a configuration the validator finds problems in', async () => {
    await saveDraft(store, config({ id: 'bad', metric: 'stars', question: 'Q?' }), 0, 'ana');
    const result = await publishDraft(store, 1, 'Ana', '');
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok === false && result.reason === 'invalid' && result.problems[0]).toMatch(
      /^surveys\[0\]\.metric: /,
    );
  });

  it('never changes or deletes a published version', async () => {
    await saveDraft(store, config(), 0, 'ana');
    await publishDraft(store, 1, 'Ana', 'v1');
    await expect(store.query(`update config_versions set note = 'rewritten'`)).rejects.toThrow(/immutable/);
    await expect(store.query('delete from config_versions')).rejects.toThrow(/immutable/);
    expect((await getVersion(store, 1))?.note).toBe('v1');
  });
});
