import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { posthog } from '../../packages/adapter/src/posthog';
import { type RawRequest, recorder } from './fake-host';
import { iso, open, page, presetSuite, sampleEvents, server } from './preset-setup';

presetSuite();
const endpoint = 'https://eu.i.posthog.test/batch/';
const apiKey = 'phc_test';

type Body = {
  api_key: string;
  batch: { event: string; properties: Record<string, unknown>; uuid: string }[];
};
const bodyOf = (request: RawRequest | undefined) => (request?.body ?? {}) as Body;

describe('the posthog preset', () => {
  it('posts track, page, identify and survey events as one PostHog batch with the key in the body', async () => {
    const requests = recorder(server, endpoint);
    const { host, link } = open({ endpoint, format: posthog({ apiKey }) });
    const [track, pageView, identify, survey] = sampleEvents();
    for (const e of [track, pageView, identify, survey]) host.emit(e);
    await link.flush();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/batch/',
      headers: { 'content-type': 'application/json' },
    });
    expect(request?.headers).not.toHaveProperty('authorization');
    const pageProperties = {
      $current_url: track.page.url,
      $pathname: '/checkout/done',
      $title: 'Thank you',
      $referrer: 'https://shop.test/cart',
      $session_id: 's1',
    };
    expect(request?.body).toEqual({
      api_key: apiKey,
      batch: [
        {
          event: 'order_completed',
          properties: { total: 42, distinct_id: 'u7', ...pageProperties, stage: 'purchase' },
          timestamp: iso(track.ts),
          uuid: track.id,
        },
        {
          event: '$pageview',
          properties: { distinct_id: 'u7', ...pageProperties, stage: 'purchase' },
          timestamp: iso(pageView.ts),
          uuid: pageView.id,
        },
        {
          event: '$identify',
          properties: { distinct_id: 'u7', $anon_distinct_id: 'a1', $set: { plan: 'pro' } },
          timestamp: iso(identify.ts),
          uuid: identify.id,
        },
        {
          event: 'survey_answered',
          properties: {
            surveyId: 'checkout-csat',
            metric: 'csat',
            score: 4,
            trail: [{ stage: 'purchase' }],
            // No user id on this event: the anonymous id is the distinct id.
            distinct_id: 'a1',
            ...pageProperties,
            stage: 'purchase',
          },
          timestamp: iso(survey.ts),
          uuid: survey.id,
        },
      ],
    });
  });

  it('sends the same body as text/plain with a keepalive request when the page is hidden', async () => {
    const requests = recorder(server, endpoint);
    const { host, link } = open({ endpoint, format: posthog({ apiKey }) });
    const [track] = sampleEvents();
    host.emit(track);
    page.window.dispatchEvent(new Event('pagehide'));
    await link.flush();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers).toMatchObject({ 'content-type': 'text/plain;charset=UTF-8' });
    expect(requests[0]?.body).toMatchObject({ api_key: apiKey, batch: [{ uuid: track.id }] });
  });

  it('splits a batch answered 413 and still sends PostHog batches', async () => {
    const requests = recorder(
      server,
      endpoint,
      (r) => new HttpResponse(null, { status: (r.body as Body).batch.length > 1 ? 413 : 200 }),
    );
    const { host, link } = open({ endpoint, format: posthog({ apiKey }) });
    const events = sampleEvents();
    for (const e of events) host.emit(e);
    await link.flush();
    expect(bodyOf(requests[0]).batch).toHaveLength(4);
    const accepted = requests.filter((r) => (r.body as Body).batch.length === 1);
    expect(accepted.flatMap((r) => (r.body as Body).batch.map((e) => e.uuid))).toEqual(
      events.map((e) => e.id),
    );
    for (const r of accepted) expect(r.body).toMatchObject({ api_key: apiKey });
  });

  it('carries the count of evicted events in the first event of the next batch', async () => {
    const requests = recorder(server, endpoint);
    page.navigator.onLine = false;
    const { host, link } = open({ endpoint, format: posthog({ apiKey }), maxQueue: 3 });
    const events = sampleEvents();
    for (const e of events) host.emit(e);
    await link.flush();
    page.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    await link.flush();
    const batch = bodyOf(requests[0]).batch;
    expect(batch.map((e) => e.uuid)).toEqual(events.slice(1).map((e) => e.id));
    expect(batch[0]?.properties.touchpoint_dropped).toBe(1);
    expect(batch[1]?.properties).not.toHaveProperty('touchpoint_dropped');
  });

  it('reports a missing key instead of throwing', () => {
    expect(() => posthog({ apiKey: '' })).not.toThrow();
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^\[touchpoint\] posthog: bad apiKey/));
  });
});
