// Bytes per rule: removes one rule at a time from bench/floor/core.ts (text replacements, each must
// match) and measures esbuild --minify + brotli-11, with messages (a) and without (b).
// `node bench/floor/breakdown.mjs`
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const source = readFileSync('bench/floor/core.ts', 'utf8');
const size = (file, msg) => {
  const min = execFileSync(
    'npx',
    [
      'esbuild',
      file,
      '--bundle',
      '--minify',
      '--format=esm',
      '--define:__DEV__=false',
      `--define:__MSG__=${msg}`,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return brotliCompressSync(min, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
};
const R = (from, to = '') => [from, to];
const rules = {
  'STAGES export': [
    R("'discovery touchpoint interest purchase use service advocacy churn'.split(' ')", '[]'),
  ],
  'uuid fallback (non-secure contexts)': [
    R(/crypto\.randomUUID\?\.\(\) \?\?[\s\S]*?\);\n/, 'crypto.randomUUID();\n'),
  ],
  'default redaction (secret names, e-mails)': [
    R(/url\.replace\(\/\(\[\?&\][\s\S]*?: pair,\n {2}\);/, 'url;'),
  ],
  'redact option (and its fallback)': [
    R(/const redacted = \(url: string\): string => \{[\s\S]*?\n {2}\};/, 'const redacted = redactUrl;'),
    R('redact = redactUrl,', ''),
  ],
  'page context beyond url/path (title, referrer, cache)': [
    R(
      /const here = \(\) => \{[\s\S]*?return page;\n {2}\};/,
      "const here = () => dom ? ((page = { url: redacted(location.href.split('#')[0]) }), (page.path = new URL(page.url, location.href).pathname), page) : page;",
    ),
  ],
  'automatic page views + SPA navigation': [
    R(/ {2}if \(dom\) \{\n {4}const auto[\s\S]*?\n {2}\}\n {2}return tp;/, '  return tp;'),
    R('if (auto && url === lastView) return;', ''),
    R('lastView = url;', ''),
  ],
  '<body data-tp-stage>': [R(/if \(!explicit\) \{[\s\S]*?\n {4}\}\n {4}emit\('page'/, "emit('page'")],
  'props to JSON (sanitize)': [
    R(
      /const clean = \(props: unknown, field: string \| false\): Any => \{[\s\S]*?\n {2}\};\n\n {2}\/\/ --- events/,
      'const clean = (props: Any, _f: unknown): Any => props;\n\n  // --- events',
    ),
  ],
  'sanitize: value budget': [
    R(/if \(values > 499\) \{\n\s*note\(\);\n\s*break;\n\s*\}/, ''),
    R('values++;', ''),
  ],
  'track props.stage': [R(/if \(c && Object\.hasOwn\(c, 'stage'\)\) \{[\s\S]*?delete c\.stage;\n {6}\}/, '')],
  'name/stage/argument validation': [
    R(/if \(!isStage\(name\)\) throw 0;/, ''),
    R(
      /if \(typeof name != 'string' \|\| !\/\^\[A-Za-z\]\[\\w \.:-\]\{0,63\}\$\/\.test\(name\)\) throw 0;/,
      '',
    ),
    R("if (typeof id != 'string' || !id) throw 0;", ''),
    R("if (typeof granted != 'boolean') throw 0;", ''),
    R("if (typeof fn != 'function') throw 0;", ''),
  ],
  'session rotation (30 min, cross-tab re-read)': [
    R(
      /const live = [\s\S]*?if \(!live\(session\)\) session = \{ id: uuid\(\), trail: \[\] \};/,
      "let session = get('session') || { id: uuid(), trail: [] };",
    ),
  ],
  'journey trail (20 steps, stored)': [
    R(/if \(session\.trail\.push[\s\S]*?session\.trail\.shift\(\);/, ''),
    R('s?.trail && ', 's && '),
  ],
  'consent (buffer, decision, refusal)': [
    R(/const decision = get\('consent'\);[\s\S]*?let held: Any\[\] = \[\];/, 'const consented = 1;'),
    R(/if \(consented\) deliver\(event\);[\s\S]*?\n {4}\}\n {2}\};/, 'deliver(event);\n  };'),
    R(/consent\(granted: boolean\) \{[\s\S]*?release\.forEach\(deliver\);\n {4}\},/, ''),
    R(/get consented\(\) \{\n {6}return consented;\n {4}\},/, ''),
  ],
  'localStorage persistence (write-behind store)': [
    R(
      /const io = [\s\S]*?\n {2}const set = \(k: string, v: unknown\) => \{[\s\S]*?\n {2}\};/,
      'const io = (_f: Any) => {}; const get = (k: string, _f?: 1): Any => mem[k]; const flush = () => {}; const set = (k: string, v: unknown) => { mem[k] = v; };',
    ),
    R('let queued: unknown;', ''),
    R('let persist = true;', 'let persist: Any = true;'),
  ],
  'listener isolation (try/catch per listener)': [
    R(
      /sets\[type\]\?\.forEach\(\(fn: Any\) => \{[\s\S]*?\n {4}\}\);/,
      'sets[type]?.forEach((fn: Any) => fn(payload));',
    ),
  ],
  'never throws (method wrapper)': [
    R(/for \(const k in tp\) if \(typeof tp\[k\] == 'function'\) tp\[k\] = wrap\(k, tp\[k\]\);/, ''),
  ],
  'identify + reset': [
    R(/identify\(id: string[\s\S]*?\n {4}\},\n {4}consent/, 'consent'),
    R(/reset\(\) \{[\s\S]*?newIdentity\(\);\n {4}\},/, ''),
  ],
};
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/floor-all.ts', source);
const base = [size('.tmp/floor-all.ts', true), size('.tmp/floor-all.ts', false)];
console.log(`all rules: (a) ${base[0]} B, (b) ${base[1]} B`);
console.log('rule removed | (a) saves | (b) saves');
for (const [rule, edits] of Object.entries(rules)) {
  let text = source;
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${rule}: no match for ${from}`);
    text = next;
  }
  const file = `.tmp/floor-${rule.replace(/\W+/g, '-')}.ts`;
  writeFileSync(file, text);
  console.log(`${rule} | ${base[0] - size(file, true)} | ${base[1] - size(file, false)}`);
}
