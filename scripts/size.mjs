// Measures what users download: each import set bundled and minified by esbuild (as an
// app's bundler would), and each built artefact as shipped; reports minified, gzip and
// brotli bytes. `--check` fails when a budget in package.json#sizeBudgets is exceeded.
// Budgets are checked here, in `pnpm test`, because bytes are deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
export const { sizeBudgets } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** Bundles `import { … } from '…'` the way an app would, with `external` left out. */
async function bundleImport({ import: code, external = [] }) {
  const result = await build({
    stdin: { contents: `${code}\nconsole.log(${names(code)});`, resolveDir: root.pathname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** `import { a, b as c } from 'x'` → `a,c`, so the imports are used and not shaken away. */
function names(code) {
  return [...code.matchAll(/\{([^}]*)\}/g)]
    .flatMap((m) => m[1].split(','))
    .map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    )
    .filter(Boolean)
    .join(',');
}

export async function measure(budget) {
  const bytes = budget.path
    ? budget.path
        .split('+')
        .reduce((all, p) => Buffer.concat([all, readFileSync(new URL(p.trim(), root))]), Buffer.alloc(0))
    : Buffer.from(await bundleImport(budget));
  return {
    name: budget.name,
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    limit: budget.brotli,
  };
}

/** Every budget of package.json, measured. */
export const measureAll = () => Promise.all(sizeBudgets.map(measure));

// The root README's size table is written from these measurements (nanostores' way), between
// two markers, so its figures are never copied by hand: `--readme` rewrites it and `--check`
// fails when it is stale.
const README = new URL('README.md', root);
const TABLE_START = '<!-- size-table: written by `node scripts/size.mjs --readme` -->';
const TABLE_END = '<!-- /size-table -->';

/** The README table of `rows`: every artefact, its brotli bytes and its budget. */
export function readmeTable(rows) {
  const bytes = (n) => n.toLocaleString('en-US');
  return [
    '| artefact | brotli bytes | budget |',
    '| --- | --: | --: |',
    ...rows.map((r) => `| ${r.name} | ${bytes(r.brotli)} | ${bytes(r.limit)} |`),
  ].join('\n');
}

/** The README with its size table replaced by `table`, or undefined without the markers. */
function withTable(text, table) {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${text.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${text.slice(end)}`;
}

/** Whether the README's table (as the formatter writes tables: spacing aside) shows `table`. */
const sameTable = (a, b) =>
  a.replace(/[ \t]+/g, ' ').replace(/-+/g, '-') === b.replace(/[ \t]+/g, ' ').replace(/-+/g, '-');

// Run as a script (`node scripts/size.mjs [--check] [--readme]`), not when a test imports `measure`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await measureAll();
  const pad = (s, n) => String(s).padStart(n);
  console.log(
    `${'artefact'.padEnd(44)}${pad('min', 9)}${pad('gzip', 9)}${pad('brotli', 9)}${pad('budget', 9)}`,
  );
  for (const r of rows) {
    console.log(`${r.name.padEnd(44)}${pad(r.min, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}${pad(r.limit, 9)}`);
  }
  const text = readFileSync(README, 'utf8');
  const table = readmeTable(rows);
  const updated = withTable(text, table);
  if (process.argv.includes('--readme') && updated !== undefined) writeFileSync(README, updated);
  const current = text.slice(text.indexOf(TABLE_START) + TABLE_START.length, text.indexOf(TABLE_END)).trim();
  if (process.argv.includes('--check') && (updated === undefined || !sameTable(current, table))) {
    console.error(
      'README.md: the size table is stale; run node scripts/size.mjs --readme (then the formatter)',
    );
    process.exit(1);
  }
  const over = rows.filter((r) => r.brotli > r.limit);
  if (process.argv.includes('--check') && over.length) {
    for (const r of over)
      console.error(`size budget exceeded: ${r.name} is ${r.brotli} B brotli, budget ${r.limit} B`);
    process.exit(1);
  }
}
