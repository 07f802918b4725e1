// The script tag as it ships (dist/touchpoint.js, dist/touchpoint-widget.js) measured in
// Debian's Chromium: start-up main-thread time and long tasks, track() throughput with the
// adapter attached, time until 10,000 events are safe in IndexedDB, survey_due → visible
// prompt with the widget file cold and warm, JS heap after 10,000 events, and the bytes of
// every artefact (scripts/size.mjs). Run after `pnpm build`: `node bench/browser.bench.mjs`
// (or through bench/run.mjs); `--markdown` prints the table for bench/RESULTS.md, `--track` runs
// only the track() figures.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, site, stats } from './chromium.mjs';

const RUNS = 15; // start-up and prompt timings: fresh contexts, so every run is a first visit
const EVENTS = 10_000;
const EVENT_RUNS = 5;

const CONFIG = JSON.stringify({
  version: 1,
  stages: { '/': 'touchpoint', '/products/**': 'interest', '/checkout/**': 'purchase' },
  surveys: [
    // Never due by itself ('/nowhere'); the bench forces it with show().
    {
      id: 'bench-nps',
      metric: 'nps',
      question: 'How likely are you to recommend Acme?',
      when: { pages: ['/nowhere'] },
    },
    {
      id: 'bench-csat',
      metric: 'csat',
      question: 'How was checkout?',
      when: { pages: ['/checkout/done'], delayMs: 1500 },
    },
  ],
  limits: { maxPerSession: 1 },
});

// Inline scripts are fine here (no CSP): they mark the time around the parser-blocking tag
// and observe long tasks from before it runs.
const page = (title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script>
window.__long = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) __long.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
performance.mark('tp-before');
</script>
<script src="/touchpoint.js" data-endpoint="/collect" data-config-inline='${CONFIG}'></script>
<script>performance.mark('tp-after');</script>
</head><body><h1>${title}</h1><p>A page of the shop.</p></body></html>`;

const PAGES = {
  '/': page('Home'),
  '/other': page('Other'),
  '/products/x': page('Product'),
  // The same tag without data-endpoint: the core alone, to tell its cost from the adapter's.
  '/no-adapter': page('Product').replace(' data-endpoint="/collect"', ''),
};

/** track() throughput of the core alone (no adapter) in Chromium. */
async function coreAlone(browser, url) {
  const rate = [];
  for (let i = 0; i < EVENT_RUNS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${url}/no-adapter`);
    const ms = await tab.evaluate((n) => {
      const tp = window.Touchpoint;
      const start = performance.now();
      for (let j = 0; j < n; j++) tp.track('product_viewed', { sku: `SKU-${j % 500}`, price: j % 97 });
      return performance.now() - start;
    }, EVENTS);
    rate.push((EVENTS / ms) * 1000);
    await context.close();
  }
  return {
    name: `track() without the adapter (no data-endpoint; ${EVENTS.toLocaleString('en')} in one task)`,
    ...stats(rate, 0),
    unit: 'events/s',
  };
}

/** Main-thread time of the tag (parse, compile, run, until window.Touchpoint is live) and long tasks. */
async function startup(browser, url) {
  const main = [];
  const longCounts = [];
  const longTotals = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${url}/`, { waitUntil: 'load' });
    await tab.waitForTimeout(300); // long tasks of the load report a little later
    const r = await tab.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      const file = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/touchpoint.js'));
      const live = !!window.Touchpoint && !Array.isArray(window.Touchpoint);
      // From the file's last byte (or the mark, if later) to the script after it: the network is left out.
      return { ms: at('tp-after') - Math.max(at('tp-before'), file.responseEnd), live, long: window.__long };
    });
    if (!r.live) throw new Error('window.Touchpoint is not live after the tag');
    main.push(r.ms);
    longCounts.push(r.long.length);
    longTotals.push(r.long.reduce((a, b) => a + b, 0));
    await context.close();
  }
  const s = stats(main, 2);
  return [
    { name: 'start-up: main thread until window.Touchpoint is live', ...s, unit: 'ms' },
    {
      name: 'start-up: long tasks (>50 ms) during page load',
      median: stats(longCounts, 0).median,
      p95: stats(longCounts, 0).p95,
      min: stats(longCounts, 0).min,
      runs: RUNS,
      unit: `tasks (total ${stats(longTotals, 0).median} ms median)`,
    },
  ];
}

/** track() throughput, time until every event is stored, and the heap with the events stored or delivered. */
async function events(browser, served) {
  const rate = [];
  const safe = [];
  const heapBase = [];
  const heapStored = [];
  const heapDelivered = [];
  for (let i = 0; i < EVENT_RUNS; i++) {
    for (const status of [503, 200]) {
      served.collector.status = status;
      served.collector.received = 0;
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
      };
      await tab.goto(`${served.url}/products/x`);
      // The adapter creates its database on start; opening it first would create it without its store.
      await tab.waitForFunction(async () =>
        (await indexedDB.databases()).some((d) => d.name === 'touchpoint-queue /collect'),
      );
      await tab.waitForTimeout(200);
      const base = await heap();
      const r = await tab.evaluate(async (n) => {
        // The adapter's queue: one database per endpoint, events under keys below '~dropped'.
        const db = await new Promise((resolve) => {
          const request = indexedDB.open('touchpoint-queue /collect');
          request.onsuccess = () => resolve(request.result);
        });
        const stored = () =>
          new Promise((resolve) => {
            const count = db
              .transaction('events')
              .objectStore('events')
              .count(IDBKeyRange.upperBound('~dropped', true));
            count.onsuccess = () => resolve(count.result);
          });
        const tp = window.Touchpoint;
        const start = performance.now();
        for (let j = 0; j < n; j++) tp.track('product_viewed', { sku: `SKU-${j % 500}`, price: j % 97 });
        const tracked = performance.now() - start;
        // Polled between tasks; with the collector down nothing is deleted, and maxQueue
        // (10,000) evicts the page view, so the queue is full when all tracked events are in.
        while ((await stored()) < n) await new Promise((resolve) => setTimeout(resolve, 5));
        const safe = performance.now() - start;
        db.close();
        return { tracked, safe };
      }, EVENTS);
      if (status === 503) {
        rate.push((EVENTS / r.tracked) * 1000);
        safe.push(r.safe);
        heapBase.push(base);
        heapStored.push(await heap());
      } else {
        const deadline = Date.now() + 120_000;
        while (served.collector.received < EVENTS && Date.now() < deadline) await tab.waitForTimeout(100);
        if (served.collector.received < EVENTS)
          throw new Error(`only ${served.collector.received} delivered`);
        heapDelivered.push(await heap());
      }
      await context.close();
    }
  }
  served.collector.status = 200;
  const mb = (values) => ({ ...stats(values, 2), unit: 'MB' });
  return [
    {
      name: `track() with the adapter attached (${EVENTS.toLocaleString('en')} in one task)`,
      ...stats(rate, 0),
      unit: 'events/s',
    },
    {
      name: `time until ${EVENTS.toLocaleString('en')} tracked events are stored in IndexedDB`,
      ...stats(safe, 0),
      unit: 'ms',
    },
    { name: 'JS heap after start-up (after GC)', ...mb(heapBase) },
    {
      name: `JS heap with ${EVENTS.toLocaleString('en')} events stored, collector down (after GC)`,
      ...mb(heapStored),
    },
    {
      name: `JS heap after ${EVENTS.toLocaleString('en')} events delivered (after GC)`,
      ...mb(heapDelivered),
    },
  ];
}

/** survey_due → the first animation frame with the dialog laid out (the frame that paints it). */
const SHOW = () =>
  new Promise((resolve) => {
    const tp = window.Touchpoint;
    let due = 0;
    const off = tp.on('survey_due', () => {
      due = performance.now();
    });
    tp.show('bench-nps');
    off();
    const frame = () => {
      const dialog = document
        .querySelector('touchpoint-widget')
        ?.shadowRoot?.querySelector('[role="dialog"]');
      if (dialog && dialog.getBoundingClientRect().height > 0) resolve(performance.now() - due);
      else requestAnimationFrame(frame);
    };
    frame();
  });

async function prompt(browser, url) {
  const cold = [];
  const warm = [];
  const mounted = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${url}/`);
    // Cold: the widget file is neither cached nor compiled in this profile.
    cold.push(await tab.evaluate(SHOW));
    // Mounted: the same page again, the widget already running (Escape closes the first prompt).
    await tab.evaluate(() =>
      document.querySelector('touchpoint-widget')?.shadowRoot?.querySelector('button')?.focus(),
    );
    await tab.keyboard.press('Escape');
    mounted.push(await tab.evaluate(SHOW));
    // Warm: the next page of the site, the file in the HTTP cache.
    await tab.goto(`${url}/other`);
    warm.push(await tab.evaluate(SHOW));
    await context.close();
  }
  const row = (name, values) => ({ name, ...stats(values, 1), unit: 'ms' });
  return [
    row('survey_due → visible prompt, widget file cold (first page)', cold),
    row('survey_due → visible prompt, widget file warm (next page, HTTP cache)', warm),
    row('survey_due → visible prompt, widget already loaded (same page)', mounted),
  ];
}

/** The bytes table of scripts/size.mjs, as rows. */
function bytes() {
  const out = execFileSync(process.execPath, [new URL('../scripts/size.mjs', import.meta.url).pathname], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .map((line) => line.match(/^(.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/))
    .filter(Boolean)
    .map(([, name, min, gzip, brotli, budget]) => ({
      name: `bytes: ${name}`,
      'min B': +min,
      'gzip B': +gzip,
      'brotli B': +brotli,
      'budget B': +budget,
    }));
}

/** `--track`: only the track() and IndexedDB figures, for checking a change to the event path. */
export async function run({ trackOnly = false } = {}) {
  const served = await site(PAGES);
  const browser = await launch();
  try {
    if (trackOnly) return await events(browser, served);
    return [
      ...(await startup(browser, served.url)),
      ...(await events(browser, served)),
      await coreAlone(browser, served.url),
      ...(await prompt(browser, served.url)),
      ...bytes(),
    ];
  } finally {
    await browser.close();
    await served.close();
  }
}

/** Where and when the figures were taken, for bench/RESULTS.md. */
export async function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  const cores = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  const browser = await launch();
  const chromium = browser.version();
  await browser.close();
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: `${cpu} (${cores} logical CPUs)`,
    node: process.version,
    chromium,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run({ trackOnly: process.argv.includes('--track') });
  if (process.argv.includes('--markdown')) {
    const m = await machine();
    console.log(`${m.date} · ${m.cpu} · Node ${m.node} · Chromium ${m.chromium} (headless)\n`);
    console.log('| measure | median | p95 | min | runs | unit |\n|---|--:|--:|--:|--:|---|');
    for (const r of rows.filter((r) => 'median' in r))
      console.log(`| ${r.name} | ${r.median} | ${r.p95} | ${r.min} | ${r.runs} | ${r.unit} |`);
    console.log('\n| artefact | minified B | gzip B | brotli B | budget B |\n|---|--:|--:|--:|--:|');
    for (const r of rows.filter((r) => 'brotli B' in r))
      console.log(
        `| ${r.name.slice(7)} | ${r['min B']} | ${r['gzip B']} | ${r['brotli B']} | ${r['budget B']} |`,
      );
  } else console.table(Object.fromEntries(rows.map(({ name, ...figures }) => [name, figures])));
}
