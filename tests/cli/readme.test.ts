// The README's console blocks are pasted output; this keeps them equal to what the tool
// prints today, so an edit to the rules or the demo configuration cannot leave them stale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}packages/cli/README.md`, 'utf8');
const blocks = [...readme.matchAll(/```console\n\$ npx touchpoint (.*)\n([\s\S]*?)```/g)].map(
  ([, command, output]) => [command as string, output as string] as const,
);

describe('packages/cli/README.md', () => {
  it('has console blocks for every command', () => {
    expect(blocks.map(([command]) => command.split(' ')[0])).toEqual(
      expect.arrayContaining(['lint', 'simulate', 'explain']),
    );
  });

  it.each(blocks)('shows what `touchpoint %s` prints', { timeout: 30_000 }, (command, output) => {
    const lines: string[] = [];
    main(command.split(' '), {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
      readFile: (path) => readFileSync(`${root}${path}`, 'utf8'),
      now: () => Date.now(),
    });
    expect(`${lines.join('\n')}\n`).toBe(output);
  });
});
