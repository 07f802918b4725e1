// Where "Preview on the site" sends the browser when the collector lists the sites that may
// send: anyone may post a page view without an Origin header, so the page view's own URL
// must not pick an origin outside that list.
import { SESSION_COOKIE, sessionValue } from '../../../packages/collector/src/auth.js';
import { createCollector } from '../../../packages/collector/src/collector.js';
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';
import { post, serve, wireEvent } from '../support/serve.js';

const TOKEN = 'preview-test-token';
const SHOP = 'https://shop.example';
const EVIL = 'https://evil.example';

let dataDir: { dir: string; remove(): void };
let store: EventStore;
let server: Awaited<ReturnType<typeof serve>>;

let views = 0;
/** A page view of `path` at `origin`, an hour ago. */
const page = (path: string, origin: string) =>
  wireEvent({
    type: 'page',
    name: undefined,
    stage: undefined,
    props: {},
    ts: Date.now() - 3600_000,
    sessionId: `s${++views}`,
    anonymousId: `s${views}`,
    page: { url: `${origin}${path}`, path },
  });

/** Where /admin/preview sends the browser for `path`, or its status when it does not. */
async function previewOf(path: string): Promise<string | number> {
  const response = await fetch(`${server.url}/admin/preview?page=${encodeURIComponent(path)}`, {
    headers: { cookie: `${SESSION_COOKIE}=${sessionValue(TOKEN)}` },
    redirect: 'manual',
  });
  return response.status === 303 ? new URL(response.headers.get('location') ?? '').origin : response.status;
}

beforeAll(async () => {
  dataDir = await freshDataDir();
  store = await openEventStore(dataDir.dir, { log: () => {} });
  server = await serve(
    createCollector({
      database: store,
      insightsToken: TOKEN,
      allowedOrigins: [SHOP],
      rateLimit: false,
      log: () => {},
    }),
  );
}, 120_000);
afterAll(async () => {
  await server.close();
  await store.close();
  dataDir.remove();
});

describe('preview, with allowedOrigins a list', () => {
  it('opens a listed origin even when more page views were forged from another one', async () => {
    expect(
      (await post(server.url, { sentAt: Date.now(), events: [page('/cart', SHOP)] }, { origin: SHOP }))
        .status,
    ).toBe(200);
    // No Origin header: not a browser, so CORS lets it through; its page URLs say what the forger likes.
    const forged = [1, 2, 3, 4, 5].map(() => page('/cart', EVIL));
    expect((await post(server.url, { sentAt: Date.now(), events: forged })).status).toBe(200);
    expect(await previewOf('/cart')).toBe(SHOP);
  });

  it('opens nothing when every recent view came from an origin outside the list', async () => {
    await store.query(`delete from events where type = 'page'`);
    const forged = [page('/pricing', EVIL), page('/pricing', server.url)];
    expect((await post(server.url, { sentAt: Date.now(), events: forged })).status).toBe(200);
    expect(await previewOf('/pricing')).toBe(404);
  });
});
