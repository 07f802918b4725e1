#!/usr/bin/env node
// Builds side by side on bench-peers' page (its tag, its configuration, JS brotli and
// `no-store`), in one run: boot main-thread CPU (CDP `ThreadTime`, which a loaded machine does
// not stretch) and wall-clock (`TaskDuration`, bench-peers' "boot"), the JS heap after boot and
// after the forced prompt (after a GC), and show → visible. Every page, the blank one included,
// makes the same Playwright calls, so Playwright's own script (~550 KiB of heap, ~12 ms of CPU)
// is in the blank figure too and drops out of "over blank". Interleaved fresh contexts; medians.
//
//   node bench/profile-builds.mjs [--runs 13] --dist <dir> [--dist <dir> ...]
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { distFiles, installVisible, median, PEERS_CONFIG, pageHtml, untilVisible } from './profile-page.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 13;
const dists = args.flatMap((arg, i) => (args[i - 1] === '--dist' ? [path.resolve(arg)] : []));
if (!dists.length) dists.push(fileURLToPath(new URL('../dist/', import.meta.url)));

// /<build index>/<file>; /blank/page is the page without a tag.
const files = dists.map(distFiles);
const TAG = '<script src="touchpoint.js" data-endpoint="collect" data-config="tp.json" async></script>';

function serve() {
  const server = createServer((req, res) => {
    const [, build, file] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const send = (body, type, headers = {}) =>
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers }).end(body);
    if (file === 'page') return send(pageHtml(build === 'blank' ? '' : TAG), 'text/html');
    if (file === 'tp.json') return send(JSON.stringify(PEERS_CONFIG), 'application/json');
    const js = files[build]?.get(file);
    if (js) return send(js, 'text/javascript', { 'Content-Encoding': 'br' });
    req.resume();
    req.on('end', () => send('{}', 'application/json'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function once(browser, origin, build) {
  const context = await browser.newContext();
  await installVisible(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await metric('JSHeapUsedSize')) / 1024;
  };
  const blank = build === 'blank';
  await page.goto(`${origin}/${build}/page`, { waitUntil: 'load' });
  await page.waitForFunction(blank ? () => true : () => !!window.Touchpoint?.show);
  await page.waitForTimeout(1000);
  const run = {
    cpu: (await metric('ThreadTime')) * 1000,
    task: (await metric('TaskDuration')) * 1000,
    heapBoot: await heap(),
  };
  // The same evaluate on the blank page, so both carry Playwright's utility script.
  run.show = blank ? await page.evaluate(() => 0) : (await page.evaluate(untilVisible, ['show', 'nps-1'])).ms;
  await page.waitForTimeout(300);
  run.heapPrompt = await heap();
  await context.close();
  return run;
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const builds = ['blank', ...dists.map((_, i) => String(i))];
const runs = Object.fromEntries(builds.map((build) => [build, []]));
try {
  for (let i = 0; i < RUNS; i++)
    for (const build of builds) runs[build].push(await once(browser, origin, build));
} finally {
  await browser.close();
  server.close();
}
const at = (build, key) => median(runs[build].map((run) => run[key]));
const over = (build, key, digits) => (at(build, key) - at('blank', key)).toFixed(digits);
console.log(
  `${RUNS} interleaved runs, medians, over the blank page (which makes the same Playwright calls)\n`,
);
console.log(
  '| build | boot CPU ms | boot wall ms | heap after boot KiB | heap after prompt KiB | show → visible ms |',
);
console.log('|---|--:|--:|--:|--:|--:|');
for (const [i, dist] of dists.entries())
  console.log(
    `| ${dist} | ${over(String(i), 'cpu', 1)} | ${over(String(i), 'task', 1)} | ${over(String(i), 'heapBoot', 0)} | ${over(String(i), 'heapPrompt', 0)} | ${at(String(i), 'show').toFixed(1)} |`,
  );
