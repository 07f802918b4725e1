// Runs the `touchpoint` command on in-memory files, a fixed clock and a given environment.
import type { Io } from '../../packages/cli/src/io';
import { main } from '../../packages/cli/src/main';

export function runInMemory(
  argv: string[],
  files: Record<string, string>,
  now: number,
  env?: Record<string, string | undefined>,
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    now: () => now,
    ...(env && { env }),
  };
  return { code: main(argv, io), out, err };
}
