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
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { distFiles, installVisible, PEERS_CONFIG, pageHtml, TAG, untilVisible } from './profile-page.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args[at + 1];
};
const DIST = path.resolve(option('--dist', fileURLToPath(new URL('../dist/', import.meta.url))));
const CONFIG_FILE = option('--config', null);
const WITH_FLAGS = args.includes('--flags');

const CONFIG = CONFIG_FILE ? JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) : PEERS_CONFIG;
const files = distFiles(DIST);

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status, body, type, headers = {}) =>
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers }).end(body);
    if (url.pathname.startsWith('/page/'))
      return send(200, pageHtml(url.pathname === '/page/touchpoint' ? TAG : ''), 'text/html');
    const file = files.get(url.pathname.replace(/^\/dist\//, ''));
    if (file) return send(200, file, 'text/javascript', { 'Content-Encoding': 'br' });
    if (url.pathname === '/tp.json') return send(200, JSON.stringify(CONFIG), 'application/json');
    req.resume();
    req.on('end', () => send(200, '{}', 'application/json'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

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
