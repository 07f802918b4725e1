// scripts/size-map.mjs traces a minified file's bytes back to its modules through the source map.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, without types
import { sizeMap } from '../../scripts/size-map.mjs';

interface Row {
  name: string;
  chars: number;
  brotli: number;
}

const brotli = (text: string) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Two modules, one much larger than the other, bundled and minified with a source map. */
async function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'size-map-'));
  const words = Array.from({ length: 300 }, (_, i) => `"${(i * 7919).toString(36)}${i}"`).join(',');
  writeFileSync(join(dir, 'large.js'), `export const large = () => [${words}].join("|");`);
  writeFileSync(join(dir, 'small.js'), `export const small = (x) => x + 1;`);
  writeFileSync(
    join(dir, 'entry.js'),
    `import { large } from './large.js'; import { small } from './small.js'; console.log(large(), small(2));`,
  );
  const result = await build({
    entryPoints: [join(dir, 'entry.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    sourcemap: 'external',
    outfile: join(dir, 'out.js'),
    write: false,
  });
  const text = (suffix: string) =>
    result.outputFiles.find((file) => file.path.endsWith(suffix))?.text as string;
  return { code: text('out.js'), map: JSON.parse(text('out.js.map')) };
}

describe('sizeMap', () => {
  it('names every module of the bundle, the larger one first, with shares that add up to the file', async () => {
    const { code, map } = await bundle();
    const rows: Row[] = sizeMap(code, map);
    const names = rows.map((row) => row.name.split('/').pop());
    expect(names.slice(0, 1)).toEqual(['large.js']);
    expect(names).toEqual(expect.arrayContaining(['large.js', 'small.js', 'entry.js']));
    // Every character is counted once; the estimates add up to the real size, give or take rounding.
    expect(rows.reduce((sum, row) => sum + row.chars, 0)).toBe(code.replace(/\n/g, '').length);
    const total = rows.reduce((sum, row) => sum + row.brotli, 0);
    expect(Math.abs(total - brotli(code))).toBeLessThanOrEqual(rows.length);
  });

  it('names a dependency by its package, and groups modules when asked', () => {
    // One line, two segments: columns 0 and 5, from the first and the second source.
    const map = {
      version: 3,
      sources: [
        '../node_modules/.pnpm/preact@11.2.0/node_modules/preact/dist/preact.mjs',
        '../packages/core/src/glob.ts',
      ],
      mappings: 'AAAA,KCAA',
    };
    const rows: Row[] = sizeMap('hello world', map);
    expect(rows.map((row) => [row.name, row.chars]).sort()).toEqual([
      ['packages/core/src/glob.ts', 6],
      ['preact', 5],
    ]);
    const grouped: Row[] = sizeMap('hello world', map, () => 'all');
    expect(grouped.map((row) => [row.name, row.chars])).toEqual([['all', 11]]);
  });

  it('counts what no mapping covers as unmapped', () => {
    const map = { version: 3, sources: ['a.ts'], mappings: 'KAAA;' };
    const rows: Row[] = sizeMap('12345abc\n//# sourceMappingURL=x', map);
    expect(Object.fromEntries(rows.map((row) => [row.name, row.chars]))).toEqual({
      '(unmapped)': 5 + '//# sourceMappingURL=x'.length,
      'a.ts': 3,
    });
  });
});
