// Brotli-11 bytes of an entry, minified by esbuild as the task says: node bench/floor/measure.mjs <entry> [--define:K=V ...]
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [entry, ...defs] = process.argv.slice(2);
const min = execFileSync('npx', [
  'esbuild',
  entry,
  '--bundle',
  '--minify',
  '--format=esm',
  '--define:__DEV__=false',
  ...defs,
]);
const br = brotliCompressSync(min, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(
  `${entry} ${defs.join(' ')}: min ${min.length} gzip ${gzipSync(min, { level: 9 }).length} brotli ${br}`,
);
