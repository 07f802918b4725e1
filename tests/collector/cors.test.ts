import { corsFor } from '../../packages/collector/src/cors.js';

describe('corsFor', () => {
  it.each([
    ['any origin allowed', 'https://a.example', '*' as const, true, '*'],
    ['no Origin, any allowed', undefined, '*' as const, true, '*'],
    ['a listed origin', 'https://shop.example', ['https://shop.example'], true, 'https://shop.example'],
    ['an origin not listed', 'https://evil.example', ['https://shop.example'], false, undefined],
    [
      'a listed origin on another port',
      'https://shop.example:8443',
      ['https://shop.example'],
      false,
      undefined,
    ],
    ['no Origin (a server, curl)', undefined, ['https://shop.example'], true, undefined],
  ])('%s', (_case, origin, allowed, ok, header) => {
    const decision = corsFor(origin, allowed);
    expect(decision.allowed).toBe(ok);
    expect(decision.headers['access-control-allow-origin']).toBe(header);
    expect(decision.headers['access-control-allow-credentials']).toBeUndefined();
    if (header) expect(decision.headers['access-control-expose-headers']).toBe('Retry-After');
    if (allowed !== '*') expect(decision.headers.vary).toBe('Origin');
  });
});
