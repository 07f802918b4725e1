import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, lockDataDir } from '../../packages/collector/src/lock.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tp-lock-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('writes this process id and removes the file on release', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a directory held by a live process and names it', () => {
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.ppid}`);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.ppid));
  });

  it.each([
    ['a process that is gone', '2147483600'],
    ['garbage', 'not a pid'],
  ])('takes over a lock left by %s', (_case, content) => {
    writeFileSync(join(dir, LOCK_FILE), content);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('leaves a lock that another process took since alone when releasing', () => {
    const release = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), '12345');
    release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('12345');
  });
});
