// The sign-in form of /insights, for people in a browser: it posts the token once and gets
// an HttpOnly, SameSite=Strict cookie (auth.ts), so the page and its export links work
// without a header. Scripts and curl send `Authorization: Bearer <token>` instead.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE, sameSecret, sessionValue } from './auth.js';
import { html, markupText } from './insights/html.js';
import { readBody } from './read-body.js';
import { sendHtml, sendJson } from './respond.js';

/** A token is short; anything longer than this is not one. */
const MAX_FORM_BYTES = 4096;

function page(res: ServerResponse, status: number, insightsPath: string, problem?: string) {
  const text = markupText(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Touchpoint insights</title>
<link rel="stylesheet" href="${insightsPath}/insights.css">
</head>
<body>
<main>
<h1>Touchpoint insights</h1>
${problem ? html`<p role="alert">${problem}</p>` : ''}
<form method="post" action="${insightsPath}/sign-in">
<label for="token">Insights token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`);
  sendHtml(res, status, text, { 'www-authenticate': 'Bearer realm="touchpoint insights"' });
}

/** The answer to a request without a valid token: the form for people, 401 for all. */
export function signInPage(res: ServerResponse, insightsPath: string) {
  page(res, 401, insightsPath);
}

/** Behind TLS (directly or at a proxy that says so), the cookie is only sent over TLS. */
const isSecure = (req: IncomingMessage) =>
  (req.socket as { encrypted?: boolean }).encrypted === true || req.headers['x-forwarded-proto'] === 'https';

/** POST <insights>/sign-in with `token=…`: sets the session cookie and goes to the page. */
export async function signIn(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
  insightsPath: string,
) {
  if (!token) {
    req.resume();
    return sendJson(res, 403, { error: 'no insights token is configured; set TOUCHPOINT_INSIGHTS_TOKEN' });
  }
  const body = await readBody(req, MAX_FORM_BYTES);
  if (!body.ok) {
    if (body.reason === 'aborted') return res.destroy();
    return page(res, 413, insightsPath, 'That is too long to be the token.');
  }
  const given = new URLSearchParams(body.text).get('token') ?? '';
  if (!sameSecret(given, token)) return page(res, 401, insightsPath, 'That token is not the right one.');
  const cookie = [
    `${SESSION_COOKIE}=${sessionValue(token)}`,
    `Path=${insightsPath}`,
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=2592000',
    ...(isSecure(req) ? ['Secure'] : []),
  ].join('; ');
  res.writeHead(303, { location: insightsPath, 'set-cookie': cookie, 'cache-control': 'no-store' });
  res.end();
}
