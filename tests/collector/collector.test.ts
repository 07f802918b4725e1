// The handler itself, called with fake requests: who may read insights (the client's socket
// address is chosen here), CORS, the rate limit, and the answers when the database is slow
// or refuses one event of a batch.
import { createCollector } from '../../packages/collector/src/collector.js';
import type { Database } from '../../packages/collector/src/database.js';
import { createEventStore, type EventStore, openEventStore } from '../../packages/collector/src/store.js';
import { freshDataDir } from '../demo/data-dir.js';
import { type FakeRequest, fakeExchange } from './support/fake-http.js';
import { wireEvent } from './support/serve.js';

let store: EventStore;
let remove: () => void;

beforeAll(async () => {
  const data = await freshDataDir();
  remove = data.remove;
  store = await openEventStore(data.dir, { log: () => {} });
}, 120_000);

afterAll(async () => {
  await store?.close();
  remove?.();
});

const call = async (collector: ReturnType<typeof createCollector>, request: FakeRequest) => {
  const { req, res, answer } = fakeExchange(request);
  expect(await collector(req, res)).toBe(true);
  return answer;
};

const batch = (events = [wireEvent()]) => JSON.stringify({ sentAt: Date.now(), events });

/** POST /collect with a JSON batch (one new event by default). */
const collect = (
  collector: ReturnType<typeof createCollector>,
  {
    body = batch(),
    headers = {},
    remoteAddress,
  }: { body?: string; headers?: Record<string, string>; remoteAddress?: string } = {},
) =>
  call(collector, {
    method: 'POST',
    url: '/collect',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(remoteAddress && { remoteAddress }),
  });
const PRIVATE = [
  '/insights',
  '/insights/export?format=csv',
  '/insights/export',
  '/insights/report.json',
  '/collect/events',
  '/collect/stats',
];

describe('insights and the export', () => {
  const token = 'correct horse battery staple';
  const withToken = () => createCollector({ database: store, insightsToken: token, log: () => {} });

  it.each(PRIVATE)(
    'refuses %s to a remote client without a token, with the sign-in form or a 401',
    async (url) => {
      const answer = await call(withToken(), { url, remoteAddress: '203.0.113.7' });
      expect(answer.status).toBe(401);
      expect(answer.body).not.toContain('"events"');
    },
  );

  it.each(PRIVATE)('refuses %s to a remote client with a wrong bearer token', async (url) => {
    const answer = await call(withToken(), {
      url,
      headers: { authorization: `Bearer ${token}x` },
      remoteAddress: '198.51.100.1',
    });
    expect(answer.status).toBe(401);
  });

  it.each(PRIVATE)('serves %s to a remote client with the right bearer token', async (url) => {
    const answer = await call(withToken(), {
      url,
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: '2001:db8::7',
    });
    expect(answer.status).toBe(200);
  });

  it('asks loopback clients for the token too once one is set (a proxy on this machine is loopback)', async () => {
    expect((await call(withToken(), { url: '/insights', remoteAddress: '127.0.0.1' })).status).toBe(401);
  });

  it.each([
    ['127.0.0.1', 200],
    ['::1', 200],
    ['::ffff:127.0.0.1', 200],
    ['10.0.0.8', 403],
    ['::ffff:192.0.2.1', 403],
  ])('without a token configured, serves insights to %s with %i', async (remoteAddress, status) => {
    const collector = createCollector({ database: store, log: () => {} });
    for (const url of PRIVATE) {
      const answer = await call(collector, { url, remoteAddress });
      expect(answer.status).toBe(status);
      if (status === 403) expect(answer.body).toContain(url.split('?')[0] as string);
    }
  });

  it('signs a person in with the form: an HttpOnly, SameSite=Strict cookie that is not the token, then the page', async () => {
    const collector = withToken();
    const form = await call(collector, { url: '/insights', headers: { accept: 'text/html' } });
    expect(form.status).toBe(401);
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.body).toContain('<form method="post" action="/insights/sign-in">');

    const wrong = await call(collector, {
      method: 'POST',
      url: '/insights/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=guess',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const right = await call(collector, {
      method: 'POST',
      url: '/insights/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe('/insights');
    const cookie = right.headers['set-cookie'] as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(encodeURIComponent(token));
    expect(cookie).not.toContain(token);

    const session = cookie.split(';')[0] as string;
    const page = await call(collector, {
      url: '/insights/export?format=ndjson',
      headers: { cookie: session },
    });
    expect(page.status).toBe(200);
    const forged = await call(collector, {
      url: '/insights',
      headers: { cookie: `${session.slice(0, -2)}xx` },
    });
    expect(forged.status).toBe(401);
  });

  it('marks the cookie Secure behind TLS', async () => {
    const answer = await call(withToken(), {
      method: 'POST',
      url: '/insights/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(answer.headers['set-cookie']).toMatch(/; Secure/);
  });

  it('serves the stylesheet of the sign-in form to anyone', async () => {
    const answer = await call(withToken(), { url: '/insights/insights.css', remoteAddress: '203.0.113.7' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/css');
  });
});

describe('CORS and the rate limit on /collect', () => {
  it('stores what a listed origin sends and refuses other origins with 403', async () => {
    const collector = createCollector({
      database: store,
      allowedOrigins: ['https://shop.example'],
      log: () => {},
    });
    const ok = await collect(collector, {
      headers: { 'content-type': 'text/plain', origin: 'https://shop.example' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example');
    const refused = await collect(collector, {
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with Retry-After past the limit of one address, and keeps serving others', async () => {
    const collector = createCollector({
      database: store,
      rateLimit: { burst: 2, perSecond: 0.5 },
      log: () => {},
    });
    const send = (remoteAddress: string) => collect(collector, { remoteAddress });
    expect((await send('192.0.2.1')).status).toBe(200);
    expect((await send('192.0.2.1')).status).toBe(200);
    const limited = await send('192.0.2.1');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(limited.headers['access-control-expose-headers']).toBe('Retry-After');
    expect((await send('192.0.2.2')).status).toBe(200);
  });
});

describe('a database that is slow or refuses an event', () => {
  const pending = () => {
    let calls = 0;
    const query = () => {
      calls++;
      return new Promise<never>(() => {});
    };
    // A batch is stored in a transaction: its statements hang the same way.
    const db: Database = { query, transaction: (work) => work({ query }), close: async () => {} };
    return { db, calls: () => calls };
  };

  it('answers 503 with Retry-After when a statement passes the time limit, never hanging', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { db, calls } = pending();
      const collector = createCollector({
        database: createEventStore(db, 3000),
        retryAfterSeconds: 7,
        log: () => {},
      });
      const { req, res, answer } = fakeExchange({
        method: 'POST',
        url: '/collect',
        headers: { 'content-type': 'application/json' },
        body: batch(),
      });
      let settled = false;
      void answer.then(() => {
        settled = true;
      });
      void collector(req, res);
      while (calls() === 0) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(2999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const got = await answer;
      expect(got.status).toBe(503);
      expect(got.headers['retry-after']).toBe('7');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 503, not 500, when the database cannot be opened', async () => {
    const collector = createCollector({
      database: { url: 'postgres://nobody@127.0.0.1:1/none' },
      queryTimeoutMs: 500,
      log: () => {},
    });
    const got = await collect(collector);
    expect(got.status).toBe(503);
    expect(got.headers['retry-after']).toBe('5');
    await expect(collector.ready).rejects.toThrow();
  });

  it('stores the events of a batch the database refused one by one, refusing only the one it will not take', async () => {
    const poison = wireEvent({ name: 'poison' });
    // A rule the database has and validation does not know yet: a refused value (SQLSTATE 22P05).
    const refusing: EventStore = {
      ...store,
      insert: (b, type) =>
        b.events.some((e) => e.id === poison.id)
          ? Promise.reject(Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' }))
          : store.insert(b, type),
    };
    const collector = createCollector({ database: refusing, log: () => {} });
    const good = [wireEvent(), wireEvent()];
    const droppedBefore = (await store.stats()).dropped;
    const got = await collect(collector, {
      body: JSON.stringify({ sentAt: Date.now(), events: [good[0], poison, good[1]], dropped: 3 }),
    });
    expect(got.status).toBe(200);
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ stored: 2, duplicates: 0 });
    expect(body.rejected).toEqual([{ index: 1, error: expect.stringContaining('the database refused it') }]);
    expect(body.rejected[0].error).toContain(poison.id);
    expect((await store.stats()).dropped).toBe(droppedBefore + 3);

    const alone = await collect(collector, { body: batch([poison]) });
    expect(alone.status).toBe(400);
  });
});
