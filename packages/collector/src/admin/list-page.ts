// The editor's home: the draft's surveys with their state (live, scheduled, ended, paused,
// draft) and their answers so far, the publish form, and the draft's findings.
import type { ServerResponse } from 'node:http';
import type { Problem } from '@touchpoint/core/rules';
import { html, type Markup } from '../insights/html.js';
import { draftFormInputs, field, type PageContext, problemList, sendPage } from './layout.js';
import type { SurveyState } from './survey-state.js';
import type { Version } from './versions.js';

export interface ListedSurvey {
  id: string;
  metric: string;
  /** The question's English (or first) text. */
  question: string;
  /** The question's other languages. */
  languages: readonly string[];
  state: SurveyState;
  answers: number;
}

export interface ListPage {
  surveys: readonly ListedSurvey[];
  /** Published surveys the draft no longer has (they go at the next publish). */
  removed: readonly string[];
  revision: number;
  live: Version | undefined;
  /** True when the draft differs from the live version. */
  unpublished: boolean;
  problems: readonly Problem[];
  publishedUrl: string;
  notice?: Markup | undefined;
  status?: number;
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function statusText(state: SurveyState): string {
  const edited = state.edited ? ', edited in the draft' : '';
  switch (state.status) {
    case 'paused':
      return state.published ? 'Paused: still live until the next publish' : 'Paused';
    case 'draft':
      return 'Draft only';
    case 'scheduled':
      return `Scheduled: starts ${utc(state.at ?? 0)}${edited}`;
    case 'ended':
      return `Ended ${utc(state.at ?? 0)}${edited}`;
    default:
      return `Live${edited}`;
  }
}

/** Pause or Resume: a form, as every change is a CSRF-checked POST against the draft's revision. */
function pauseForm(ctx: PageContext, s: ListedSurvey, revision: number): Markup {
  const paused = s.state.status === 'paused';
  return html`<form method="post" action="${ctx.base}/surveys/${encodeURIComponent(s.id)}/${paused ? 'resume' : 'pause'}" class="inline">
${draftFormInputs(ctx, revision)}
<button type="submit" class="link" aria-label="${paused ? 'Resume' : 'Pause'} ${s.id}">${paused ? 'Resume' : 'Pause'}</button>
</form>`;
}

export function renderListPage(res: ServerResponse, ctx: PageContext, page: ListPage) {
  const errors = page.problems.filter((p) => p.level === 'error');
  const body = html`<h1>Surveys</h1>
${page.notice ?? ''}
<p>${
    page.live
      ? html`Live: version ${page.live.number}, published by ${page.live.author} on ${page.live.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, served at <a href="${page.publishedUrl}"><code>${page.publishedUrl}</code></a>.`
      : html`Nothing is published yet; pages will read <code>${page.publishedUrl}</code> once it is.`
  }</p>
<div class="actions"><a class="button" href="${ctx.base}/surveys/new">New survey</a></div>
${
  page.surveys.length
    ? html`<table>
<caption class="hint">Surveys of the draft, in the order they are tried</caption>
<thead><tr><th scope="col">Survey</th><th scope="col">Status</th><th scope="col">Answers</th><th scope="col"><span class="wide-only">Actions</span></th></tr></thead>
<tbody>
${page.surveys.map(
  (s) => html`<tr>
<td><a href="${ctx.base}/surveys/${encodeURIComponent(s.id)}">${s.id}</a> <span class="hint">${s.metric.toUpperCase()}</span><br><span>${s.question}</span>${s.languages.length ? html` <span class="hint">also ${s.languages.join(', ')}</span>` : ''}</td>
<td><span class="status status-${s.state.status}">${statusText(s.state)}</span></td>
<td>${s.answers}</td>
<td><a href="${ctx.base}/surveys/new?duplicate=${encodeURIComponent(s.id)}" aria-label="Duplicate ${s.id}">Duplicate</a>
<a href="${ctx.base}/surveys/${encodeURIComponent(s.id)}/delete" aria-label="Delete ${s.id}">Delete</a>
${pauseForm(ctx, s, page.revision)}</td>
</tr>`,
)}
</tbody>
</table>`
    : html`<p>No surveys yet.</p>`
}
${page.removed.length ? html`<p>Removed in the draft, still live until the next publish: ${page.removed.join(', ')}.</p>` : ''}
<section aria-labelledby="publish">
<h2 id="publish">Publish</h2>
${page.problems.length ? problemList(page.problems) : ''}
${
  errors.length
    ? html`<p>Fix the errors above to publish.</p>`
    : page.unpublished
      ? html`<form method="post" action="${ctx.base}/publish">
${draftFormInputs(ctx, page.revision)}
<div class="grid">
${field({ name: 'author', label: 'Your name', value: '', required: true })}
${field({ name: 'note', label: 'What changed', value: '' })}
</div>
<button type="submit">Publish the draft</button>
</form>`
      : html`<p>The draft is what is live${page.surveys.some((s) => s.state.status === 'paused') ? ', its paused surveys left out' : ''}.</p>`
}
</section>`;
  sendPage(res, page.status ?? 200, ctx, 'Surveys', '', body);
}

/** "Delete survey x?" with the form that does it. */
export function renderDeletePage(res: ServerResponse, ctx: PageContext, id: string, revision: number) {
  const body = html`<h1>Delete survey ${id}?</h1>
<p>It leaves the draft now, and the site at the next publish. Its answers are kept.</p>
<form method="post" action="${ctx.base}/surveys/${encodeURIComponent(id)}/delete" class="actions">
${draftFormInputs(ctx, revision)}
<button type="submit" class="danger">Delete ${id}</button>
<a class="button secondary" href="${ctx.base}/surveys/${encodeURIComponent(id)}">Cancel</a>
</form>`;
  sendPage(res, 200, ctx, `Delete ${id}`, '', body);
}
