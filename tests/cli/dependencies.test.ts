// `touchpoint lint` runs in CI jobs that install the CLI alone: it must not bring the
// collector's database (PGlite, pg) with it. The link command's signing rules are bundled
// into the CLI's own files at build time (rollup.config.mjs) instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cli = JSON.parse(readFileSync(new URL('../../packages/cli/package.json', import.meta.url), 'utf8'));

describe('@touchpoint/cli dependencies', () => {
  it('installs the core and no database', () => {
    expect(Object.keys(cli.dependencies ?? {})).toEqual(['@touchpoint/core']);
    expect(cli.peerDependencies).toBeUndefined();
    expect(cli.optionalDependencies).toBeUndefined();
  });
});
