#!/usr/bin/env node
// The JS heap a page pays for the script tag, at each step, on the page bench-peers (the project's peers bench)
// measures: after boot (no prompt), after `Touchpoint.show(id)` made the prompt visible, and
// the same with V8 flags that take one kind of memory away (to tell code from data).
// The heap is deterministic (a forced GC, then CDP `JSHeapUsedSize`), so few runs are needed.
//
//   npx rollup -c --silent && node bench/profile-heap.mjs [--dist dir] [--config file.json] [--flags]
//
// The blank page gets the same Playwright calls as the measured one: `waitForFunction` and
// `evaluate` inject Playwright's own script into the page (about 550 KiB of heap), which
// bench-peers' blank page does not get, so its "heap over blank" carries that for every SDK.
import { readFileSync } from 'node:fs';
import { launch } from './chromium.mjs';
import {
  distOption,
  installVisible,
  option,
  PEERS_CONFIG,
  serveSite,
  TAG,
  untilVisible,
} from './profile-page.mjs';

const DIST = distOption();
const CONFIG_FILE = option('--config', null);
const WITH_FLAGS = process.argv.includes('--flags');

const CONFIG = CONFIG_FILE ? JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) : PEERS_CONFIG;
const serve = () => serveSite(DIST, (name) => (name === 'touchpoint' ? TAG : ''), CONFIG);

async function heapOf(browser, origin, subject) {
  const context = await browser.newContext();
  await installVisible(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024;
  };
  await page.goto(`${origin}/page/${subject}`, { waitUntil: 'load' });
  const tp = subject === 'touchpoint';
  await page.waitForFunction(tp ? () => !!window.Touchpoint?.show : () => true);
  await page.waitForTimeout(1000);
  const boot = await used();
  // The blank page gets an evaluate too: Playwright's utility script counts on both.
  await (tp ? page.evaluate(untilVisible, ['show', 'nps-1']) : page.evaluate(() => 0));
  await page.waitForTimeout(300);
  const shown = await used();
  await context.close();
  return { boot, shown };
}

const FLAG_SETS = [
  ['as shipped', ''],
  // Each takes one kind of V8 memory away; the difference is what that kind costs.
  ['no Sparkplug/Maglev (baseline and optimized code)', '--no-sparkplug --no-maglev --no-turbofan'],
  ['regexps interpreted (no native regexp code)', '--regexp-interpret-all'],
];

async function main() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  for (const [label, flags] of WITH_FLAGS ? FLAG_SETS : FLAG_SETS.slice(0, 1)) {
    const browser = await launch(flags ? [`--js-flags=${flags}`] : []);
    const blank = await heapOf(browser, origin, 'blank');
    const tp = await heapOf(browser, origin, 'touchpoint');
    await browser.close();
    rows.push(
      `| ${label} | ${(tp.boot - blank.boot).toFixed(0)} | ${(tp.shown - blank.shown).toFixed(0)} | ${(tp.shown - tp.boot).toFixed(0)} |`,
    );
  }
  server.close();
  console.log(
    '| JS heap over blank (KiB, after a forced GC) | after boot | prompt shown | the prompt alone |',
  );
  console.log('|---|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
