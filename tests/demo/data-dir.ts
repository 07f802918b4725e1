// Fresh collector data directories for tests, fast. Initialising a PGlite database takes
// seconds (initdb in WebAssembly), so one initialised directory is kept in
// node_modules/.cache, keyed by the store's code, and each test gets a copy of it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEventStore } from '../../packages/collector/src/store.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

async function template(): Promise<string> {
  const key = createHash('sha256')
    .update(readFileSync(join(repo, 'packages/collector/src/migrations.ts')))
    .update(readFileSync(join(repo, 'packages/collector/src/insights/aggregate/schema.ts')))
    .update(readFileSync(join(repo, 'packages/collector/src/pglite.ts')))
    .update(readFileSync(join(repo, 'packages/collector/node_modules/@electric-sql/pglite/package.json')))
    .digest('hex')
    .slice(0, 16);
  const dir = join(repo, 'node_modules/.cache', `touchpoint-demo-db-${key}`);
  if (existsSync(dir)) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  const building = mkdtempSync(`${dir}.building-`);
  await (await openEventStore(building)).close();
  try {
    renameSync(building, dir);
  } catch {
    // Another test file built it at the same time; theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** A new, empty, initialised data directory, removed by the returned function. */
export async function freshDataDir(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tp-demo-'));
  cpSync(await template(), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
