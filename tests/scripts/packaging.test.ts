// The packaging rules scripts/packaging.mjs applies to each tarball, beside publint and attw.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, without types
import { importedPackages, packagingProblems } from '../../scripts/packaging.mjs';

const manifest = {
  name: '@touchpoint/example',
  type: 'module',
  sideEffects: false,
  license: 'MIT',
  engines: { node: '>=20' },
  files: ['dist'],
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  dependencies: { '@touchpoint/core': '0.1.0' },
};
const readme = Buffer.from('# Example\n\n```ts\nexample();\n```\n');
const tarball = (code: string) =>
  new Map([
    ['README.md', readme],
    ['dist/index.js', Buffer.from(code)],
  ]);

describe('importedPackages', () => {
  it('names the packages of static, re-exported, bare and dynamic imports', () => {
    const code = [
      "import { a } from '@touchpoint/core/rules';",
      'import { b } from "pg";',
      "export { c } from '@scope/name';",
      "import 'side-effect/register.js';",
      "const later = () => import('@electric-sql/pglite');",
    ].join('\n');
    expect([...importedPackages(code)].sort()).toEqual([
      '@electric-sql/pglite',
      '@scope/name',
      '@touchpoint/core',
      'pg',
      'side-effect',
    ]);
  });

  it('leaves out relative paths, built-ins, and words in strings and SQL', () => {
    const code = [
      "import { x } from './x.js';",
      "import { readFile } from 'node:fs/promises';",
      "export const STOP = new Set(['NPS', 'from']);",
      "const sql = `select id from 'events'`;",
    ].join('\n');
    expect([...importedPackages(code)]).toEqual([]);
  });
});

describe('packagingProblems', () => {
  it('accepts a package whose built files import only what it lists', () => {
    expect(packagingProblems(manifest, tarball("import { a } from '@touchpoint/core';"))).toEqual([]);
  });

  it('refuses a built file that imports a package npm would not install', () => {
    const problems = packagingProblems(manifest, tarball("import { s } from '@touchpoint/collector/links';"));
    expect(problems).toEqual([
      'dist/index.js imports @touchpoint/collector, which package.json does not list: npm would not install it',
    ]);
  });
});
