// Where the `touchpoint` command reads and writes, and what its exit status means. Files are
// read through `Io`, so tests run every command without a process or a disk.
import { readFileSync } from 'node:fs';

/** Where the command reads and writes. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): string;
  now(): number;
  /** The environment (`TOUCHPOINT_LINK_SECRET`); absent: none. */
  env?: Record<string, string | undefined>;
}

/** The real terminal and disk. */
export const NODE_IO: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  now: () => Date.now(),
  env: process.env,
};

/** Exit statuses: problems in the configuration, and a command line that cannot run. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
