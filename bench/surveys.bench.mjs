// What one track() costs as the survey configuration grows: 1,000 surveys, each waiting for
// an event of its own on a page of its own, and events that none of them waits for (the
// common case: most events trigger nothing). The core is bundled from its sources (production
// build, as scripts/size.mjs does), so another checkout's sources can be measured the same way:
// `node bench/surveys.bench.mjs [path/to/packages/core/src]` (or through bench/run.mjs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { installPageGlobals, PAGE_GLOBALS } from './core.bench.mjs';

const EVENTS = 2000;
const ROUNDS = 5;

async function loadCore(src) {
  const result = await build({
    entryPoints: [join(src, 'index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    define: { __DEV__: 'false' },
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'tp-bench-'));
  const file = join(dir, 'core.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(core, count) {
  const surveys = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    metric: 'nps',
    question: `Question ${i}?`,
    when: { pages: [`/page-${i}/**`], event: `event_${i}` },
  }));
  const tp = core.createTouchpoint({ autoPageviews: false, config: { version: 1, surveys } });
  tp.page();
  for (let i = 0; i < 200; i++) tp.track('warm_up'); // let the JIT settle
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < EVENTS; i++) tp.track('product_viewed');
    best = Math.min(best, performance.now() - start);
    await Promise.resolve(); // the write-behind storage flushes, as a page's task would end
  }
  return {
    name: `track() with ${count} surveys`,
    events: EVENTS,
    'best ms': +best.toFixed(1),
    'µs/event': +((best / EVENTS) * 1000).toFixed(2),
  };
}

export async function run(src = resolve('packages/core/src')) {
  const core = await loadCore(src);
  // A page: happy-dom's window, location and localStorage, as the core uses them.
  const window = new Window({ url: 'https://shop.example/products/x1' });
  const saved = Object.fromEntries(PAGE_GLOBALS.map((key) => [key, globalThis[key]]));
  installPageGlobals(window);
  try {
    return [await measure(core, 10), await measure(core, 1000)];
  } finally {
    Object.assign(globalThis, saved);
    await window.happyDOM.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run(process.argv[2]));
