// Where track() spends its time in Chromium with the adapter attached: a CPU profile (CDP
// Profiler, 50 µs sampling) of 10,000 Touchpoint.track() calls in one task on a page that loads
// the built script tag, self time summed by function over fresh contexts, mapped to the sources
// through the bundle's source map. Run after `npx rollup -c --silent`:
//   node bench/adapter-track-profile.mjs [with|no-adapter] [dist/touchpoint.js] [runs]
// The collector answers 503, as in bench/browser.bench.mjs, so the queue only grows.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { launch, site } from './chromium.mjs';

const [mode = 'with', script = 'dist/touchpoint.js', runsArg = '5'] = process.argv.slice(2);
const withAdapter = mode !== 'no-adapter';
const runs = Number(runsArg);
const EVENTS = 10_000;

const html = `<!doctype html><html><head><script src="/tp.js"${withAdapter ? ' data-endpoint="/collect"' : ''}></script></head><body>x</body></html>`;
const served = await site({ '/p': html });
served.collector.status = 503;
const browser = await launch();
const map = new SourceMap(JSON.parse(readFileSync(`${script}.map`, 'utf8')));

/** `name @ source:line` of a profile node, through the source map for the script under test. */
function where(frame) {
  let place = frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber}` : '';
  if (frame.url.endsWith('/tp.js')) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource)
      place = `${entry.originalSource.replace(/.*packages\//, '').replace(/.*script\//, 'script/')}:${entry.originalLine + 1}`;
  }
  return `${frame.functionName || '(anonymous)'} @ ${place}`;
}

const self = new Map();
const loops = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.route('**/tp.js', (route) =>
      route.fulfill({ body: readFileSync(script), contentType: 'text/javascript' }),
    );
    await tab.goto(`${served.url}/p`);
    if (withAdapter)
      await tab.waitForFunction(async () =>
        (await indexedDB.databases()).some((d) => d.name === 'touchpoint-queue /collect'),
      );
    await tab.waitForTimeout(300);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    loops.push(
      await tab.evaluate((n) => {
        const tp = window.Touchpoint;
        const start = performance.now();
        for (let j = 0; j < n; j++) tp.track('product_viewed', { sku: `SKU-${j % 500}`, price: j % 97 });
        return performance.now() - start;
      }, EVENTS),
    );
    // The write of the burst to IndexedDB runs after the loop: profiled too.
    await tab.waitForTimeout(800);
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const key = where(nodes.get(id).callFrame);
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    await context.close();
  }
} finally {
  await browser.close();
  served.close();
}

loops.sort((a, b) => a - b);
const median = loops[loops.length >> 1];
console.log(
  `${withAdapter ? 'with' : 'without'} the adapter, ${script}: the loop took ${loops.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
    `(median ${Math.round((EVENTS / median) * 1000).toLocaleString('en')} events/s)`,
);
console.log('self time per run, by function:');
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${(us / 1000 / runs).toFixed(1).padStart(8)} ms  ${key}`);
