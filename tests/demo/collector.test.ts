import { request } from 'node:http';
import { type RunningServer, startServer } from '../../demo/server.mjs';
import { wireEvent } from '../collector/support/serve.js';
import { freshDataDir } from './data-dir.js';

// One server for the file; each test uses its own event ids, so they do not interfere.
let app: RunningServer;
let remove: () => void;

beforeAll(async () => {
  const data = await freshDataDir();
  remove = data.remove;
  app = await startServer({ port: 0, dataDir: data.dir });
}, 120_000);

afterAll(async () => {
  await app?.close();
  remove?.();
});

const event = (overrides: Record<string, unknown> = {}) =>
  wireEvent({
    page: { url: 'http://127.0.0.1/checkout/done', path: '/checkout/done', title: 'Done' },
    ...overrides,
  });

const post = (body: unknown, contentType = 'application/json') =>
  fetch(`${app.url}/collect`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const stored = async (ids: string[]) => {
  const { rows } = await app.store.query<{ id: string }>(
    'select id from events where id = any($1) order by id',
    [ids],
  );
  return rows.map((r) => r.id);
};

describe('POST /collect', () => {
  it('stores a batch sent as application/json and answers 2xx with the counts', async () => {
    const events = [event(), event({ type: 'page', name: undefined })];
    const res = await post({ sentAt: Date.now(), events });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 2, duplicates: 0, rejected: [] });
    expect(await stored(events.map((e) => e.id))).toEqual(events.map((e) => e.id).sort());
  });

  it('stores a batch sent as text/plain during page unload, with the same JSON body', async () => {
    const e = event();
    const res = await post({ sentAt: Date.now(), events: [e] }, 'text/plain;charset=UTF-8');
    expect(res.status).toBe(200);
    expect(await stored([e.id])).toEqual([e.id]);
  });

  it('keeps each event exactly as received, with its fields in columns for queries', async () => {
    const e = event({
      type: 'survey_answered',
      userId: 'user-7',
      props: { surveyId: 'checkout-csat', metric: 'csat', score: 4, trail: [{ stage: 'purchase' }] },
    });
    await post({ sentAt: Date.now(), events: [e] });
    const { rows } = await app.store.query(
      'select type, stage, user_id, path, ts, event from events where id = $1',
      [e.id],
    );
    expect(rows[0]).toEqual({
      type: 'survey_answered',
      stage: 'purchase',
      user_id: 'user-7',
      path: '/checkout/done',
      ts: e.ts,
      event: e,
    });
    const scores = await app.store.query('select survey_id, metric, score from survey_scores where id = $1', [
      e.id,
    ]);
    expect(scores.rows).toEqual([{ survey_id: 'checkout-csat', metric: 'csat', score: 4 }]);
  });

  it('stores a batch sent twice only once and counts the second as duplicates', async () => {
    const batch = { sentAt: Date.now(), events: [event(), event()] };
    const before = (await app.store.stats()).duplicates;
    expect(await (await post(batch)).json()).toMatchObject({ stored: 2, duplicates: 0 });
    const retry = await post(batch);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ stored: 0, duplicates: 2 });
    expect(await stored(batch.events.map((e) => e.id))).toHaveLength(2);
    expect((await app.store.stats()).duplicates).toBe(before + 2);
  });

  it('counts an id repeated inside one batch as a duplicate and keeps its first copy', async () => {
    const first = event({ name: 'first' });
    const res = await post({ sentAt: Date.now(), events: [first, { ...first, name: 'second' }] });
    expect(await res.json()).toMatchObject({ stored: 1, duplicates: 1 });
    const { rows } = await app.store.query('select name from events where id = $1', [first.id]);
    expect(rows).toEqual([{ name: 'first' }]);
  });

  it('records the events the client had to drop, from the batch field "dropped"', async () => {
    const before = (await app.store.stats()).dropped;
    await post({ sentAt: Date.now(), events: [event()], dropped: 5 });
    expect((await app.store.stats()).dropped).toBe(before + 5);
  });

  it('stores the valid events of a batch and reports the invalid ones, so one bad event costs no others', async () => {
    const good = event();
    const res = await post({ sentAt: Date.now(), events: [good, { id: 'broken' }] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.stored).toBe(1);
    expect(body.rejected).toEqual([{ index: 1, error: expect.stringContaining('events[1].type') }]);
    expect(await stored([good.id, 'broken'])).toEqual([good.id]);
  });

  it.each([
    ['malformed JSON', '{"sentAt": 1, "events": [', /malformed JSON/],
    ['an empty body', '', /malformed JSON/],
    ['a body that is not an object', '[1, 2]', /body: expected a JSON object/],
    ['a batch without events', '{"sentAt": 1}', /events: expected an array/],
    ['a batch without sentAt', '{"events": []}', /sentAt: expected/],
    ['a batch whose every event is invalid', '{"sentAt": 1, "events": [{"id": "x"}]}', /events\[0\]/],
  ])('answers 400 with a message to %s and stores nothing', async (_case, body, message) => {
    const before = (await app.store.stats()).events;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect((await app.store.stats()).events).toBe(before);
  });

  it('answers 413 to a body over 1 MB declared by its content-length', async () => {
    const big = JSON.stringify({ sentAt: 1, events: [event({ props: { pad: 'x'.repeat(1024 * 1024) } })] });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/at most 1048576 bytes/);
  });

  it('answers 413 to a streamed body once it passes 1 MB, without a content-length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${app.url}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 415 to a content type other than JSON or text/plain', async () => {
    const res = await post({ sentAt: 1, events: [event()] }, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatch(/application\/json or text\/plain/);
  });

  it('answers 405 to other methods on the endpoint, naming the allowed ones', async () => {
    const res = await fetch(`${app.url}/collect`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('CORS', () => {
  it('answers a preflight with the methods and the headers the adapter asked for', async () => {
    const res = await fetch(`${app.url}/collect`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
  });

  it('lets a cross-origin page read the answer and its Retry-After', async () => {
    const res = await post({ sentAt: Date.now(), events: [event()] });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });
});

describe('GET /collect/stats and /collect/events', () => {
  it('counts events by type and by stage', async () => {
    const e = event({ type: 'stage', stage: 'advocacy', name: undefined });
    const before = await (await fetch(`${app.url}/collect/stats`)).json();
    await post({ sentAt: Date.now(), events: [e] });
    const after = await (await fetch(`${app.url}/collect/stats`)).json();
    expect(after.events).toBe(before.events + 1);
    expect(after.batches).toBe(before.batches + 1);
    expect(after.byType.stage).toBe((before.byType.stage ?? 0) + 1);
    expect(after.byStage.advocacy).toBe((before.byStage.advocacy ?? 0) + 1);
  });

  it('lists the newest events first, narrowed by type and bounded by limit', async () => {
    const older = event({ type: 'identify', name: undefined, userId: 'u-1' });
    const newer = event({ type: 'identify', name: undefined, userId: 'u-2' });
    await post({ sentAt: Date.now(), events: [older, newer] });
    const res = await fetch(`${app.url}/collect/events?type=identify&limit=2`);
    expect(res.status).toBe(200);
    const { events } = await res.json();
    expect(events.map((e: { id: string }) => e.id)).toEqual([newer.id, older.id]);
  });
});

describe('a client that goes away', () => {
  it('leaves the server serving after a request aborted mid-body', async () => {
    await new Promise<void>((done) => {
      const req = request(`${app.url}/collect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('error', () => done());
      req.write('{"sentAt": 1, "ev', () => {
        req.destroy();
        done();
      });
    });
    const res = await post({ sentAt: Date.now(), events: [event()] });
    expect(res.status).toBe(200);
  });
});
