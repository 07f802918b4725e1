// What every editor route shares: the editor's settings and clock, the request it answers,
// and the readings of the site's recent traffic that its checks run against.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lint, type Problem } from '@touchpoint/core/rules';
import type { AllowedOrigins } from '../cors.js';
import type { Queryable } from '../database.js';
import { csrfToken } from './csrf.js';
import type { PageContext } from './layout.js';
import { unmarked } from './paused.js';
import { DAY_MS, RECENT_DAYS, recentPaths } from './traffic.js';

export interface AdminOptions {
  /** Where the editor lives. */
  path: string;
  /** Where the published configuration and the preview draft are served (published.ts). */
  configPath: string;
  /** Signs the CSRF token and the preview key: the insights token, or a per-process secret. */
  secret: string;
  /** The collector's `allowedOrigins`: when a list, the preview opens only a site it lists. */
  allowedOrigins?: AllowedOrigins;
  /** The clock, for "the last 30 days". */
  now?: () => number;
}

/** The editor as its routes see it. */
export interface Editor {
  base: string;
  configPath: string;
  secret: string;
  allowedOrigins: AllowedOrigins;
  ctx: PageContext;
  now: () => number;
}

/** One request to a route: its database, the route's matched parts, and the form of a POST. */
export interface AdminRequest {
  db: Queryable;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The route pattern's groups, decoded (a survey id). */
  params: string[];
  /** The submitted form of a POST (empty for a GET). */
  form: URLSearchParams;
}

export type Handler = (editor: Editor, request: AdminRequest) => Promise<void>;

export function createEditor(options: AdminOptions): Editor {
  const { path: base, configPath, secret, allowedOrigins = '*' } = options;
  const ctx = { base, csrf: csrfToken(secret) };
  return { base, configPath, secret, allowedOrigins, ctx, now: options.now ?? Date.now };
}

/** Where "the last 30 days" begins. */
export const windowStart = (editor: Editor) => editor.now() - RECENT_DAYS * DAY_MS;

/** The paths the site served recently, most viewed first. */
export async function traffic(editor: Editor, db: Queryable) {
  const paths = await recentPaths(db, windowStart(editor));
  return { paths, pathList: paths.map((p) => p.path) };
}

/** Lint against the paths the site really served, as `touchpoint lint --pages` would. */
export const findings = (config: unknown, pathList: string[]): Problem[] =>
  lint(unmarked(config), pathList.length ? pathList : undefined).problems;

/** Findings about the site-wide parts, not about a survey. */
export const siteFindings = (problems: readonly Problem[]) =>
  problems.filter((p) => !p.path.startsWith('surveys'));

/** This collector's origin as the browser sees it (behind a TLS proxy that says so). */
export const originOf = (req: IncomingMessage) => {
  const secure =
    (req.socket as { encrypted?: boolean }).encrypted === true ||
    req.headers['x-forwarded-proto'] === 'https';
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
};
