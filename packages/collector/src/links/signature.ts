// The signature of a link survey's URL: HMAC-SHA256 under the collector's secret, over one
// canonical text of every signed parameter, so no parameter can be added, dropped or changed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LINK_KEYS, type LinkParams } from './link-params.js';

/**
 * The text that is signed: a version line, the survey id, then every signed key in a fixed
 * order, absent ones as empty (so adding one changes the signature), values percent-encoded
 * (so no value can smuggle a separator).
 */
export function canonicalLink(params: LinkParams): string {
  const pairs = LINK_KEYS.map((key) => `${key}=${encodeURIComponent(String(params[key] ?? ''))}`);
  return `touchpoint-link/1\n${encodeURIComponent(params.surveyId)}\n${pairs.join('&')}`;
}

const mac = (params: LinkParams, secret: string) =>
  createHmac('sha256', secret).update(canonicalLink(params)).digest();

/** The `sig` parameter: the HMAC in base64url (43 characters). */
export function signLink(params: LinkParams, secret: string): string {
  return mac(params, secret).toString('base64url');
}

/** Why a link is refused; `ok` when it may be answered. */
export type LinkVerdict = 'ok' | 'unsigned' | 'tampered' | 'expired';

/**
 * Checks `sig` against the parameters, then the expiry (after the signature, so an unsigned
 * link learns nothing). The comparison is constant-time over the 32 bytes of the MAC.
 *
 * @param nowSeconds the current time, in seconds since the epoch
 */
export function verifyLink(
  params: LinkParams,
  sig: string | undefined,
  secret: string,
  nowSeconds: number,
): LinkVerdict {
  if (!sig) return 'unsigned';
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(params, secret);
  // base64url decoding skips characters outside its alphabet: compare the text's round trip too.
  if (given.length !== expected.length || given.toString('base64url') !== sig) return 'tampered';
  if (!timingSafeEqual(given, expected)) return 'tampered';
  if (params.exp !== undefined && params.exp <= nowSeconds) return 'expired';
  return 'ok';
}

/** The query string of a signed link (`ref=…&u=…&sig=…`), signed keys in their order. */
export function signedQuery(params: LinkParams, secret: string): string {
  const query = new URLSearchParams();
  for (const key of LINK_KEYS) if (params[key] !== undefined) query.set(key, String(params[key]));
  query.set('sig', signLink(params, secret));
  return query.toString();
}
