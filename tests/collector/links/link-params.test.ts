// Reading a link's query back into parameters, and what no link may carry.
import fc from 'fast-check';
import { type LinkParams, linkProblem, readLink } from '../../../packages/collector/src/links/link-params.js';
import { signedQuery } from '../../../packages/collector/src/links/signature.js';

const read = (query: string) => readLink('support-csat', new URLSearchParams(query));

describe('readLink', () => {
  it('reads every signed parameter and the signature', () => {
    expect(read('ref=T-1&u=u-7&ch=email&exp=1800000000&score=2&sig=abc')).toEqual({
      ok: true,
      params: { surveyId: 'support-csat', ref: 'T-1', u: 'u-7', ch: 'email', exp: 1_800_000_000, score: 2 },
      sig: 'abc',
    });
  });

  it('ignores parameters it does not sign (an e-mail tool adds utm_source)', () => {
    expect(read('ref=T-1&utm_source=newsletter&sig=abc')).toMatchObject({ ok: true, params: { ref: 'T-1' } });
  });

  it.each([
    ['a key given twice', 'ref=T-1&ref=T-2&sig=x', 'ref: given more than once'],
    ['two signatures', 'ref=T-1&sig=a&sig=b', 'sig: given more than once'],
    ['neither ref nor u', 'ch=email&sig=x', 'a link needs a ref (ticket or order id) or a user id, or both'],
    ['a score in words', 'ref=T-1&score=two', 'score: expected digits'],
    ['a score with an exponent', 'ref=T-1&score=1e1', 'score: expected digits'],
    ['a negative expiry', 'ref=T-1&exp=-5', 'exp: expected digits'],
    ['a score off every scale', 'ref=T-1&score=11', 'score: expected an integer from 0 to 10'],
    [
      'a channel with spaces',
      'ref=T-1&ch=e%20mail',
      'ch "e mail": expected a channel name like email, sms, chat',
    ],
    ['a ref with a newline', 'ref=T%0A1', 'ref: expected at most 200 characters without control characters'],
    [
      'a ref too long',
      `ref=${'x'.repeat(201)}`,
      'ref: expected at most 200 characters without control characters',
    ],
  ])('refuses %s', (_, query, problem) => {
    expect(read(query)).toEqual({ ok: false, problem });
  });

  it('refuses a survey id that is not a plain name', () => {
    expect(readLink('../admin', new URLSearchParams('ref=T-1'))).toMatchObject({ ok: false });
  });

  it('reads back exactly what signedQuery wrote (property)', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((s) => !linkProblem({ surveyId: 's', ref: s }));
    fc.assert(
      fc.property(
        fc.record(
          {
            ref: text,
            u: text,
            ch: fc.constantFrom('email', 'sms', 'chat'),
            exp: fc.integer({ min: 1, max: 2 ** 40 }),
            score: fc.integer({ min: 0, max: 10 }),
          },
          { requiredKeys: ['ref'] },
        ),
        (given) => {
          const params: LinkParams = { surveyId: 'support-csat', ...given };
          const back = read(signedQuery(params, 'k'));
          expect(back).toMatchObject({ ok: true, params });
        },
      ),
    );
  });
});
