import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { segment } from '../../packages/adapter/src/segment';
import { type RawRequest, recorder } from './fake-host';
import { iso, open, page, presetSuite, sampleEvents, server } from './preset-setup';

presetSuite();
const endpoint = 'https://api.segment.test/v1/batch';
const writeKey = 'abc123';
// base64('abc123:'), the example of Segment's own documentation.
const authorization = 'Basic YWJjMTIzOg==';

type Body = { batch: Record<string, unknown>[]; sentAt: string; writeKey: string };
const bodyOf = (request: RawRequest | undefined) => (request?.body ?? {}) as Body;

describe('the segment preset', () => {
  it('posts track, page, identify and survey events as one Segment batch with Basic auth', async () => {
    const requests = recorder(server, endpoint);
    const { host, link } = open({ endpoint, format: segment({ writeKey }) });
    const [track, pageView, identify, survey] = sampleEvents();
    for (const e of [track, pageView, identify, survey]) host.emit(e);
    await link.flush();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/batch',
      headers: { authorization, 'content-type': 'application/json' },
    });
    const body = bodyOf(request);
    expect(Object.keys(body).sort()).toEqual(['batch', 'sentAt', 'writeKey']);
    expect(body.writeKey).toBe(writeKey);
    expect(Date.parse(body.sentAt)).toBeGreaterThan(0);
    const context = { page: track.page, touchpoint: { sessionId: 's1' } };
    expect(body.batch).toEqual([
      {
        type: 'track',
        event: 'order_completed',
        messageId: track.id,
        timestamp: iso(track.ts),
        anonymousId: 'a1',
        userId: 'u7',
        context,
        properties: { total: 42, stage: 'purchase' },
      },
      {
        type: 'page',
        messageId: pageView.id,
        timestamp: iso(pageView.ts),
        anonymousId: 'a1',
        userId: 'u7',
        context,
        properties: { ...track.page, stage: 'purchase' },
      },
      {
        type: 'identify',
        messageId: identify.id,
        timestamp: iso(identify.ts),
        anonymousId: 'a1',
        userId: 'u7',
        context,
        traits: { plan: 'pro' },
      },
      {
        type: 'track',
        event: 'survey_answered',
        messageId: survey.id,
        timestamp: iso(survey.ts),
        anonymousId: 'a1',
        context,
        properties: {
          surveyId: 'checkout-csat',
          metric: 'csat',
          score: 4,
          trail: [{ stage: 'purchase' }],
          stage: 'purchase',
        },
      },
    ]);
  });

  it('sends the same body as text/plain with a keepalive request when the page is hidden', async () => {
    const requests = recorder(server, endpoint);
    const { host, link } = open({ endpoint, format: segment({ writeKey }) });
    const [track] = sampleEvents();
    host.emit(track);
    page.window.dispatchEvent(new Event('pagehide'));
    await link.flush();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers).toMatchObject({ 'content-type': 'text/plain;charset=UTF-8' });
    // Any other header would force a CORS preflight, which rarely completes during unload.
    expect(requests[0]?.headers).not.toHaveProperty('authorization');
    const body = bodyOf(requests[0]);
    expect(body.writeKey).toBe(writeKey);
    expect(body.batch.map((m) => m.messageId)).toEqual([track.id]);
  });

  it('splits a batch answered 413 and still sends Segment batches', async () => {
    const requests = recorder(
      server,
      endpoint,
      (r) => new HttpResponse(null, { status: (r.body as Body).batch.length > 2 ? 413 : 200 }),
    );
    const { host, link } = open({ endpoint, format: segment({ writeKey }) });
    const events = sampleEvents();
    for (const e of events) host.emit(e);
    await link.flush();
    const accepted = requests.filter((r) => (r.body as Body).batch.length <= 2);
    expect(requests[0]?.body).toMatchObject({ batch: expect.any(Array) });
    expect(bodyOf(requests[0]).batch).toHaveLength(4);
    expect(accepted.flatMap((r) => (r.body as Body).batch.map((m) => m.messageId))).toEqual(
      events.map((e) => e.id),
    );
  });

  it('cuts batches by the bytes of the Segment body, not of the events', async () => {
    const requests = recorder(server, endpoint);
    const { host, link } = open({ endpoint, format: segment({ writeKey }), maxBatchBytes: 2500 });
    const events = Array.from({ length: 12 }, () => sampleEvents()[0]);
    for (const e of events) host.emit(e);
    await link.flush();
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(2500);
    expect(requests.flatMap((r) => (r.body as Body).batch.map((m) => m.messageId))).toEqual(
      events.map((e) => e.id),
    );
  });

  it('carries the count of evicted events in the first message of the next batch', async () => {
    const requests = recorder(server, endpoint);
    page.navigator.onLine = false;
    const { host, link } = open({ endpoint, format: segment({ writeKey }), maxQueue: 2 });
    const events = sampleEvents();
    for (const e of events) host.emit(e);
    await link.flush();
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    await link.flush();
    const batch = bodyOf(requests[0]).batch;
    expect(batch.map((m) => m.messageId)).toEqual(events.slice(2).map((e) => e.id));
    expect(batch[0]?.context).toMatchObject({ touchpoint: { dropped: 2 } });
    expect(batch[1]?.context).toEqual({ page: events[3]?.page, touchpoint: { sessionId: 's1' } });
  });

  it('sends no empty Authorization header when the write key is bad', () => {
    for (const writeKey of ['', 'clé✓']) expect(segment({ writeKey })([], 0).headers).toEqual({});
  });

  it('reports a missing write key once instead of throwing', () => {
    expect(() => segment({ writeKey: '' })).not.toThrow();
    expect(() => segment({ writeKey: 'clé✓' })).not.toThrow();
    expect(console.error).toHaveBeenCalledWith(
      expect.stringMatching(/^\[touchpoint\] segment: bad writeKey/),
    );
  });
});
