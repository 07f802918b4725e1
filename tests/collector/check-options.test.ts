// createCollector refuses a numeric option that cannot work, at once and by name, and still
// takes every value that works.
import fc from 'fast-check';
import { MAX_TIMER_MS } from '../../packages/collector/src/check-options.js';
import { createCollector } from '../../packages/collector/src/collector.js';
import { type CollectorOptions, withDefaults } from '../../packages/collector/src/collector-options.js';
import { openEventStore } from '../../packages/collector/src/store.js';

// The store is not opened: what matters is what createCollector accepts.
vi.mock('../../packages/collector/src/store.js', async (original) => ({
  ...(await original<typeof import('../../packages/collector/src/store.js')>()),
  openEventStore: vi.fn(() => new Promise(() => {})),
}));

const create = (options: Record<string, unknown>) =>
  createCollector({ database: { dataDir: './unused' }, ...options } as CollectorOptions);

const limits = { maxEvents: 5000, maxIdLength: 200, maxEventLength: 65536, maxDepth: 32 };

describe('createCollector’s numeric options', () => {
  it('names the option, the value and what it expects', () => {
    expect(() => create({ queryTimeoutMs: -5 })).toThrow(
      new Error(
        `createCollector: queryTimeoutMs must be a positive number of milliseconds, at most ${MAX_TIMER_MS} (Node's longest timer), got -5`,
      ),
    );
  });

  it.each<[Record<string, unknown>, string]>([
    [{ queryTimeoutMs: Number.NaN }, 'queryTimeoutMs must be a positive number of milliseconds'],
    [{ queryTimeoutMs: 0 }, 'queryTimeoutMs must be a positive number of milliseconds'],
    // Node fires a longer timer after 1 ms: every query would time out.
    [{ queryTimeoutMs: Number.POSITIVE_INFINITY }, 'got Infinity'],
    [{ queryTimeoutMs: MAX_TIMER_MS + 1 }, `at most ${MAX_TIMER_MS}`],
    [{ queryTimeoutMs: '5000' }, 'queryTimeoutMs must be a positive number of milliseconds, at most'],
    [{ queryTimeoutMs: '5000' }, 'got "5000"'],
    [{ catchUpMs: -1 }, 'catchUpMs must be a number of milliseconds, 0 or more'],
    [{ catchUpMs: Number.POSITIVE_INFINITY }, 'catchUpMs must be a number of milliseconds, 0 or more'],
    [
      { catchUpMs: null },
      'catchUpMs must be a number of milliseconds, 0 or more (0: the figures are read as they stand), got null',
    ],
    [{ retryAfterSeconds: 2.5 }, 'retryAfterSeconds must be a whole number of seconds'],
    [{ retryAfterSeconds: -1 }, 'got -1'],
    [{ retryAfterSeconds: Number.NaN }, 'retryAfterSeconds must be a whole number of seconds'],
    [{ maxBodyBytes: 0 }, 'maxBodyBytes must be a positive number of bytes, got 0'],
    [{ maxBodyBytes: Number.NaN }, 'maxBodyBytes must be a positive number of bytes, got NaN'],
    [
      { maxBodyBytes: Number.POSITIVE_INFINITY },
      'maxBodyBytes must be a positive number of bytes, got Infinity',
    ],
    [{ maxBodyBytes: '1mb' }, 'maxBodyBytes must be a positive number of bytes, got "1mb"'],
    [{ rateLimit: { burst: 0, perSecond: 10 } }, 'rateLimit.burst must be a number of requests, at least 1'],
    [
      { rateLimit: { burst: 10, perSecond: 0 } },
      'rateLimit.perSecond must be a positive number of requests per second',
    ],
    [
      { rateLimit: { burst: 10, perSecond: Number.POSITIVE_INFINITY } },
      'rateLimit: false turns the limit off',
    ],
    [
      { rateLimit: { burst: 600 } },
      'rateLimit.perSecond must be a positive number of requests per second (rateLimit: false turns the limit off), got undefined',
    ],
    [{ rateLimit: true }, 'rateLimit must be { burst, perSecond } or false, got true'],
    [{ rateLimit: 100 }, 'rateLimit must be { burst, perSecond } or false, got 100'],
    [
      { limits: { ...limits, maxEvents: 0 } },
      'limits.maxEvents must be a number of events, at least 1, got 0',
    ],
    [{ limits: { ...limits, maxDepth: -1 } }, 'limits.maxDepth must be a number of levels, at least 1'],
    [
      { limits: { maxEvents: 100 } },
      'limits.maxIdLength must be a number of characters, at least 1, got undefined',
    ],
    [
      { limits: [] },
      'limits must be { maxEvents, maxIdLength, maxEventLength, maxDepth } (BATCH_LIMITS), got an array',
    ],
    [
      { database: { url: 'postgres://x@db/x', poolSize: 0 } },
      'database.poolSize must be a number of connections, at least 1, got 0',
    ],
    [
      { database: { url: 'postgres://x@db/x', poolSize: '10' } },
      'database.poolSize must be a number of connections, at least 1, got "10"',
    ],
  ])('refuses %j at creation: %s', (options, message) => {
    expect(() => create(options)).toThrow(message);
    expect(() => create(options)).toThrow(/^createCollector: /);
  });

  it('names every option that is wrong, one line each, and opens nothing', () => {
    vi.mocked(openEventStore).mockClear();
    expect(() => create({ queryTimeoutMs: -1, maxBodyBytes: Number.NaN })).toThrow(
      /^createCollector: queryTimeoutMs .*, got -1\ncreateCollector: maxBodyBytes .*, got NaN$/,
    );
    expect(openEventStore).not.toHaveBeenCalled();
  });

  it.each<[Record<string, unknown>]>([
    // 0 where it has a meaning: no wait for the figures, no Retry-After wait beyond the client's backoff.
    [{ catchUpMs: 0 }],
    [{ retryAfterSeconds: 0 }],
    [{ rateLimit: false }],
    [{ queryTimeoutMs: 0.5 }],
    [{ queryTimeoutMs: MAX_TIMER_MS }],
    // Larger than queryTimeoutMs: the wait is capped by it, as documented.
    [{ catchUpMs: 60_000, queryTimeoutMs: 1000 }],
    [{ rateLimit: { burst: 1, perSecond: 0.01 } }],
    [{ limits: { maxEvents: 1, maxIdLength: 1, maxEventLength: 1, maxDepth: 1 } }],
    [{ database: { url: 'postgres://x@db/x', poolSize: 1 } }],
    [{ database: { url: 'postgres://x@db/x' } }],
  ])('accepts %j', (options) => {
    expect(() => create(options)).not.toThrow();
  });

  it('takes the default for an option given as undefined, as one left out', () => {
    const settings = withDefaults({
      queryTimeoutMs: undefined,
      rateLimit: undefined,
    } as unknown as CollectorOptions);
    expect(settings.queryTimeoutMs).toBe(5000);
    expect(settings.rateLimit).toEqual({ burst: 600, perSecond: 100 });
  });
});

describe('every value that works is still accepted', () => {
  const finite = (min: number, max = Number.MAX_VALUE) => fc.double({ min, max, noNaN: true });
  const positive = (max?: number) => finite(Number.MIN_VALUE, max);
  const cases: [string, fc.Arbitrary<Record<string, unknown>>][] = [
    ['queryTimeoutMs', positive(MAX_TIMER_MS).map((v) => ({ queryTimeoutMs: v }))],
    ['catchUpMs', finite(0).map((v) => ({ catchUpMs: v }))],
    ['retryAfterSeconds', fc.maxSafeNat().map((v) => ({ retryAfterSeconds: v }))],
    ['maxBodyBytes', positive().map((v) => ({ maxBodyBytes: v }))],
    ['rateLimit', fc.record({ burst: finite(1), perSecond: positive() }).map((rateLimit) => ({ rateLimit }))],
    [
      'limits',
      fc
        .record({
          maxEvents: finite(1),
          maxIdLength: finite(1),
          maxEventLength: finite(1),
          maxDepth: finite(1),
        })
        .map((l) => ({ limits: l })),
    ],
    [
      'database.poolSize',
      finite(1).map((poolSize) => ({ database: { url: 'postgres://x@db/x', poolSize } })),
    ],
  ];

  it.each(cases)('%s', (_name, options) => {
    fc.assert(
      fc.property(options, (given) => {
        expect(() => withDefaults(given as CollectorOptions)).not.toThrow();
      }),
    );
  });
});

describe('no value that cannot work gets through', () => {
  const broken = fc.oneof(
    fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, true),
    fc.string(),
    fc.integer({ min: 0 }).map(String),
  );
  const at: [string, (value: unknown) => Record<string, unknown>][] = [
    ['queryTimeoutMs', (v) => ({ queryTimeoutMs: v })],
    ['catchUpMs', (v) => ({ catchUpMs: v })],
    ['retryAfterSeconds', (v) => ({ retryAfterSeconds: v })],
    ['maxBodyBytes', (v) => ({ maxBodyBytes: v })],
    ['rateLimit.burst', (v) => ({ rateLimit: { burst: v, perSecond: 1 } })],
    ['rateLimit.perSecond', (v) => ({ rateLimit: { burst: 1, perSecond: v } })],
    ['limits.maxEventLength', (v) => ({ limits: { ...limits, maxEventLength: v } })],
    ['database.poolSize', (v) => ({ database: { url: 'postgres://x@db/x', poolSize: v } })],
  ];

  it.each(at)('%s', (name, options) => {
    fc.assert(
      fc.property(broken, (value) => {
        expect(() => withDefaults(options(value) as CollectorOptions)).toThrow(
          `createCollector: ${name} must be`,
        );
      }),
    );
  });
});
