// What a link survey's URL carries, and the rule for reading it back. Pure, so the
// collector (verifying) and `touchpoint link` (signing) apply the very same rule.

/** The signed query parameters, in the order they are signed. */
export const LINK_KEYS = ['ref', 'u', 'ch', 'exp', 'score'] as const;

/** The query parameter holding the signature. */
export const SIGNATURE_KEY = 'sig';

/** What one link says: the survey, who and what it is about, and an optional pre-chosen score. */
export interface LinkParams {
  surveyId: string;
  /** The ticket, order or call the answer is about (`props.ref`). */
  ref?: string;
  /** The person's user id (`userId`). */
  u?: string;
  /** Where the link was sent: `email`, `sms`, `chat`… (`props.channel`). */
  ch?: string;
  /** Expiry, in seconds since the epoch. */
  exp?: number;
  /** The score chosen from an e-mail button. */
  score?: number;
}

/** Longest `ref` and `u`: the collector's ids are at most 200 characters. */
export const MAX_LINK_TEXT = 200;
/** Control characters (U+0000–U+001F, U+007F) have no place in an id, and U+0000 none in PostgreSQL. */
const hasControl = (text: string) =>
  [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const CHANNEL = /^[a-z][a-z0-9_-]{0,39}$/;
const SURVEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/**
 * Why these parameters cannot make a link, or undefined. A link must name a `ref` or a `u`:
 * one answer is kept per (survey, ref, u), so a link naming neither would share its answer
 * with every other such link.
 */
export function linkProblem(params: LinkParams): string | undefined {
  const { surveyId, ref, u, ch, exp, score } = params;
  if (!SURVEY_ID.test(surveyId))
    return `survey id ${JSON.stringify(surveyId)}: expected letters, digits, _ . -`;
  if (!ref && !u) return 'a link needs a ref (ticket or order id) or a user id, or both';
  for (const [key, value] of [
    ['ref', ref],
    ['u', u],
  ] as const) {
    if (value !== undefined && (value.length > MAX_LINK_TEXT || hasControl(value)))
      return `${key}: expected at most ${MAX_LINK_TEXT} characters without control characters`;
  }
  if (ch !== undefined && !CHANNEL.test(ch))
    return `ch ${JSON.stringify(ch)}: expected a channel name like email, sms, chat`;
  if (exp !== undefined && !(Number.isSafeInteger(exp) && exp > 0)) return 'exp: expected seconds since 1970';
  if (score !== undefined && !(Number.isInteger(score) && score >= 0 && score <= 10))
    return 'score: expected an integer from 0 to 10';
  return undefined;
}

/** Digits only: `Number()` would also take `1e3`, ` 7` or `0x10`, which sign differently. */
const integer = (text: string | undefined) =>
  text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;

/** The parameters of a link's query, or why they cannot be read. Unknown parameters (an e-mail tool's `utm_*`) are ignored. */
export function readLink(
  surveyId: string,
  query: URLSearchParams,
): { ok: true; params: LinkParams; sig: string | undefined } | { ok: false; problem: string } {
  for (const key of [...LINK_KEYS, SIGNATURE_KEY]) {
    if (query.getAll(key).length > 1) return { ok: false, problem: `${key}: given more than once` };
  }
  const text = (key: string) => query.get(key) || undefined;
  const params: LinkParams = { surveyId };
  for (const key of ['ref', 'u', 'ch'] as const) {
    const value = text(key);
    if (value !== undefined) params[key] = value;
  }
  for (const key of ['exp', 'score'] as const) {
    const value = text(key);
    if (value === undefined) continue;
    const n = integer(value);
    if (Number.isNaN(n)) return { ok: false, problem: `${key}: expected digits` };
    params[key] = n;
  }
  const problem = linkProblem(params);
  return problem ? { ok: false, problem } : { ok: true, params, sig: text(SIGNATURE_KEY) };
}
