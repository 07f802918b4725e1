// The comments of /insights: a GET form of filters, the comments newest first with the
// journey before each score, and links to the newer and older pages.
import { COMMENT_DEFAULTS, type CommentRow } from './comment-query.js';
import { html, type Markup, raw } from './html.js';
import { BAND_LABELS, BANDS, METRICS, type Metric } from './metrics.js';
import type { Report } from './report.js';
import { NAMES, plural } from './words.js';

/** Comments per page: the query's limit. */
const COMMENT_PAGE = COMMENT_DEFAULTS.limit;

const isoMinute = (ms: number) => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

function trailList(trail: unknown) {
  if (!Array.isArray(trail) || trail.length === 0) return '';
  const steps = (trail as unknown[])
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
    .slice(-8);
  return html`<details class="trail-details"><summary>Journey before the score (${plural(steps.length, 'step')})</summary><ol class="trail" aria-label="Journey before the score">${steps.map(
    (s) =>
      html`<li><span class="stage">${typeof s.stage === 'string' ? s.stage : '–'}</span> ${typeof s.name === 'string' ? s.name : s.type} <code>${typeof s.path === 'string' ? s.path : ''}</code></li>`,
  )}</ol></details>`;
}

function commentItem(c: CommentRow) {
  const words =
    c.metric && Object.hasOwn(BAND_LABELS, c.metric) ? BAND_LABELS[c.metric as Metric] : undefined;
  const bandWord = c.band && words ? words[c.band] : 'off the scale';
  return html`<li class="comment">
    <p class="meta"><span class="score ${c.band ?? 'none'}">${c.score ?? '?'}</span>
      <span class="band">${bandWord}</span> · ${c.surveyId ?? ''} (${(c.metric && Object.hasOwn(NAMES, c.metric) ? NAMES[c.metric as Metric] : undefined) ?? c.metric ?? ''})
      · <span class="stage">${c.stage ?? 'no stage'}</span> · <code>${c.path}</code>
      · <time datetime="${Number.isFinite(c.ts) ? new Date(c.ts).toISOString() : ''}">${isoMinute(c.ts)}</time></p>
    <blockquote>${String(c.comment).slice(0, 2000)}</blockquote>
    ${trailList(c.trail)}
  </li>`;
}

function commentForm(report: Report) {
  const { stage, band, metric, step, version } = report.filters;
  const option = (value: string, label: string, current: string | null) =>
    html`<option value="${value}"${current === value ? raw(' selected') : ''}>${label}</option>`;
  const stages =
    stage && !report.commentStages.includes(stage) ? [...report.commentStages, stage] : report.commentStages;
  return html`<form method="get" action="/insights#comments" class="filters">
    <label>Stage <select name="stage">${option('', 'every stage', stage ?? '')}${stages.map((s) => option(s, s, stage))}</select></label>
    <label>Band <select name="band">${option('', 'every band', band ?? '')}${BANDS.map((b) =>
      option(b, `${b}: ${[...new Set(Object.values(BAND_LABELS).map((w) => w[b]))].join(' / ')}`, band),
    )}</select></label>
    <label>Metric <select name="metric">${option('', 'every metric', metric ?? '')}${METRICS.map((m) => option(m, NAMES[m], metric))}</select></label>
    ${step ? html`<input type="hidden" name="step" value="${step}"><p class="muted">Only comments whose journey before the score had <code>${step}</code>.</p>` : ''}
    ${version ? html`<input type="hidden" name="version" value="${version}">` : ''}
    <button type="submit">Filter</button>
    ${stage || band || metric || step ? html`<a href="/insights${version ? `?version=${version}` : ''}#comments">Clear</a>` : ''}
  </form>`;
}

/** "The newest 50 of 312 comments", or which page of them this is. */
function commentCount(report: Report): string {
  const { rows, total } = report.comments;
  const first = (report.filters.page - 1) * COMMENT_PAGE + 1;
  if (total === rows.length && report.filters.page === 1) return `${plural(total, 'comment')}, newest first.`;
  if (rows.length === 0) return `No comments here (${plural(total, 'comment')} in all).`;
  return `Comments ${first}–${first + rows.length - 1} of ${total}, newest first.`;
}

/** Links to the newer and older pages of comments, keeping the filters. */
function commentPager(report: Report) {
  const { total } = report.comments;
  const { page, stage, band, metric, step, version } = report.filters;
  const href = (to: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ stage, band, metric, step, version }))
      if (value) params.set(key, value);
    if (to > 1) params.set('page', String(to));
    const query = params.toString();
    return `/insights${query ? `?${query}` : ''}#comments`;
  };
  const last = Math.max(1, Math.ceil(total / COMMENT_PAGE));
  if (last === 1 && page === 1) return '';
  return html`<nav class="pager" aria-label="Comment pages">
    ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">Newer comments</a>` : ''}
    <span>page ${Math.min(page, last)} of ${last}</span>
    ${page < last ? html`<a href="${href(page + 1)}" rel="next">Older comments</a>` : ''}
  </nav>`;
}

/** The comments section's body: filters, count, the comments, pages. */
export const commentsSection = (report: Report): Markup => html`${commentForm(report)}
  <p class="muted">${commentCount(report)}</p>
  <ol class="comments">${report.comments.rows.map(commentItem)}</ol>
  ${commentPager(report)}`;
