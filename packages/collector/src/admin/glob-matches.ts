// The paths of the last 30 days a survey's page globs match, shown under the Pages field.
// Rendered on the server, so "Check without saving" shows it without JavaScript; admin.js
// rewrites the same element while globs are typed.
import { matchPages } from '@touchpoint/core/rules';
import { html, type Markup } from '../insights/html.js';
import { linesOf } from './form-values.js';
import type { SeenPath } from './traffic.js';

/** The recent paths `globs` match; none for no globs (the survey is not bound to pages). */
export const matchingPaths = (globs: readonly string[], paths: readonly SeenPath[]): SeenPath[] =>
  globs.length ? paths.filter((p) => matchPages([...globs], p.path).ok) : [];

export function globMatches(pagesField: string | undefined, paths: readonly SeenPath[]): Markup {
  const globs = linesOf(pagesField);
  const matched = matchingPaths(globs, paths);
  const shown = matched.slice(0, 8);
  return html`<div id="matches" class="hint" aria-live="polite" data-paths-seen="${paths.length}">
<p>${
    globs.length
      ? html`Matches <strong>${matched.length}</strong> of the ${paths.length} paths seen in the last 30 days${matched.length ? ':' : '.'}`
      : html`No pages: the survey may show on every page.`
  }</p>
${shown.length ? html`<ul class="matches">${shown.map((p) => html`<li><code>${p.path}</code> (${p.views} views)</li>`)}</ul>` : ''}
</div>`;
}
