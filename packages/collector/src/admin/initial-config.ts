// A site moving from a configuration file to the editor starts from that file: given to the
// collector as `initialConfig`, it is published as version 1 when nothing is published yet,
// so pages can read `<configPath>/published.json` from the first start. Never again after:
// from then on the editor's versions are the truth, across restarts.
import type { Queryable } from '../database.js';
import { configErrors, problemText } from './config-errors.js';
import { publishFirst } from './versions.js';

export async function publishInitialConfig(
  db: Queryable,
  config: unknown,
  log: (message: string) => void,
): Promise<void> {
  const [problem, ...more] = configErrors(config).map(problemText);
  if (problem !== undefined)
    return log(
      `[touchpoint] initialConfig: ${problem}${more.length ? ` (and ${more.length} more)` : ''}; not published, fix it or publish from the editor`,
    );
  try {
    await publishFirst(db, config, 'initialConfig', 'the configuration the site used before the editor');
  } catch (error) {
    log(`[touchpoint] initialConfig could not be published: ${(error as Error).message}`);
  }
}

/**
 * `ready`, resolving once `config` (if any) is published: the editor and the published URL
 * wait on it, so their first request already sees version 1. Never rejects but as `ready` does.
 */
export function withInitialConfig<Db extends Queryable>(
  ready: Promise<Db>,
  config: unknown,
  log: (message: string) => void,
): Promise<Db> {
  if (config === undefined) return ready;
  const configured = ready.then(async (db) => {
    await publishInitialConfig(db, config, log);
    return db;
  });
  // A failed open is reported by each request that awaits it, never as unhandled.
  configured.catch(() => {});
  return configured;
}
