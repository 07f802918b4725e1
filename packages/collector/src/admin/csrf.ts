// CSRF protection for every state-changing admin request, in two independent checks: the
// form must carry the token only pages of this collector contain (an HMAC of the admin
// secret, so every instance of one deployment agrees on it), and a browser that says where
// the request comes from (`Origin`, `Sec-Fetch-Site`) must say this same site. SameSite=Strict
// on the sign-in cookie is a third line, not the only one: without a token configured the
// admin is open to this machine, where any page in a local browser could post to it.
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sameSecret } from '../auth.js';

/** The form field that carries the token. */
export const CSRF_FIELD = 'csrf';

export const csrfToken = (secret: string) =>
  createHmac('sha256', secret).update('touchpoint admin csrf').digest('base64url');

/** Why a state-changing request is refused, or undefined when it may proceed. */
export function csrfProblem(req: IncomingMessage, given: string | null, secret: string): string | undefined {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `a request from another site (${site})`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'an unreadable Origin';
    }
    if (host !== req.headers.host) return `a request from ${origin}`;
  } else if (origin === 'null') return 'a request from an opaque origin';
  if (!given || !sameSecret(given, csrfToken(secret))) return 'a missing or forged form token';
  return undefined;
}
