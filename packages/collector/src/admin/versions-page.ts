// The version history: every published version (who, when, note, hash, answers asked under
// it), a readable diff between any two, and one-click rollback.
import type { ServerResponse } from 'node:http';
import { html, type Markup } from '../insights/html.js';
import type { Change } from './diff.js';
import { csrfInput, type PageContext, sendPage } from './layout.js';
import type { Version } from './versions.js';

export interface VersionsPage {
  versions: readonly Version[];
  answersByHash: ReadonlyMap<string, number>;
  diff: { from: number; to: number; changes: readonly Change[] } | undefined;
  notice?: Markup | undefined;
}

const json = (value: unknown) => JSON.stringify(value, null, 1);

function options(versions: readonly Version[], selected: number | undefined) {
  return versions.map(
    (v) =>
      html`<option value="${v.number}"${v.number === selected ? html` selected` : ''}>Version ${v.number}</option>`,
  );
}

function diffTable(diff: NonNullable<VersionsPage['diff']>): Markup {
  if (!diff.changes.length) return html`<p>Versions ${diff.from} and ${diff.to} are the same.</p>`;
  return html`<table>
<caption>From version ${diff.from} to version ${diff.to}: ${diff.changes.length} change(s)</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>${diff.changes.map(
    (c) => html`<tr><th scope="row"><code>${c.path}</code></th>
<td>${c.kind === 'added' ? html`<em>absent</em>` : html`<del><pre>${json(c.before)}</pre></del>`}</td>
<td>${c.kind === 'removed' ? html`<em>removed</em>` : html`<ins><pre>${json(c.after)}</pre></ins>`}</td></tr>`,
  )}</tbody>
</table>`;
}

export function renderVersionsPage(res: ServerResponse, ctx: PageContext, page: VersionsPage) {
  const [newest, previous] = page.versions;
  const body = html`<h1>Versions</h1>
${page.notice ?? ''}
${
  page.versions.length
    ? html`<table>
<thead><tr><th scope="col">Version</th><th scope="col">Published</th><th scope="col">Note</th><th scope="col">Answers</th><th scope="col"><span class="wide-only">Rollback</span></th></tr></thead>
<tbody>${page.versions.map(
        (v) => html`<tr>
<td>${v.number}${v === newest ? html` <span class="status">Live</span>` : ''}<br><code class="hint">${v.configHash}</code></td>
<td>${v.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC<br>by ${v.author}</td>
<td>${v.note}</td>
<td>${page.answersByHash.get(v.configHash) ?? 0}</td>
<td>${
          v === newest
            ? ''
            : html`<form method="post" action="${ctx.base}/versions/${v.number}/rollback" class="inline">
${csrfInput(ctx)}
<label class="hint" for="author-${v.number}">Your name</label>
<input id="author-${v.number}" name="author" required>
<button type="submit" class="secondary">Roll back to ${v.number}</button>
</form>`
        }</td>
</tr>`,
      )}</tbody>
</table>
<p class="hint">Answers are counted by the configuration hash they were asked under; a rollback shares its hash with the version it repeats.</p>`
    : html`<p>Nothing is published yet.</p>`
}
${
  page.versions.length > 1
    ? html`<section aria-labelledby="compare">
<h2 id="compare">Compare two versions</h2>
<form method="get" action="${ctx.base}/versions" class="grid">
<div class="field"><label for="from">From</label><select id="from" name="from">${options(page.versions, page.diff?.from ?? previous?.number)}</select></div>
<div class="field"><label for="to">To</label><select id="to" name="to">${options(page.versions, page.diff?.to ?? newest?.number)}</select></div>
<div class="actions"><button type="submit" class="secondary">Compare</button></div>
</form>
${page.diff ? diffTable(page.diff) : ''}
</section>`
    : ''
}`;
  sendPage(res, 200, ctx, 'Versions', '/versions', body);
}
