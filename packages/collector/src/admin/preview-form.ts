// "Preview on the site": a GET form choosing one recent page the survey's globs match; the
// route sends the browser there with `?tp_preview=` pointing at the draft.
import { html, type Markup } from '../insights/html.js';
import { linesOf } from './form-values.js';
import { matchingPaths } from './glob-matches.js';
import type { PageContext } from './layout.js';
import type { SeenPath } from './traffic.js';

export function previewForm(
  ctx: PageContext,
  pagesField: string | undefined,
  paths: readonly SeenPath[],
  blocked: Markup | undefined,
): Markup {
  const globs = linesOf(pagesField);
  const candidates = globs.length ? matchingPaths(globs, paths) : paths;
  return html`<section aria-labelledby="preview">
<h2 id="preview">Preview on the site</h2>
<p class="hint">Opens the page with the saved draft: the preview banner shows, sampling and cooldowns are skipped, and answers are not recorded.</p>
${blocked ? html`<p class="notice alert">${blocked}</p>` : ''}
${
  candidates.length
    ? html`<form method="get" action="${ctx.base}/preview">
<div class="field">
<label for="preview-page">Page</label>
<select id="preview-page" name="page">${candidates.slice(0, 50).map((p) => html`<option value="${p.path}">${p.path}</option>`)}</select>
</div>
<button type="submit" class="secondary">Preview on the site</button>
</form>`
    : html`<p>No page of the last 30 days matches, so there is nothing to preview on yet.</p>`
}
</section>`;
}
