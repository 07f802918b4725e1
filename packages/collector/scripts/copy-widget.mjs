// Copies the script-tag build's widget files (dist/touchpoint-widget.js and one per language)
// into packages/collector/dist/widget/, the collector's own copy that link-survey pages load
// from /s/_/. Run by the root `build` after rollup.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../../dist/', import.meta.url));
const to = fileURLToPath(new URL('../dist/widget/', import.meta.url));
mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((name) => /^touchpoint-widget(\.[a-z]{2})?\.js$/.test(name));
if (!files.length) throw new Error(`[touchpoint] no widget file in ${from}: run rollup first`);
for (const name of files) copyFileSync(`${from}${name}`, `${to}${name}`);
