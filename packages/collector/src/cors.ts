// Who may send events from a browser (SPEC "Wire format"). Pure: the answer's CORS headers
// for a request's Origin, or a refusal. No credentials are ever allowed: the events carry
// their own ids and no cookie is read.
import type { OutgoingHttpHeaders } from 'node:http';

/** `'*'` (any site), or the exact origins allowed, like `https://shop.example`. */
export type AllowedOrigins = '*' | readonly string[];

export type CorsDecision =
  | { allowed: true; headers: OutgoingHttpHeaders }
  | { allowed: false; headers: OutgoingHttpHeaders };

/** `Retry-After` readable across origins, so the adapter can honour it. */
const EXPOSE = { 'access-control-expose-headers': 'Retry-After' };

export function corsFor(origin: string | undefined, allowed: AllowedOrigins): CorsDecision {
  if (allowed === '*') return { allowed: true, headers: { 'access-control-allow-origin': '*', ...EXPOSE } };
  // The answer depends on the Origin, so caches must keep one copy per origin.
  const vary = { vary: 'Origin' };
  // No Origin: not a browser's cross-origin request (a server, curl, a same-origin form).
  if (origin === undefined) return { allowed: true, headers: vary };
  if (!allowed.includes(origin)) return { allowed: false, headers: vary };
  return { allowed: true, headers: { 'access-control-allow-origin': origin, ...EXPOSE, ...vary } };
}
