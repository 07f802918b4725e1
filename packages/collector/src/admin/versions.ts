// The editor's configuration storage: the only file that knows the `config_draft` and
// `config_versions` tables (migration 2). One draft, edited by the forms, whose revision
// each save bumps, so a save from a stale form is refused instead of overwriting someone
// else's; and published versions, immutable, numbered from 1, each with its `configHash`
// as survey events carry it, so every answer can be tied to the version it was asked under.
import { configHash, validateConfig } from '@touchpoint/core/rules';
import type { Queryable } from '../database.js';
import { configErrors, problemText } from './config-errors.js';
import { publishable } from './paused.js';

/** One published version: never changed once written. */
export interface Version {
  number: number;
  createdAt: Date;
  /** The name the publisher gave (the insights token is shared, so it is self-declared). */
  author: string;
  note: string;
  config: unknown;
  /** `configHash(validateConfig(config).config)`: what the SDK puts in `props.configHash`. */
  configHash: string;
  /** For a rollback: the version whose configuration this one repeats. */
  restoredFrom: number | null;
}

/** The configuration being edited. Revision 0: nothing saved yet. */
export interface Draft {
  revision: number;
  config: unknown;
  updatedBy: string | null;
}

/** Where a new site starts: a valid configuration without surveys. */
export const EMPTY_CONFIG = { version: 1, surveys: [] };

/** The hash survey events will carry for this configuration, computed as the SDK does. */
export const hashOf = (config: unknown): string => configHash(validateConfig(config).config);

interface VersionRow {
  number: number;
  created_at: Date | string;
  author: string;
  note: string;
  config: unknown;
  config_hash: string;
  restored_from: number | null;
}

const COLUMNS = 'number, created_at, author, note, config, config_hash, restored_from';

const toVersion = (row: VersionRow): Version => ({
  number: Number(row.number),
  createdAt: new Date(row.created_at),
  author: row.author,
  note: row.note,
  config: row.config,
  configHash: row.config_hash,
  restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
});

/** The newest published version, if any. */
export async function latestVersion(db: Queryable): Promise<Version | undefined> {
  const { rows } = await db.query<VersionRow>(
    `select ${COLUMNS} from config_versions order by number desc limit 1`,
  );
  return rows[0] && toVersion(rows[0]);
}

export async function getVersion(db: Queryable, number: number): Promise<Version | undefined> {
  const { rows } = await db.query<VersionRow>(`select ${COLUMNS} from config_versions where number = $1`, [
    number,
  ]);
  return rows[0] && toVersion(rows[0]);
}

/** Every version, newest first. */
export async function listVersions(db: Queryable): Promise<Version[]> {
  const { rows } = await db.query<VersionRow>(`select ${COLUMNS} from config_versions order by number desc`);
  return rows.map(toVersion);
}

/** The draft; before the first save, the live configuration (or an empty one) at revision 0. */
export async function readDraft(db: Queryable): Promise<Draft> {
  const { rows } = await db.query<{ revision: number; config: unknown; updated_by: string }>(
    'select revision, config, updated_by from config_draft where id = 1',
  );
  const row = rows[0];
  if (row) return { revision: Number(row.revision), config: row.config, updatedBy: row.updated_by };
  return { revision: 0, config: (await latestVersion(db))?.config ?? EMPTY_CONFIG, updatedBy: null };
}

export type SaveResult = { ok: true; revision: number } | { ok: false; current: Draft };

/**
 * Replaces the draft if it is still at `expectedRevision`, checked and written in one
 * statement (so two saves racing cannot both pass the check); otherwise returns the draft
 * as it is now.
 */
export async function saveDraft(
  db: Queryable,
  config: unknown,
  expectedRevision: number,
  by: string,
): Promise<SaveResult> {
  const params = [JSON.stringify(config), by, expectedRevision];
  // Each branch is one statement: the first save inserts the row (a second first save finds
  // it there and gets nothing back), later ones update it only at the revision they read.
  const { rows } = await db.query<{ revision: number }>(
    expectedRevision === 0
      ? `insert into config_draft (id, revision, config, updated_by)
         select 1, 1, $1::text::json, $2 where $3::int = 0
         on conflict (id) do nothing returning revision`
      : `update config_draft
            set revision = revision + 1, config = $1::text::json, updated_at = now(), updated_by = $2
          where id = 1 and revision = $3::int
         returning revision`,
    params,
  );
  if (rows[0]) return { ok: true, revision: Number(rows[0].revision) };
  return { ok: false, current: await readDraft(db) };
}

/**
 * Publishes `config` as version 1 when nothing is published yet, in one statement (two
 * collectors starting at once publish it once); undefined when a version already exists.
 * A site moving from a configuration file to the editor starts from that file.
 */
export async function publishFirst(
  db: Queryable,
  config: unknown,
  author: string,
  note: string,
): Promise<Version | undefined> {
  const { rows } = await db.query<VersionRow>(
    `insert into config_versions (number, author, note, config, config_hash)
     select 1, $1, $2, $3::text::json, $4 where not exists (select 1 from config_versions)
     on conflict (number) do nothing
     returning ${COLUMNS}`,
    [author, note, JSON.stringify(config), hashOf(config)],
  );
  return rows[0] && toVersion(rows[0]);
}

/** Unique violation: two publishes took the same number at once; the later one retries. */
const isNumberTaken = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/** Publishes `values.config` as the next version number. */
export async function insertVersion(
  db: Queryable,
  values: { author: string; note: string; config: unknown; restoredFrom: number | null },
): Promise<Version> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await db.query<VersionRow>(
        `insert into config_versions (number, author, note, config, config_hash, restored_from)
         select coalesce(max(number), 0) + 1, $1, $2, $3::text::json, $4, $5 from config_versions
         returning ${COLUMNS}`,
        [
          values.author,
          values.note,
          JSON.stringify(values.config),
          hashOf(values.config),
          values.restoredFrom,
        ],
      );
      return toVersion(rows[0] as VersionRow);
    } catch (error) {
      if (!isNumberTaken(error) || attempt === 4) throw error;
    }
  }
}

export type PublishResult =
  | { ok: true; version: Version }
  | { ok: false; reason: 'stale'; current: Draft }
  | { ok: false; reason: 'invalid'; problems: string[] };

/**
 * Publishes the draft the publisher looked at (`expectedRevision`) as a new version, without
 * its paused surveys. A configuration with errors (config-errors.ts) is not published.
 */
export async function publishDraft(
  db: Queryable,
  expectedRevision: number,
  author: string,
  note: string,
): Promise<PublishResult> {
  const draft = await readDraft(db);
  if (draft.revision !== expectedRevision) return { ok: false, reason: 'stale', current: draft };
  const config = publishable(draft.config);
  const problems = configErrors(config).map(problemText);
  if (problems.length) return { ok: false, reason: 'invalid', problems };
  const version = await insertVersion(db, { author, note, config, restoredFrom: null });
  return { ok: true, version };
}
