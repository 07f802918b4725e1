// The answers editor routes share: a notice at the top of a page, the stale-draft message,
// the redirect after a change (POST, then GET), and "not found".
import type { ServerResponse } from 'node:http';
import { html, type Markup } from '../insights/html.js';
import { type PageContext, sendPage } from './layout.js';
import type { Draft } from './versions.js';

export const notice = (text: Markup | string, alert = false) =>
  html`<div class="notice${alert ? ' alert' : ''}" role="${alert ? 'alert' : 'status'}">${text}</div>`;

/** Someone saved the draft since the form was made: nothing was saved, and how to go on. */
export const stale = (current: Draft) =>
  notice(
    html`Someone else saved the draft since this page was loaded (now revision ${current.revision}, by ${current.updatedBy ?? 'someone'}). Nothing was saved. Your edits are still in the form: save again to replace their version with yours, or <a href="">reload</a> to see theirs.`,
    true,
  );

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

export function notFound(res: ServerResponse, ctx: PageContext, what: string) {
  sendPage(
    res,
    404,
    ctx,
    'Not found',
    '',
    html`<h1>Not found</h1><p>There is no ${what}.</p><p><a href="${ctx.base}">Back to surveys</a></p>`,
  );
}
