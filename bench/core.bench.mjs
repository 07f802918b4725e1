// track() throughput of the built core with one listener: what a busy page costs.
// Two settings: Node without a DOM (memory storage), and a happy-dom window with its
// localStorage (page context, write-behind storage). Run after `pnpm build`:
// `node bench/core.bench.mjs` (or through bench/run.mjs).
import { Window } from 'happy-dom';

const EVENTS = 200_000;
const ROUNDS = 5;

async function measure(name) {
  const { createTouchpoint } = await import(`../packages/core/dist/index.js?${name}`);
  const tp = createTouchpoint({ autoPageviews: false });
  let received = 0;
  tp.on('track', () => received++);
  const props = { sku: 'X1', price: 42, tags: ['a', 'b'] };
  for (let i = 0; i < 10_000; i++) tp.track('warm_up', props); // let the JIT settle
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < EVENTS; i++) tp.track('product_viewed', props);
    best = Math.min(best, performance.now() - start);
    await Promise.resolve(); // let the write-behind storage flush, as a page's task would end
  }
  if (received !== 10_000 + EVENTS * ROUNDS) throw new Error(`listener saw ${received} events`);
  return {
    name,
    events: EVENTS,
    'best ms': +best.toFixed(1),
    'events/s': Math.round((EVENTS / best) * 1000),
  };
}

/** The globals the core reads of a page. */
export const PAGE_GLOBALS = ['window', 'document', 'location', 'history', 'localStorage', 'addEventListener'];

/** Makes happy-dom's `window` the page the core runs in. */
export function installPageGlobals(window) {
  for (const key of PAGE_GLOBALS)
    globalThis[key] =
      key === 'window'
        ? window
        : key === 'addEventListener'
          ? window.addEventListener.bind(window)
          : window[key];
}

export async function run() {
  const warn = console.warn;
  console.warn = () => {}; // Node has no localStorage: the one expected warning
  const node = await measure('core: track() with one listener, Node, no DOM');
  console.warn = warn;
  const window = new Window({ url: 'https://shop.example/products/x1?ref=ad' });
  installPageGlobals(window);
  const dom = await measure('core: track() with one listener, happy-dom + localStorage');
  await window.happyDOM.close();
  return [node, dom];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
