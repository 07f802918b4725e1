// Checks what `npm install @touchpoint/<pkg>` would get, from the tarballs pnpm would publish
// (workspace:* already rewritten, `files` applied): publint for the package.json and the files it
// points at, @arethetypeswrong for the types under each module resolution an ESM-only package
// must serve (node16 from ESM, bundler), and the project's packaging rules that neither tool
// knows. Prints one row per package and exits 1 on any finding. Run after `pnpm build`.
//
//   node scripts/packaging.mjs            every publishable package under packages/
//   node scripts/packaging.mjs core cli   only these folders
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The @arethetypeswrong/cli profile: ESM only, so node10 and require() from CJS are not served. */
const ATTW_PROFILE = 'esm-only';
const ATTW_IGNORED = ['node10', 'node16-cjs'];

/** Files that must never reach a tarball: build state, sources, tests. */
const NOT_SHIPPED = /(^|\/)(\.tsbuildinfo|src\/|tests?\/|node_modules\/)|\.test\.[jt]sx?$/;

/** The entries of a .tar.gz, read in memory: pnpm packs plain ustar, so the 512-byte headers suffice. */
export function untar(gz) {
  const tar = gunzipSync(gz);
  const files = new Map();
  for (let at = 0; at + 512 <= tar.length; ) {
    const field = (from, length) =>
      tar
        .subarray(at + from, at + from + length)
        .toString('latin1')
        .replace(/\0.*$/s, '');
    const name = field(0, 100);
    if (!name) break;
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const type = field(156, 1);
    if (type === '0' || type === '') {
      files.set(
        (prefix ? `${prefix}/${name}` : name).replace(/^package\//, ''),
        tar.subarray(at + 512, at + 512 + size),
      );
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/**
 * The project's packaging rules, on the packed package.json and file list. Returns one sentence
 * per broken rule. Pure, so a test can hand it a bad manifest.
 */
export function packagingProblems(pkg, files) {
  const problems = [];
  const isBin = pkg.bin !== undefined;
  if (pkg.type !== 'module') problems.push('"type" must be "module" (ESM only)');
  if (!isBin && pkg.sideEffects !== false)
    problems.push('"sideEffects" must be false, so bundlers drop unused code');
  if (typeof pkg.license !== 'string') problems.push('"license" is missing');
  if (!pkg.engines?.node) problems.push('"engines.node" is missing');
  if (!Array.isArray(pkg.files))
    problems.push('"files" is missing: everything in the folder would be published');
  if (typeof pkg.exports !== 'object' || pkg.exports === null) problems.push('"exports" map is missing');
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === 'string') {
      if (/\.m?js$/.test(target))
        problems.push(`exports["${subpath}"]: a module needs { "types", "default" }`);
      continue;
    }
    if (Object.keys(target)[0] !== 'types') problems.push(`exports["${subpath}"]: "types" must come first`);
  }
  if (!isBin && !pkg.exports?.['.']) problems.push('exports["."] is missing');
  const readme = files.get('README.md');
  if (!readme || !/```(ts|js|sh)/.test(readme.toString()))
    problems.push('README.md with a code example of the API is missing');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (/^(workspace|file|link):/.test(range))
        problems.push(`${field}["${name}"]: "${range}" cannot be installed from npm`);
    }
  }
  const declared = new Set(
    ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
      Object.keys(pkg[field] ?? {}),
    ),
  );
  for (const [path, content] of files) {
    if (!/\.m?js$/.test(path)) continue;
    for (const name of importedPackages(content.toString()))
      if (!declared.has(name) && name !== pkg.name)
        problems.push(`${path} imports ${name}, which package.json does not list: npm would not install it`);
  }
  const stray = [...files.keys()].filter((path) => NOT_SHIPPED.test(path));
  if (stray.length) problems.push(`not for the tarball: ${stray.join(', ')}`);
  return problems;
}

/**
 * The packages a built module imports, by package name (`@scope/name/sub` is `@scope/name`):
 * its static `import … from "x"` / `export … from "x"` / `import "x"` statements, which start a
 * line in the built files, and `import("x")`. Relative paths and Node's built-ins (`node:fs`)
 * are not packages.
 */
export function importedPackages(code) {
  const patterns = [
    /^(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/gm,
    /^import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const names = new Set();
  for (const [, specifier] of patterns.flatMap((pattern) => [...code.matchAll(pattern)])) {
    if (/^(\.|\/|node:)/.test(specifier)) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return names;
}

/** pnpm itself when this runs under `pnpm test`, else the team's `npx -y pnpm@10`. */
function pnpm(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return run(process.execPath, [execPath, ...args], { cwd: root });
  return run('npx', ['-y', 'pnpm@10', ...args], { cwd: root });
}

async function attw(tarball) {
  const cli = require.resolve('@arethetypeswrong/cli/package.json');
  const bin = join(dirname(cli), JSON.parse(readFileSync(cli, 'utf8')).bin.attw);
  // Exit status 1 means "problems found", and the JSON on stdout says which.
  const { stdout } = await run(
    process.execPath,
    [bin, tarball, '--profile', ATTW_PROFILE, '--format', 'json'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error) => (error.stdout ? error : Promise.reject(error)));
  const { analysis } = JSON.parse(stdout);
  return (analysis.problems ?? [])
    .filter((problem) => !ATTW_IGNORED.includes(problem.resolutionKind))
    .map((problem) => {
      const where = [problem.entrypoint, problem.resolutionKind ?? problem.resolutionOption, problem.fileName]
        .filter(Boolean)
        .join(' ');
      const what = problem.moduleSpecifier ? ` (import "${problem.moduleSpecifier}")` : '';
      return `${problem.kind}${what}${where ? ` at ${where}` : ''}`;
    });
}

async function check(folder, tarball) {
  const gz = readFileSync(tarball);
  const files = untar(gz);
  const pkg = JSON.parse(files.get('package.json').toString());
  const buffer = gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength);
  const [lint, types] = await Promise.all([
    publint({ pack: { tarball: buffer }, level: 'suggestion' }),
    attw(tarball),
  ]);
  return {
    folder,
    name: pkg.name,
    files: files.size,
    kB: (gz.length / 1024).toFixed(1),
    publint: lint.messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`),
    attw: types,
    rules: packagingProblems(pkg, files),
  };
}

async function main() {
  const wanted = process.argv.slice(2);
  const folders = readdirSync(join(root, 'packages')).filter((folder) => {
    const manifest = join(root, 'packages', folder, 'package.json');
    if (!existsSync(manifest) || (wanted.length && !wanted.includes(folder))) return false;
    return JSON.parse(readFileSync(manifest, 'utf8')).private !== true;
  });
  const missing = folders.filter((folder) => !existsSync(join(root, 'packages', folder, 'dist')));
  if (missing.length) {
    console.error(`packaging: no dist/ in ${missing.join(', ')}; run \`npx pnpm@10 build\` first`);
    process.exit(1);
  }

  const out = mkdtempSync(join(tmpdir(), 'tp-pack-'));
  try {
    const filters = folders.flatMap((folder) => ['--filter', `./packages/${folder}`]);
    await pnpm(['-r', ...filters, 'pack', '--pack-destination', out, '--config.ignore-scripts=true']);
    const tarballs = readdirSync(out);
    const results = await Promise.all(
      folders.map((folder) => {
        const { name, version } = JSON.parse(
          readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'),
        );
        const file = `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
        if (!tarballs.includes(file)) throw new Error(`pnpm pack made no ${file} for packages/${folder}`);
        return check(folder, join(out, file));
      }),
    );

    const count = (list) => (list.length ? `${list.length} problem${list.length > 1 ? 's' : ''}` : 'ok');
    const rows = [
      ['package', 'files', 'packed kB', 'publint', `attw (${ATTW_PROFILE})`, 'packaging rules'],
      ...results.map((r) => [r.name, String(r.files), r.kB, count(r.publint), count(r.attw), count(r.rules)]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows)
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      );

    let failed = false;
    for (const r of results) {
      for (const [tool, list] of [
        ['publint', r.publint],
        ['attw', r.attw],
        ['rules', r.rules],
      ]) {
        for (const problem of list) {
          failed = true;
          console.error(`${r.name} ${tool}: ${problem}`);
        }
      }
    }
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
