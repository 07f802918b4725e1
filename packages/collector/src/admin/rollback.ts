// Rollback: the one policy that joins versions and the draft. Storage is versions.ts's.
import type { Queryable } from '../database.js';
import {
  getVersion,
  hashOf,
  insertVersion,
  latestVersion,
  readDraft,
  saveDraft,
  type Version,
} from './versions.js';

/**
 * Rollback: a new version equal to version `number`. The draft follows it when the draft
 * held nothing unpublished (it equalled the live version), so the next publish does not
 * bring the rolled-back configuration back; unpublished edits are left alone.
 */
export async function rollBack(
  db: Queryable,
  number: number,
  author: string,
): Promise<{ version: Version; draftFollowed: boolean } | undefined> {
  const old = await getVersion(db, number);
  if (!old) return undefined;
  const live = await latestVersion(db);
  const draft = await readDraft(db);
  const version = await insertVersion(db, {
    author,
    note: `Rollback to version ${number}`,
    config: old.config,
    restoredFrom: number,
  });
  const unedited = draft.revision === 0 || (live !== undefined && hashOf(draft.config) === live.configHash);
  const followed = unedited && (await saveDraft(db, old.config, draft.revision, author)).ok;
  return { version, draftFollowed: followed };
}
