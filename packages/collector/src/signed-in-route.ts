// The guard in front of /insights and /admin: the sign-in form's POST, public assets, then
// access() decides between the page, the sign-in form and a refusal for other machines.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { access } from './auth.js';
import type { CollectorSettings } from './collector-options.js';
import { sendJson } from './respond.js';
import { signIn, signInPage } from './sign-in.js';

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<unknown> | unknown;

export interface SignedInRoute {
  /** Where the pages are mounted, like `/insights`. */
  path: string;
  /** Files below `path` that hold nothing private (the sign-in form uses a stylesheet). */
  assets: readonly string[];
  /** What a client on another machine is refused, when no token is configured: "read it", "edit". */
  refused: string;
  serve: Route;
}

export function signedIn(
  settings: CollectorSettings,
  { path, assets, refused, serve }: SignedInRoute,
): Route {
  return (req, res, url) => {
    if (url.pathname === `${path}/sign-in` && req.method === 'POST') {
      return signIn(req, res, settings.insightsToken, path);
    }
    const isAsset = assets.some((asset) => url.pathname === `${path}/${asset}`);
    const allowed = isAsset ? 'granted' : access(req, settings.insightsToken, settings.clientAddress(req));
    if (allowed === 'granted') return serve(req, res, url);
    req.resume();
    if (allowed === 'loopback-only') {
      return sendJson(res, 403, {
        error: `${url.pathname}: no insights token is configured, so only this machine may ${refused}; set TOUCHPOINT_INSIGHTS_TOKEN`,
      });
    }
    return signInPage(res, path);
  };
}
