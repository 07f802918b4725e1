import { describe, expect, it } from 'vitest';
import { CONSENT_BUFFER_LIMIT, consentedAtStart, hold } from '../../packages/core/src/consent';
import type { JourneyEvent } from '../../packages/core/src/types';

describe('consentedAtStart', () => {
  it.each<[unknown, boolean, boolean]>([
    [undefined, false, true],
    [undefined, true, false],
    [true, true, true],
    [true, false, true],
    // A stored refusal holds whatever requireConsent says.
    [false, false, false],
    [false, true, false],
    // Anything else stored counts as no decision.
    ['yes', true, false],
    ['yes', false, true],
  ])('decision %j with requireConsent %j: %j', (decision, requireConsent, consented) => {
    expect(consentedAtStart(decision, requireConsent)).toBe(consented);
  });
});

describe('hold', () => {
  it('keeps the last CONSENT_BUFFER_LIMIT events and says when the oldest was dropped', () => {
    const held: JourneyEvent[] = [];
    const event = (n: number) => ({ id: `${n}` }) as JourneyEvent;
    for (let n = 0; n < CONSENT_BUFFER_LIMIT; n++) expect(hold(held, event(n))).toBe(false);
    expect(hold(held, event(CONSENT_BUFFER_LIMIT))).toBe(true);
    expect(held.length).toBe(CONSENT_BUFFER_LIMIT);
    expect(held[0]?.id).toBe('1');
  });
});
