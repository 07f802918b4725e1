// One server per data directory. Postgres refuses a data directory another postmaster
// holds, but PGlite on Node takes no such lock, and two processes writing one directory
// leave it unreadable (electric-sql/pglite#1106). A pid file fails the second one fast.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'collector.pid';

/** True when a process with this id exists (EPERM: it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `dir` for this process, or throws naming the process that holds it.
 * A lock left by a process that is gone (killed, crashed) is taken over.
 *
 * @returns the function that releases it; it also releases on process exit.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number(readFileSync(file, 'utf8').trim());
    if (isAlive(holder)) {
      throw new Error(
        `[touchpoint] the data directory ${dir} is in use by process ${holder}` +
          `${holder === process.pid ? ' (this one)' : ''}; stop that collector or give it another data directory`,
      );
    }
    rmSync(file, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return release;
}
