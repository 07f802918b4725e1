#!/usr/bin/env node
// How long a survey takes from "due" to a visible prompt, for builds side by side (interleaved
// runs in one browser, each a fresh context: cold HTTP cache, empty storage). Two pages:
//   event  — a survey on this page that waits for an event (`when: { pages, event }`); the page
//            loads, sits 1 s, then tracks the event. The files are served cacheable, as a CDN
//            serves them, so a file fetched ahead is found in the HTTP cache.
//   forced — bench-peers' page: a survey meant for another page, forced with
//            `Touchpoint.show(id)`; files served `no-store`, as that bench does.
// Printed per build: median (min–max) ms until the prompt is visible, and widget requests.
// `--latency <ms>` adds a round-trip latency to every request (CDP network emulation), as a
// real network has: on 127.0.0.1 a request costs almost nothing, so fetching ahead saves little.
//
//   node bench/profile-show.mjs [--runs 11] [--latency 0] --dist <dir> [--dist <dir> ...]
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './chromium.mjs';
import { distFiles, installVisible, median, PEERS_CONFIG, pageHtml, untilVisible } from './profile-page.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 11;
const LATENCY = args.includes('--latency') ? Number(args[args.indexOf('--latency') + 1]) : 0;
const dists = args.flatMap((arg, i) => (args[i - 1] === '--dist' ? [path.resolve(arg)] : []));
if (!dists.length) dists.push(fileURLToPath(new URL('../dist/', import.meta.url)));

const SURVEY = PEERS_CONFIG.surveys[0];
const SCENARIOS = {
  event: {
    config: {
      ...PEERS_CONFIG,
      surveys: [{ ...SURVEY, when: { pages: ['/*/event/page'], event: 'order_completed' } }],
    },
    cache: 'max-age=3600',
    due: ['track', 'order_completed'],
  },
  forced: { config: PEERS_CONFIG, cache: 'no-store', due: ['show', 'nps-1'] },
};

// /<build index>/<scenario>/<file>
const files = dists.map(distFiles);

function serve() {
  const server = createServer((req, res) => {
    const [, build, scenario, file] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const s = SCENARIOS[scenario];
    const send = (body, type, headers = {}) =>
      res
        .writeHead(body ? 200 : 404, {
          'Content-Type': type,
          'Cache-Control': s?.cache ?? 'no-store',
          ...headers,
        })
        .end(body);
    if (!s) return send('', 'text/plain');
    if (file === 'page')
      return send(
        pageHtml('<script src="touchpoint.js" data-endpoint="collect" data-config="tp.json" async></script>'),
        'text/html',
      );
    if (file === 'tp.json') return send(JSON.stringify(s.config), 'application/json');
    const js = files[build]?.get(file);
    if (js) return send(js, 'text/javascript', { 'Content-Encoding': 'br' });
    req.resume();
    req.on('end', () => send('{}', 'application/json'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function once(browser, origin, build, scenario) {
  const context = await browser.newContext();
  await installVisible(context);
  const page = await context.newPage();
  if (LATENCY) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  let widgetRequests = 0;
  page.on('request', (r) => {
    if (/touchpoint-widget/.test(r.url())) widgetRequests++;
  });
  await page.goto(`${origin}/${build}/${scenario}/page`, { waitUntil: 'load' });
  await page.waitForFunction(() => !!window.Touchpoint?.show);
  await page.waitForTimeout(1000);
  const { ms } = await page.evaluate(untilVisible, SCENARIOS[scenario].due);
  await context.close();
  return { ms, widgetRequests };
}

async function main() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const results = {};
  for (let i = 0; i < RUNS; i++)
    for (const scenario of Object.keys(SCENARIOS))
      for (let build = 0; build < dists.length; build++) {
        const key = `${scenario}\t${build}`;
        results[key] ??= [];
        results[key].push(await once(browser, origin, build, scenario));
      }
  const version = browser.version();
  await browser.close();
  server.close();
  console.log(
    `Chromium ${version} · ${RUNS} interleaved runs · ${LATENCY} ms added latency · due → visible prompt, ms\n`,
  );
  console.log('| page | build | median ms | min–max ms | widget requests |');
  console.log('|---|---|---:|---:|---:|');
  for (const [key, runs] of Object.entries(results)) {
    const [scenario, build] = key.split('\t');
    const ms = runs.map((r) => r.ms);
    console.log(
      `| ${scenario} | ${dists[build]} | ${median(ms).toFixed(1)} | ${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} | ${median(runs.map((r) => r.widgetRequests))} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
