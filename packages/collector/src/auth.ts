// Who may read insights and the export: a bearer token, or the cookie the sign-in form
// sets; with no token configured, only this machine. Tokens are compared as SHA-256
// digests with timingSafeEqual, so neither their content nor their length leaks by timing.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopback } from './loopback.js';

/** The sign-in cookie's name. */
export const SESSION_COOKIE = 'touchpoint_insights';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Equal strings, in time that depends on neither. */
export const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(digest(given), digest(expected));

/**
 * The cookie's value: derived from the token, never the token itself, so a leaked
 * cookie does not give away the bearer token. Changing the token signs everyone out.
 */
export const sessionValue = (token: string) =>
  createHmac('sha256', token).update('touchpoint insights session').digest('base64url');

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export type Access = 'granted' | 'sign-in' | 'loopback-only';

/**
 * May this request read insights? `sign-in` when a token is configured and this request
 * brought none or a wrong one; `loopback-only` when no token is configured and the client
 * is not on this machine.
 */
export function access(req: IncomingMessage, token: string | undefined, address: string | undefined): Access {
  if (!token) return isLoopback(address) ? 'granted' : 'loopback-only';
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (bearer !== undefined) return sameSecret(bearer, token) ? 'granted' : 'sign-in';
  const session = cookie(req, SESSION_COOKIE);
  if (session !== undefined && sameSecret(session, sessionValue(token))) return 'granted';
  return 'sign-in';
}
