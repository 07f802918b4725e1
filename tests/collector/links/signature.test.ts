// The signing rule: what is signed, and every way a link is refused.
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { vi } from 'vitest';
import type { LinkParams } from '../../../packages/collector/src/links/link-params.js';
import {
  canonicalLink,
  signedQuery,
  signLink,
  verifyLink,
} from '../../../packages/collector/src/links/signature.js';

vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const SECRET = 'test-secret';
const NOW = 1_800_000_000;
const link: LinkParams = {
  surveyId: 'support-csat',
  ref: 'T-123',
  u: 'u-7',
  ch: 'email',
  exp: NOW + 60,
  score: 2,
};

describe('canonicalLink', () => {
  it('names every signed key in a fixed order, absent ones empty', () => {
    expect(canonicalLink({ surveyId: 'support-csat', ref: 'T-1' })).toBe(
      'touchpoint-link/1\nsupport-csat\nref=T-1&u=&ch=&exp=&score=',
    );
  });

  it('percent-encodes values, so a value cannot pose as another key', () => {
    const smuggled = canonicalLink({ surveyId: 's', ref: 'T-1&u=admin' });
    const honest = canonicalLink({ surveyId: 's', ref: 'T-1', u: 'admin' });
    expect(smuggled).not.toBe(honest);
  });
});

describe('verifyLink', () => {
  const sig = signLink(link, SECRET);

  it.each([
    ['a link as signed', link, sig, SECRET, NOW, 'ok'],
    ['no signature', link, undefined, SECRET, NOW, 'unsigned'],
    ['an empty signature', link, '', SECRET, NOW, 'unsigned'],
    ['another score', { ...link, score: 9 }, sig, SECRET, NOW, 'tampered'],
    ['another ref', { ...link, ref: 'T-124' }, sig, SECRET, NOW, 'tampered'],
    ['another survey', { ...link, surveyId: 'other' }, sig, SECRET, NOW, 'tampered'],
    ['a later expiry', { ...link, exp: NOW + 3600 }, sig, SECRET, NOW, 'tampered'],
    ['the expiry removed', { ...link, exp: undefined }, sig, SECRET, NOW, 'tampered'],
    ['a channel added', { ...link, ch: 'sms' }, sig, SECRET, NOW, 'tampered'],
    ['the wrong secret', link, sig, 'other-secret', NOW, 'tampered'],
    ['a truncated signature', link, sig.slice(0, -1), SECRET, NOW, 'tampered'],
    ['a signature with characters outside base64url', link, `${sig.slice(0, -1)}!`, SECRET, NOW, 'tampered'],
    ['a padded signature', link, `${sig}=`, SECRET, NOW, 'tampered'],
    ['the second it expires', link, sig, SECRET, NOW + 60, 'expired'],
    ['a second before it expires', link, sig, SECRET, NOW + 59, 'ok'],
  ] as const)('%s: %s', (_, params, given, secret, now, verdict) => {
    expect(verifyLink(params as LinkParams, given, secret, now)).toBe(verdict);
  });

  it('an expired link with a wrong signature is tampered, not expired', () => {
    expect(verifyLink(link, signLink(link, 'other'), SECRET, NOW + 3600)).toBe('tampered');
  });

  it('compares the MACs with crypto.timingSafeEqual', () => {
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();
    verifyLink(link, signLink({ ...link, score: 3 }, SECRET), SECRET, NOW);
    expect(compare).toHaveBeenCalledTimes(1);
  });

  it('any change to a signed link is refused (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ ref: fc.string({ maxLength: 20 }), score: fc.integer({ min: 0, max: 10 }) }),
        fc.record({ ref: fc.string({ maxLength: 20 }), score: fc.integer({ min: 0, max: 10 }) }),
        (a, b) => {
          fc.pre(a.ref !== b.ref || a.score !== b.score);
          const signed = signLink({ surveyId: 's', ...a }, SECRET);
          return verifyLink({ surveyId: 's', ...b }, signed, SECRET, NOW) === 'tampered';
        },
      ),
    );
  });
});

describe('signedQuery', () => {
  it('lists the given keys in order, then sig', () => {
    const query = new URLSearchParams(signedQuery({ surveyId: 's', u: 'u-7', ref: 'T 1' }, SECRET));
    expect([...query.keys()]).toEqual(['ref', 'u', 'sig']);
    expect(query.get('ref')).toBe('T 1');
    expect(query.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
