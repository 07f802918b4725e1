import { BATCH_LIMITS, EVENT_TYPES, eventError, parseBatch } from '../../packages/collector/src/batch.js';

const event = (overrides: Record<string, unknown> = {}) => ({
  id: 'e-1',
  type: 'track',
  name: 'add_to_cart',
  stage: 'interest',
  props: { sku: 'trail-runner' },
  ts: 1_700_000_000_000,
  anonymousId: 'anon-1',
  sessionId: 'session-1',
  page: { url: 'http://127.0.0.1/products/trail-runner', path: '/products/trail-runner' },
  ...overrides,
});

describe('eventError', () => {
  it('accepts every event type of the SPEC, with or without the optional fields', () => {
    for (const type of EVENT_TYPES) expect(eventError(event({ type }))).toBeUndefined();
    const { name: _name, stage: _stage, props: _props, ...bare } = event();
    expect(eventError(bare)).toBeUndefined();
  });

  it.each([
    ['a non-object', 'nope', 'event: expected an object'],
    ['a missing id', { id: undefined }, 'event.id: expected a string'],
    ['an empty id', { id: '' }, 'event.id: expected a string'],
    ['an over-long id', { id: 'x'.repeat(BATCH_LIMITS.maxIdLength + 1) }, 'event.id: expected a string'],
    ['an unknown type', { type: 'survey_due' }, 'event.type: expected "page"'],
    ['a ts that is not a number', { ts: '2024-01-01' }, 'event.ts: expected epoch milliseconds'],
    ['a missing anonymousId', { anonymousId: undefined }, 'event.anonymousId: expected a string'],
    ['a missing sessionId', { sessionId: 7 }, 'event.sessionId: expected a string'],
    ['a page without a path', { page: { url: 'http://x/' } }, 'event.page: expected { url, path }'],
    ['a name that is not a string', { name: 42 }, 'event.name: expected a string'],
    ['props that are an array', { props: [1] }, 'event.props: expected an object'],
  ])('reports %s with the path of the field', (_case, overrides, message) => {
    const value = typeof overrides === 'string' ? overrides : event(overrides);
    expect(eventError(value)).toContain(message);
  });
});

describe('parseBatch', () => {
  it('reads a SPEC batch, with dropped defaulting to 0', () => {
    const result = parseBatch({ sentAt: 1, events: [event()] });
    expect(result).toEqual({ ok: true, sentAt: 1, dropped: 0, events: [event()], rejected: [] });
    expect(parseBatch({ sentAt: 1, events: [event()], dropped: 3 })).toMatchObject({ ok: true, dropped: 3 });
  });

  it.each([
    ['an array', [event()], 'body: expected a JSON object'],
    ['null', null, 'body: expected a JSON object'],
    ['no sentAt', { events: [event()] }, 'sentAt: expected epoch milliseconds'],
    ['events that are not an array', { sentAt: 1, events: {} }, 'events: expected an array'],
    ['a negative dropped', { sentAt: 1, events: [event()], dropped: -1 }, 'dropped: expected a non-negative'],
    [
      'a fractional dropped',
      { sentAt: 1, events: [event()], dropped: 1.5 },
      'dropped: expected a non-negative',
    ],
    ['only invalid events', { sentAt: 1, events: [{ id: 'x' }] }, 'events[0].type: expected'],
  ])('rejects a body with %s', (_case, body, message) => {
    const result = parseBatch(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('rejects more events than the limit allows in one batch', () => {
    const limits = { ...BATCH_LIMITS, maxEvents: 2 };
    const result = parseBatch({ sentAt: 1, events: [event(), event(), event()] }, limits);
    expect(result).toMatchObject({ ok: false, error: 'events: expected at most 2 events in one batch' });
  });

  it('keeps the valid events of a batch and reports the invalid ones by index', () => {
    const good = event({ id: 'good' });
    const result = parseBatch({ sentAt: 1, events: [{ id: 'bad' }, good, event({ ts: null })] });
    expect(result.ok && result.events).toEqual([good]);
    expect(result.ok && result.rejected.map((r) => r.index)).toEqual([0, 2]);
    expect(result.ok && result.rejected[1]?.error).toBe('events[2].ts: expected epoch milliseconds');
  });

  it('accepts an empty batch, which stores nothing', () => {
    expect(parseBatch({ sentAt: 1, events: [] })).toMatchObject({ ok: true, events: [], rejected: [] });
  });
});
