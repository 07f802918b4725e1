#!/usr/bin/env node
// Where a visitor's browser pays for the script tag: CPU profiles of its boot and of a shown
// prompt, and a heap snapshot after the prompt, on the page that bench-peers (the project's peers bench) measures
// (the same tag, the same configuration, JS served brotli-compressed from 127.0.0.1).
//
//   npx rollup -c --silent && node bench/profile-boot.mjs [--runs 7] [--dist dir] [--json file]
//
// Every run is a fresh browser context (cold HTTP cache, empty storage). The CPU profile uses
// CDP `Profiler` at a 100 µs sampling interval, started on an empty page of the same origin so
// it survives the navigation to the measured page. Frames are mapped back to their source file
// and function through dist/*.js.map. Printed (medians over the runs):
//   - boot: self time by source file and by bucket, and total (inclusive) time of the functions
//     named in PHASES, from navigation to 1 s after `load`, as bench-peers' "boot" window;
//   - show: the same from `Touchpoint.show(id)` to the visible prompt;
//   - trace: main-thread time by trace event (script compile and evaluation per file, style,
//     layout, paint, GC), from a `Tracing` run of one boot + show;
//   - heap: a snapshot after the prompt shows and a forced GC, by node type and constructor,
//     minus a blank page's.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { distOption, installVisible, median, option, serveSite, TAG, untilVisible } from './profile-page.mjs';

const RUNS = Number(option('--runs', 7));
const DIST = distOption();
const JSON_OUT = option('--json', null);

// The page and configuration of bench-peers (the project's peers bench)/measure.mjs (its `touchpoint` subject).
const HEADS = {
  blank: '',
  empty: '',
  touchpoint: TAG,
};
const READY = () => !!(window.Touchpoint && typeof window.Touchpoint.show === 'function');
// Functions whose inclusive time is reported, by their name in the sources (the source map's
// `names`), with the phase of the boot they stand for.
const PHASES = [
  ['start', 'script tag start (everything the tag runs synchronously)'],
  ['readTag', 'data-* attributes read'],
  ['previewConfig', 'preview check (sessionStorage)'],
  ['createTouchpoint', 'instance creation (everything createTouchpoint runs)'],
  ['createInstance', 'instance creation (consent, identity from localStorage; before the modules)'],
  ['startConsent', 'consent decision read (localStorage, first access)'],
  ['loadIdentity', 'identity read (localStorage)'],
  ['startConfig', 'configuration start (cached copy, fetch)'],
  ['createTriggers', 'survey triggers creation (config load started)'],
  ['loadConfig', 'configuration fetch started'],
  ['apply', 'configuration validation + hash'],
  ['validateConfig', 'configuration validation'],
  ['configHash', 'configuration hash'],
  ['connect', 'adapter connect'],
  ['trackClicks', 'click tracking set-up'],
  ['withPush', 'queue replay set-up'],
  ['view', 'page view (stage, sanitize, emit)'],
  ['pageView', 'page view (stage, sanitize, emit)'],
  ['buildEvent', 'event building'],
  ['touchSession', 'session read/write'],
  ['flush', 'write-behind to storage'],
  ['readPage', 'page context (URL, title, referrer)'],
  ['lazyWidget', 'lazy widget set-up'],
  ['loadWidget', 'widget <script> inserted'],
  ['mountWidget', 'widget mount'],
  ['applyStyles', 'style sheet creation'],
  ['render', 'Preact render'],
];

// ------------------------------------------------------------------------------------ server
const serve = () => serveSite(DIST, (name) => HEADS[name]);

// ------------------------------------------------------------------------- source mapping
const maps = new Map(); // file → SourceMap | null
function mapOf(file) {
  if (!maps.has(file)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {}
    maps.set(file, map);
  }
  return maps.get(file);
}
const mapFor = (url) => {
  const file = /\/dist\/([^/?#]+)$/.exec(url)?.[1];
  return file ? mapOf(path.join(DIST, file)) : null;
};

/**
 * The script tag bundles the packages' built files (packages/core/dist/index.js), which have
 * maps of their own: follow them down to the TypeScript sources.
 */
function original(map, line, column, from) {
  let entry = map.findEntry(line, column);
  let base = from; // the file whose map gave `entry`
  let source;
  for (let depth = 0; entry?.originalSource && depth < 3; depth++) {
    source = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : path.resolve(path.dirname(base), entry.originalSource);
    const next = /\.js$/.test(source) ? mapOf(source) : null;
    const deeper = next?.findEntry(entry.originalLine, entry.originalColumn);
    if (!deeper?.originalSource) break;
    entry = { ...deeper, name: deeper.name || entry.name };
    base = source;
  }
  return entry?.originalSource ? { ...entry, originalSource: source } : entry;
}

/** Shortens a source path: `packages/core/src/store.ts`, `preact`, `idb-keyval`. */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
function shortSource(source) {
  let real = source;
  try {
    real = realpathSync(source); // a --dist beside symlinks to this checkout's packages/
  } catch {}
  const clean = real.startsWith(ROOT) ? real.slice(ROOT.length) : real;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(clean);
  return dependency ? dependency[1] : clean;
}

/** A frame as `{ file, name }`: our files through the source map, others by URL or V8 bucket. */
function frameOf(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) return { file: functionName || '(anonymous)', name: functionName || '(anonymous)' };
  const map = mapFor(url);
  if (!map) return { file: url.replace(/^https?:\/\/[^/]+/, ''), name: functionName || '(anonymous)' };
  const entry = original(map, lineNumber, columnNumber, path.join(DIST, /\/dist\/([^/?#]+)$/.exec(url)[1]));
  const file = entry?.originalSource ? shortSource(entry.originalSource) : url;
  // The function's own name from the sources: the map's name at its start, else what V8 saw.
  const name = entry?.name || functionName || '(anonymous)';
  return { file, name, line: (entry?.originalLine ?? 0) + 1 };
}

// ------------------------------------------------------------------------------ CPU profile
/** Self and inclusive time (ms) by file, by `file name`, and by the names in PHASES. */
function summarize(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = new Map(profile.nodes.map((n) => [n.id, frameOf(n.callFrame)]));
  const selfByFile = {};
  const selfByFunction = {};
  const total = {};
  const phaseNames = new Set(PHASES.map(([name]) => name));
  const add = (into, key, ms) => (into[key] = (into[key] ?? 0) + ms);
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one (V8's own convention in DevTools).
    const ms = (i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0) / 1000;
    const leaf = frames.get(samples[i]);
    if (leaf.file === '(idle)') continue;
    add(selfByFile, leaf.file, ms);
    add(selfByFunction, `${leaf.file} ${leaf.name}${leaf.line ? `:${leaf.line}` : ''}`, ms);
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = frames.get(id);
      const tp = /^(packages|script)\//.test(frame.file);
      const key = tp && phaseNames.has(frame.name) ? frame.name : null;
      if (key && !seen.has(key)) {
        seen.add(key);
        add(total, key, ms);
      }
      const bucket = bucketOf(frame.file);
      if (bucket && !seen.has(`bucket:${bucket}`)) {
        seen.add(`bucket:${bucket}`);
        add(total, `bucket:${bucket}`, ms);
      }
      if (!nodes.has(id)) break;
    }
  }
  return { selfByFile, selfByFunction, total };
}

/** Which bundle a source file ships in, for the inclusive "bucket" totals. */
function bucketOf(file) {
  if (/^packages\/(core|adapter)\//.test(file) || /^idb-keyval/.test(file)) return 'touchpoint.js';
  if (/^script\//.test(file)) return 'script glue';
  if (/^packages\/widget\//.test(file) || /^(preact|@preact)/.test(file)) return 'touchpoint-widget.js';
  return null;
}

// ------------------------------------------------------------------------------------ trace
/** Main-thread self time (ms) of the renderer's trace events, by name (and script for compile/evaluate). */
function traceSummary(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'EvaluateScript'),
  );
  if (!main) return {};
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = {};
  const stack = [];
  const label = (e) => {
    const url = e.args?.data?.url || e.args?.fileName || e.args?.data?.fileName || '';
    const file = /\/dist\/([^/?#]+)/.exec(url)?.[1];
    return file ? `${e.name} ${file}` : e.name;
  };
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const key = label(e);
    self[key] = (self[key] ?? 0) + e.dur / 1000;
    const up = stack.at(-1);
    if (up) self[label(up)] -= Math.min(e.dur, up.ts + up.dur - e.ts) / 1000;
    stack.push(e);
  }
  return self;
}

// ------------------------------------------------------------------------------------- heap
async function heapSnapshot(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join(''));
  const {
    node_fields: fields,
    node_types: [types],
  } = snapshot.snapshot.meta;
  const width = fields.length;
  const at = Object.fromEntries(fields.map((f, i) => [f, i]));
  const byType = {};
  const byName = {};
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + at.type]];
    const size = nodes[i + at.self_size];
    byType[type] = (byType[type] ?? 0) + size;
    const name = strings[nodes[i + at.name]];
    // Code and hidden internals are named after their kind ("(bytecode)", "system / Map");
    // objects after their constructor; closures and strings by type only.
    const key =
      type === 'object' || type === 'code' || type === 'hidden' || type === 'native'
        ? `${type} ${name.slice(0, 60)}`
        : type;
    byName[key] = (byName[key] ?? 0) + size;
    // Long strings are mostly script sources: named by their first characters.
    if (type === 'string' && size > 4096)
      byName[`string "${name.slice(0, 40).replace(/\s+/g, ' ')}…"`] = size;
  }
  return { byType, byName };
}

// ---------------------------------------------------------------------------------- one run
const INTERVAL_US = 100;

async function once(browser, origin, subject, { heap = false } = {}) {
  const context = await browser.newContext();
  await installVisible(context);
  const page = await context.newPage();
  // An empty page of the same origin first: the measured navigation then stays in this
  // renderer, so the profiler started here sees it from its first task.
  await page.goto(`${origin}/page/empty`);
  const cdp = await context.newCDPSession(page);
  // The heap runs go without the profiler: it keeps data of its own (script line ends).
  const profiling = !heap;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${origin}/page/${subject}`, { waitUntil: 'load' });
  // The blank page gets the same Playwright calls: waitForFunction and evaluate inject
  // Playwright's own script into the page (over 500 KiB of heap), which must not count.
  const tp = subject === 'touchpoint';
  await page.waitForFunction(tp ? READY : () => true, null, { timeout: 10_000 });
  await page.waitForTimeout(1000);
  const boot = profiling ? (await cdp.send('Profiler.stop')).profile : undefined;
  if (profiling) await cdp.send('Profiler.start');
  let showMs = {};
  if (tp) {
    const { ms, frames, t0 } = await page.evaluate(untilVisible, ['show', 'nps-1']);
    // Where the time went: the widget file's request, from its resource timing entry.
    const file = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .find((e) => /touchpoint-widget/.test(e.name))
        ?.toJSON(),
    );
    showMs = {
      visible: ms,
      frames,
      requested: file ? file.startTime - t0 : 0,
      received: file ? file.responseEnd - t0 : 0,
    };
  } else await page.evaluate(() => 0);
  await page.waitForTimeout(300);
  const show = profiling && tp ? (await cdp.send('Profiler.stop')).profile : undefined;
  const snapshot = heap ? await heapSnapshot(cdp) : undefined;
  await context.close();
  return { boot, show, showMs, snapshot };
}

async function traced(browser, origin) {
  const context = await browser.newContext();
  await installVisible(context);
  const page = await context.newPage();
  await page.goto(`${origin}/page/empty`);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'disabled-by-default-v8.compile',
      'blink',
    ],
  });
  await page.goto(`${origin}/page/touchpoint`, { waitUntil: 'load' });
  await page.waitForFunction(READY, null, { timeout: 10_000 });
  await page.waitForTimeout(1000);
  await page.evaluate(untilVisible, ['show', 'nps-1']);
  await page.waitForTimeout(300);
  const trace = await browser.stopTracing();
  await context.close();
  return traceSummary(trace);
}

// ------------------------------------------------------------------------------------ report
/** Median of each key across runs (a key missing from a run counts 0 there). */
const medians = (records) => {
  const keys = new Set(records.flatMap((r) => Object.keys(r)));
  return Object.fromEntries([...keys].map((k) => [k, median(records.map((r) => r[k] ?? 0))]));
};
const top = (record, n, min = 0.05) =>
  Object.entries(record)
    .filter(([, v]) => v >= min)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
const table = (title, rows, unit = 'ms') =>
  [
    `| ${title} | ${unit} |`,
    '|---|---:|',
    ...rows.map(([k, v]) => `| ${k} | ${v.toFixed(unit === 'KiB' ? 0 : 1)} |`),
  ].join('\n');

async function main() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const boots = { blank: [], touchpoint: [] };
  const shows = [];
  const showMs = [];
  const showSteps = [];
  for (let i = 0; i < RUNS; i++)
    for (const subject of ['blank', 'touchpoint']) {
      const run = await once(browser, origin, subject);
      boots[subject].push(summarize(run.boot));
      if (run.show) {
        shows.push(summarize(run.show));
        showMs.push(run.showMs.visible);
        showSteps.push(run.showMs);
      }
    }
  const trace = await traced(browser, origin);
  const heapBlank = (await once(browser, origin, 'blank', { heap: true })).snapshot;
  const heapTp = (await once(browser, origin, 'touchpoint', { heap: true })).snapshot;
  const version = browser.version();
  await browser.close();
  server.close();

  const pick = (runs, what) => medians(runs.map((r) => r[what]));
  const bootSelfFile = pick(boots.touchpoint, 'selfByFile');
  const blankSelfFile = pick(boots.blank, 'selfByFile');
  const bootTotal = pick(boots.touchpoint, 'total');
  const showTotal = pick(shows, 'total');
  const diff = (a, b) =>
    Object.fromEntries(Object.keys({ ...a, ...b }).map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)]));
  const kib = (record) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v / 1024]));
  const phaseRows = (totals) =>
    PHASES.filter(([name]) => totals[name] > 0).map(([name, what]) => [`${name} — ${what}`, totals[name]]);
  const bucketRows = (totals) =>
    Object.entries(totals)
      .filter(([k]) => k.startsWith('bucket:'))
      .map(([k, v]) => [k.slice(7), v]);
  const heapByType = diff(kib(heapTp.byType), kib(heapBlank.byType));
  const heapByName = diff(kib(heapTp.byName), kib(heapBlank.byName));
  const sum = (record) => Object.values(record).reduce((a, b) => a + b, 0);

  const out = [
    `Chromium ${version} · ${RUNS} cold runs of each page · CPU sampling every ${INTERVAL_US} µs · medians`,
    '',
    `Boot, self time by source (navigation → 1 s after load; sampled CPU of the touchpoint page, the blank page's beside it):`,
    '',
    '| source | touchpoint page ms | blank page ms |',
    '|---|---:|---:|',
    ...top(bootSelfFile, 18).map(
      ([k, v]) => `| ${k} | ${v.toFixed(1)} | ${(blankSelfFile[k] ?? 0).toFixed(1)} |`,
    ),
    '',
    table('Boot, inclusive time by bundle', bucketRows(bootTotal)),
    '',
    table('Boot, inclusive time by phase (function in the sources)', phaseRows(bootTotal)),
    '',
    table('Boot, hottest functions (self)', top(pick(boots.touchpoint, 'selfByFunction'), 20, 0.1)),
    '',
    `Show → visible: median ${median(showMs).toFixed(1)} ms (${showMs.map((v) => v.toFixed(1)).join(', ')}); ` +
      `widget file requested at ${median(showSteps.map((s) => s.requested)).toFixed(1)} ms, ` +
      `received at ${median(showSteps.map((s) => s.received)).toFixed(1)} ms, visible after ${median(showSteps.map((s) => s.frames))} animation frame(s)`,
    '',
    table('Show, self time by source', top(pick(shows, 'selfByFile'), 14)),
    '',
    table('Show, inclusive time by phase', [...bucketRows(showTotal), ...phaseRows(showTotal)]),
    '',
    table('Boot + show, main-thread trace events (self time, one run)', top(trace, 25, 0.2)),
    '',
    `Heap after the prompt (snapshot after a forced GC) minus a blank page's: ${sum(heapByType).toFixed(0)} KiB`,
    '',
    table('Heap over blank by node type', top(heapByType, 14, 1), 'KiB'),
    '',
    table('Heap over blank by kind / constructor', top(heapByName, 25, 4), 'KiB'),
  ].join('\n');
  console.log(out);
  if (JSON_OUT)
    writeFileSync(
      JSON_OUT,
      JSON.stringify({ version, runs: RUNS, boots, shows, showMs, trace, heapBlank, heapTp }, null, 1),
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
