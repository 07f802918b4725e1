#!/usr/bin/env node
// What each part of the script tag's boot costs the main thread, by taking parts away: the
// same page as bench-peers (the project's peers bench) (its "boot main-thread ms": CDP TaskDuration from
// navigation to 1 s after `load`), with the tag's attributes removed one at a time, with
// the file only compiled, never run, and with inline scripts that only touch the platform APIs
// the tag uses (one at a time, and all that its guarantees need together: the floor no build of
// the tag can go under). Also the JS heap after boot and a forced GC. Medians of interleaved runs
// in one browser, each a fresh context (cold cache, empty storage); every page, blank included,
// gets the same Playwright call, so Playwright's own heap and CPU are not counted.
//
//   npx rollup -c --silent && node bench/profile-ablate.mjs [--runs 11] [--dist dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.mjs';
import { distOption, median, option, PEERS_CONFIG, serveSite } from './profile-page.mjs';

const RUNS = Number(option('--runs', 11));
const DIST = distOption();

const inline = JSON.stringify(PEERS_CONFIG).replace(/"/g, '&quot;');

// Each variant: the page's head, and whether window.Touchpoint becomes live.
const VARIANTS = {
  blank: ['', false],
  // What the platform charges for the first use of each storage API the tag touches, alone.
  'inline script: indexedDB.open + createObjectStore': [
    '<script>indexedDB.open("t", 1).onupgradeneeded = (e) => e.target.result.createObjectStore("s")</script>',
    false,
  ],
  'inline script: navigator.locks.request': [
    '<script>navigator.locks.request("x", () => {})</script>',
    false,
  ],
  'inline script: localStorage.getItem': ['<script>localStorage.getItem("x")</script>', false],
  'inline script: sessionStorage.getItem': ['<script>sessionStorage.getItem("x")</script>', false],
  // The calls the tag's guarantees need on every page, with nothing of the tag around them:
  // identity, session and consent from localStorage, the page view stored in IndexedDB before it
  // can be sent, the queue's Web Lock, the configuration fetched. The floor of the tag's boot.
  'inline script: the platform calls the tag cannot skip': [
    `<script>(() => {
      for (const key of ['tp:anon', 'tp:session', 'tp:consent']) localStorage.getItem(key);
      localStorage.setItem('tp:anon', JSON.stringify(crypto.randomUUID()));
      localStorage.setItem('tp:session', JSON.stringify({ id: crypto.randomUUID(), at: Date.now() }));
      const open = indexedDB.open('touchpoint', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('queue');
      open.onsuccess = () =>
        open.result.transaction('queue', 'readwrite').objectStore('queue').put({ type: 'page' }, 1);
      navigator.locks.request('touchpoint-queue', () => {});
      fetch('/tp.json').then((response) => response.json());
    })()</script>`,
    false,
  ],
  'compiled only (the file wrapped in `if (false)`)': [
    '<script src="/dist/parse-only.js" async></script>',
    false,
  ],
  'no attributes (core + glue: storage, first page view)': [
    '<script src="/dist/touchpoint.js" async></script>',
    true,
  ],
  '+ data-config URL (fetch, validate)': [
    '<script src="/dist/touchpoint.js" data-config="/tp.json" async></script>',
    true,
  ],
  '+ data-config-inline instead': [
    `<script src="/dist/touchpoint.js" data-config-inline="${inline}" async></script>`,
    true,
  ],
  '+ data-endpoint (IndexedDB queue, lock)': [
    '<script src="/dist/touchpoint.js" data-endpoint="/collect" async></script>',
    true,
  ],
  'as bench-peers: data-endpoint + data-config URL': [
    '<script src="/dist/touchpoint.js" data-endpoint="/collect" data-config="/tp.json" async></script>',
    true,
  ],
};

const names = Object.keys(VARIANTS);

// /page/<index of the variant>; the file only compiled is served beside the built ones.
const parseOnly = `if (self.__never) {\n${readFileSync(path.join(DIST, 'touchpoint.js'))}\n}`;
const serve = () =>
  serveSite(DIST, (index) => VARIANTS[names[index]]?.[0], PEERS_CONFIG, { 'parse-only.js': parseOnly });

async function once(browser, origin, index) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${origin}/page/${index}`, { waitUntil: 'load' });
  // Every variant gets the same Playwright call, which injects Playwright's script into the page.
  const live = VARIANTS[names[index]][1];
  await page.waitForFunction(live ? () => !!window.Touchpoint?.show : () => true);
  await page.waitForTimeout(1000);
  const boot = (await cdp.send('Performance.getMetrics')).metrics;
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Performance.getMetrics')).metrics;
  await context.close();
  const metric = (metrics, name) => metrics.find((m) => m.name === name).value;
  return {
    ...Object.fromEntries(METRICS.map((name) => [name, metric(boot, name) * 1000])),
    [HEAP]: metric(after, 'JSHeapUsedSize') / 1024,
  };
}

// TaskDuration is what bench-peers reports: wall-clock time of the main thread's tasks, which
// grows when other processes take the CPU. ThreadTime is the main thread's CPU time, which
// does not: on a loaded machine it is the figure to compare.
const METRICS = ['TaskDuration', 'ThreadTime', 'ScriptDuration', 'V8CompileDuration'];
/** The JS heap after boot and a forced GC, KiB. */
const HEAP = 'heap KiB';

async function main() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const runs = names.map(() => []);
  for (let i = 0; i < RUNS; i++)
    for (let v = 0; v < names.length; v++) runs[v].push(await once(browser, origin, v));
  const version = browser.version();
  await browser.close();
  server.close();
  const at = (v, metric) => median(runs[v].map((run) => run[metric]));
  const columns = [...METRICS, HEAP];
  console.log(
    `Chromium ${version} · ${RUNS} interleaved runs · CDP Performance metrics (ms; the heap after GC in KiB), median; over blank\n`,
  );
  console.log(`| page | ${columns.map((m) => `${m} | over blank`).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:|---:').join('|')}|`);
  for (const [v, name] of names.entries())
    console.log(
      `| ${name} | ${columns.map((m) => `${at(v, m).toFixed(1)} | ${(at(v, m) - at(0, m)).toFixed(1)}`).join(' | ')} |`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
