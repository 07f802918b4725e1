// What each source module costs in a shipped file: `node scripts/size-map.mjs dist/touchpoint.js`
// (after `npx rollup -c`). Every character of the minified file is traced back, through the
// file's source map, to the module it came from; a module's brotli bytes are estimated by
// compressing its characters alone and scaling every module by one factor, so the column adds
// up to the file's real brotli size. An estimate for deciding where bytes go (brotli shares
// context across modules), not a budget: scripts/size.mjs measures those.
// `--by-package` adds up modules by package (`packages/core`, `script/tag`, `preact`).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (Base64 VLQ, as the source map format writes them). */
function decodeSegment(text) {
  const numbers = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      numbers.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return numbers;
}

/** Per generated line, its segments as `[column, sourceIndex | undefined]`, in column order. */
function segmentsByLine(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const [columnDelta, sourceDelta] = decodeSegment(segment);
        column += columnDelta;
        if (sourceDelta === undefined) return [column, undefined];
        source += sourceDelta;
        return [column, source];
      });
  });
}

/** A source's path from the repository root; a dependency is named by its package. */
const moduleName = (source) => {
  const path = source.replace(/^(\.\.\/)+/, '');
  return /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path;
};

/** `packages/core/src/glob.ts` → `packages/core`, `script/tag/push.ts` → `script/tag`. */
const packageName = (module) => /^(packages\/[^/]+|script\/[^/]+)\//.exec(module)?.[1] ?? module;

const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * The modules of the minified `code`, as traced by its source `map`: `{ name, chars, brotli }`,
 * largest first; `group` names the row a module adds to. Characters no mapping covers count
 * as `(unmapped)`.
 */
export function sizeMap(code, map, group = (module) => module) {
  const names = map.sources.map((source) => group(moduleName(source)));
  const lines = segmentsByLine(map.mappings);
  const text = new Map();
  const add = (name, chars) => text.set(name, (text.get(name) ?? '') + chars);
  code.split('\n').forEach((line, index) => {
    const segments = lines[index] ?? [];
    if (!segments.length || segments[0][0] > 0) add('(unmapped)', line.slice(0, segments[0]?.[0]));
    segments.forEach(([column, source], i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      add(source === undefined ? '(unmapped)' : names[source], line.slice(column, end));
    });
  });
  const rows = [...text]
    .filter(([, chars]) => chars.length)
    .map(([name, chars]) => ({ name, chars, alone: brotli(chars) }));
  const scale = brotli(code) / rows.reduce((sum, row) => sum + row.alone, 0);
  return rows
    .map(({ name, chars, alone }) => ({ name, chars: chars.length, brotli: Math.round(alone * scale) }))
    .sort((a, b) => b.brotli - a.brotli);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist/touchpoint.js';
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const rows = sizeMap(code, map, process.argv.includes('--by-package') ? packageName : undefined);
  const line = (bytes, chars, name) => `${String(bytes).padStart(8)}${String(chars).padStart(8)}  ${name}`;
  console.log(line('~brotli', 'chars', file));
  for (const row of rows) console.log(line(row.brotli, row.chars, row.name));
  console.log(line(brotli(code), code.length, '(the whole file)'));
}
