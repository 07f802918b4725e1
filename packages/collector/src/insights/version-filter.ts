// Insights by configuration version. Every answer carries the `configHash` of the
// configuration that asked it; the editor's versions give those hashes numbers. The filter
// takes either, resolves a number to its hash (a rollback shares the hash of the version it
// repeats, so their answers are one set), and offers every version published and every other
// configuration answers were asked under (one served from a file, not the editor).
import { getVersion, listVersions } from '../admin/versions.js';
import type { Queryable } from '../database.js';
import { html, type Markup, raw } from './html.js';
import { answerHashes } from './queries.js';

export interface VersionChoice {
  /** The filter's value: a version number, or the hash of an unnumbered configuration. */
  value: string;
  label: string;
  configHash: string;
}

/** The hash `version` stands for, or why it stands for none. */
export async function hashOfVersion(
  db: Queryable,
  version: string | null,
): Promise<{ configHash: string | null; problem?: string }> {
  if (version === null) return { configHash: null };
  if (!/^\d+$/.test(version)) return { configHash: version };
  const found = await getVersion(db, Number(version));
  return found
    ? { configHash: found.configHash }
    : { configHash: null, problem: `version: no version ${version} was published; showing every version` };
}

/** Every version published, newest first, then the other configurations answers name. */
export async function versionChoices(db: Queryable): Promise<VersionChoice[]> {
  const [versions, answers] = await Promise.all([listVersions(db), answerHashes(db)]);
  const numbered = versions.map((v) => ({
    value: String(v.number),
    label: `Version ${v.number} (${v.configHash}${v.restoredFrom === null ? '' : `, repeats ${v.restoredFrom}`})`,
    configHash: v.configHash,
  }));
  const known = new Set(versions.map((v) => v.configHash));
  const others = [...answers.keys()]
    .filter((hash) => !known.has(hash) && /^[0-9a-f]{8}$/.test(hash))
    .sort()
    .map((hash) => ({ value: hash, label: `Configuration ${hash} (not published here)`, configHash: hash }));
  return [...numbered, ...others];
}

/** The form that picks a version; it keeps nothing else, as scores and comments both follow it. */
export function versionForm(choices: readonly VersionChoice[], current: string | null): Markup {
  if (!choices.length && current === null) return html``;
  const option = (value: string, label: string) =>
    html`<option value="${value}"${value === (current ?? '') ? raw(' selected') : ''}>${label}</option>`;
  return html`<form method="get" action="/insights" class="versions">
    <label>Configuration version <select name="version">${option('', 'every version')}${choices.map((c) => option(c.value, c.label))}</select></label>
    <button type="submit">Show</button>
    ${current === null ? '' : html`<p class="muted">Scores and comments asked under this configuration only.</p>`}
  </form>`;
}
