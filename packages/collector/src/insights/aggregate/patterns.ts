// The page patterns the drivers group pages by: the globs of the published configuration's
// `stages` map, each page counted under the most specific glob it matches (the rule that
// gives it its stage). The figures kept at ingest are worked out with the globs of their
// time; when a publish changes them, the figures are rebuilt (maintain.ts).
import { stageFor } from '@touchpoint/core/rules';
import type { Queryable } from '../../database.js';

/** The globs of a configuration's `stages`, in its order. */
export const globsOf = (stages: unknown): string[] =>
  stages && typeof stages === 'object' && !Array.isArray(stages) ? Object.keys(stages) : [];

/**
 * Whether a publish changed the stage globs since the figures were worked out: `worked` is
 * the JSON the figures were worked out with, `stages` the published configuration's.
 */
export const globsChanged = (worked: string, stages: unknown): boolean =>
  worked !== JSON.stringify(globsOf(stages));

/** The globs of the newest published configuration's `stages`; none before a publish. */
export async function publishedPatterns(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ stages: unknown }>(
    `select config->'stages' as stages from config_versions order by number desc limit 1`,
  );
  return globsOf(rows[0]?.stages);
}

/** `path` → the most specific of `patterns` it matches, or null; remembered per path. */
export function patternFinder(patterns: readonly string[]): (path: string) => string | null {
  const byGlob = Object.fromEntries(patterns.map((p) => [p, p]));
  const seen = new Map<string, string | null>();
  return (path) => {
    let found = seen.get(path);
    if (found === undefined) {
      found = patterns.length ? (stageFor(byGlob, path) ?? null) : null;
      seen.set(path, found);
    }
    return found;
  };
}
