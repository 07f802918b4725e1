// The one test that runs the real process: the built bin, linked at the root as
// `node_modules/.bin/touchpoint` the way `npx touchpoint` finds it. Needs `pnpm build` first
// (as `pnpm test` does).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = 'node_modules/.bin/touchpoint';
const touchpoint = (...args: string[]) => spawnSync(bin, args, { cwd: root, encoding: 'utf8' });

describe('the touchpoint bin', () => {
  it('is built and linked at the repository root', () => {
    expect(existsSync(`${root}packages/cli/dist/cli.js`)).toBe(true);
    expect(existsSync(`${root}${bin}`)).toBe(true);
  });

  it('lints the demo configuration with exit status 0, and a broken one with 1', () => {
    const ok = touchpoint(
      'lint',
      'demo/public/touchpoint.config.json',
      '--pages',
      'packages/cli/examples/pages.txt',
    );
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(
      /^demo\/public\/touchpoint\.config\.json: config [0-9a-f]{8}, 0 error\(s\), 0 warning\(s\)\n$/,
    );
    expect(ok.status).toBe(0);
    const bad = touchpoint('lint', 'packages/cli/package.json');
    expect(bad.stdout).toContain('error version: expected 1');
    expect(bad.status).toBe(1);
  });

  it('simulates from a journey file and prints the --json shape', () => {
    const run = touchpoint(
      'simulate',
      'demo/public/touchpoint.config.json',
      '--pages',
      'packages/cli/examples/journeys.json',
      '--visitors',
      '200',
      '--json',
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).surveys).toHaveLength(3);
  });
});
