// The /insights page, rendered on the server from buildReport()'s data: plain HTML,
// SVG charts and a same-origin stylesheet, no script, so it works under the demo's
// `default-src 'self'` and the comment filters are a GET form. Every value goes
// through html`…`, which escapes it.
import { html, type Markup, markupText, raw } from './html.js';
import {
  BAND_LABELS,
  BANDS,
  type Band,
  type FunnelRow,
  METRICS,
  type Metric,
  type Summary,
} from './metrics.js';
import { COMMENT_DEFAULTS, type CommentRow } from './queries.js';

/** Comments per page: the query's limit. */
const COMMENT_PAGE = COMMENT_DEFAULTS.limit;

import { type ByMetric, type MarkerEffect, type Report, TREND_DAYS } from './report.js';
import {
  driversSection,
  ladderSection,
  retentionSection,
  scrollTable,
  serviceSection,
  summarySentences,
} from './sections.js';
import { bandSplit, barChart, lineChart } from './svg.js';
import { versionForm } from './version-filter.js';
import { formatValue, NAMES, plural } from './words.js';

export { formatValue };

const MEANING: Record<Metric, string> = {
  nps: '% promoters (9–10) − % detractors (0–6)',
  csat: 'share of answers 4–5 on 1–5',
  ces: 'mean effort score, 1 (hard) – 7 (easy)',
};
/** The legend under each score: counts of the bands, with their scores. */
const LEGEND: Record<Metric, Record<Band, string>> = {
  nps: { low: 'detractors (0–6)', mid: 'passives (7–8)', high: 'promoters (9–10)' },
  csat: { low: 'dissatisfied (1–2)', mid: 'neutral (3)', high: 'satisfied (4–5)' },
  ces: { low: 'hard (1–3)', mid: 'neutral (4)', high: 'easy (5–7)' },
};
/** The range each metric's charts span. */
const RANGE: Record<Metric, [number, number]> = { nps: [-100, 100], csat: [0, 100], ces: [1, 7] };

const isoDay = (ms: number | null) =>
  Number.isFinite(ms) ? new Date(ms as number).toISOString().slice(0, 10) : '';
const isoMinute = (ms: number) => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};
const toneOf = (metric: Metric, value: number | null) =>
  metric === 'nps' ? ((value ?? 0) < 0 ? 'low' : 'high') : 'accent';

function scoreCard(metric: Metric, s: Summary) {
  const words = LEGEND[metric];
  return html`<article class="card">
    <h3>${NAMES[metric]}</h3>
    <p class="big ${s.value === null ? 'none' : ''}">${formatValue(metric, s.value)}</p>
    <p class="muted">${MEANING[metric]} · ${plural(s.n, 'answer')}</p>
    ${raw(bandSplit({ title: `${NAMES[metric]}: ${s.low} ${words.low}, ${s.mid} ${words.mid}, ${s.high} ${words.high}`, low: s.low, mid: s.mid, high: s.high }))}
    <p class="legend">${BANDS.map((b) => html`<span class="item"><span class="key ${b}"></span>${s[b]} ${words[b]}</span>`)}</p>
    ${s.invalid ? html`<p class="muted">${plural(s.invalid, 'score')} off the scale left out</p>` : ''}
  </article>`;
}

/** A cell: the value and its answer count, or a dash. */
const cell = (metric: Metric, s: Pick<Summary, 'n'> & Partial<Summary>) =>
  s.n === 0
    ? html`<td class="none">–</td>`
    : html`<td>${formatValue(metric, s.value)} <small>(${s.n})</small></td>`;

type Row = [string, Record<Metric, Pick<Summary, 'n'> & Partial<Summary>>];

function metricTable(caption: string, keyName: string, rows: Row[], label = (k: string) => k) {
  if (rows.length === 0) return html`<p class="muted">No answers yet.</p>`;
  return scrollTable(
    caption,
    html`<table>
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${keyName}</th>${METRICS.map((m) => html`<th scope="col">${NAMES[m]} <small>(n)</small></th>`)}</tr></thead>
    <tbody>${rows.map(([key, s]) => html`<tr><th scope="row">${label(key)}</th>${METRICS.map((m) => cell(m, s[m]))}</tr>`)}</tbody>
  </table>`,
  );
}

function byStageCharts(byStage: Array<[string, ByMetric]>) {
  return METRICS.map((metric) => {
    const rows = byStage
      .filter(([, s]) => s[metric].n > 0)
      .map(([stage, s]) => ({
        label: stage || '(no stage)',
        value: s[metric].value,
        text: `${formatValue(metric, s[metric].value)} (${s[metric].n})`,
        tone: toneOf(metric, s[metric].value),
      }));
    const [min, max] = RANGE[metric];
    return html`<figure><figcaption>${NAMES[metric]} by stage</figcaption>${
      rows.length
        ? raw(barChart({ title: `${NAMES[metric]} by journey stage`, rows, min, max }))
        : html`<p class="muted">no data</p>`
    }</figure>`;
  });
}

function dailyCharts(days: string[], daily: Map<string, ByMetric>, trend: Map<string, ByMetric>) {
  const pointsOf = (byDay: Map<string, ByMetric>, metric: Metric) => {
    const points: Record<string, { value: number | null; n: number }> = {};
    for (const day of days) {
      const s = byDay.get(day)?.[metric];
      if (s) points[day] = { value: s.value, n: s.n };
    }
    return points;
  };
  return METRICS.map((metric) => {
    const [min, max] = RANGE[metric];
    const unit = metric === 'csat' ? '%' : '';
    const chart = lineChart({
      title: `${NAMES[metric]} per day (dots) and over the last ${TREND_DAYS} days (line), UTC`,
      days,
      points: pointsOf(daily, metric),
      trend: pointsOf(trend, metric),
      min,
      max,
      unit,
    });
    return html`<figure><figcaption>${NAMES[metric]}</figcaption>${raw(chart)}</figure>`;
  });
}

function funnelChart(rows: FunnelRow[]) {
  const top = Math.max(1, ...rows.map((r) => r.visitors));
  const bars = rows.map((r) => ({
    label: r.stage,
    value: r.visitors,
    text: `${r.visitors}${r.kept === null ? '' : ` · ${r.kept}% went on`}`,
    tone: r.stage === 'churn' ? 'low' : 'accent',
  }));
  return html`<p class="muted">Not a funnel: people skip stages (a direct visit has no discovery, a returning customer goes straight to their account), so a later stage can have more visitors than an earlier one. "Went on" is the share of a stage's visitors who also reached the next one.</p>
  ${raw(barChart({ title: 'Visitors with at least one event in each journey stage', rows: bars, max: top }))}
  <div class="scroll" role="region" aria-label="Visitors by journey stage" tabindex="0"><table>
    <caption>Distinct visitors with at least one event in each stage</caption>
    <thead><tr><th scope="col">stage</th><th scope="col">visitors</th><th scope="col">of the widest stage</th><th scope="col">of the step before, went on to this one</th></tr></thead>
    <tbody>${rows.map(
      (r) =>
        html`<tr><th scope="row">${r.stage}</th><td>${r.visitors}</td><td>${r.share === null ? '–' : `${r.share}%`}</td><td>${r.kept === null ? '–' : `${r.kept}%`}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

function churnSection(churn: Report['churn']) {
  const total = churn.reduce((n, r) => n + r.visitors, 0);
  if (total === 0) return html`<p class="muted">Nobody has churned.</p>`;
  const rows = churn.map((r) => ({
    label: r.stage,
    value: r.visitors,
    text: `${r.visitors} · ${Math.round((100 * r.visitors) / total)}%`,
    tone: 'low',
  }));
  return html`<p>${plural(total, 'visitor')} reached <em>churn</em>. The last stage they were in before it:</p>
    ${raw(barChart({ title: 'Last stage before churn', rows, max: Math.max(...rows.map((r) => r.value)) }))}`;
}

function markersTable(markers: MarkerEffect[], overall: ByMetric) {
  if (markers.length === 0) return html`<p class="muted">Not enough answers with a journey trail yet.</p>`;
  return html`<div class="scroll" role="region" aria-label="Events in the trail" tabindex="0"><table>
    <caption>Answers whose journey trail holds an event, against all answers of the metric</caption>
    <thead><tr><th scope="col">in the trail</th><th scope="col">metric</th><th scope="col">those answers</th><th scope="col">all answers</th><th scope="col">difference</th></tr></thead>
    <tbody>${markers.map(
      (m) => html`<tr><th scope="row"><code>${m.marker}</code></th><td>${NAMES[m.metric]}</td>
        <td>${formatValue(m.metric, m.summary.value)} <small>(${m.summary.n})</small></td>
        <td>${formatValue(m.metric, overall[m.metric].value)} <small>(${overall[m.metric].n})</small></td>
        <td class="${m.delta < 0 ? 'worse' : m.delta > 0 ? 'better' : ''}">${m.delta > 0 ? '+' : m.delta < 0 ? '−' : ''}${Math.abs(Math.round(m.delta * 10) / 10)}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

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

/** A section of the page, labelled by its heading. */
const section = (id: string, heading: string, body: Markup) =>
  html`<section id="${id}" aria-labelledby="h-${id}">
  <h2 id="h-${id}">${heading}</h2>
  ${body}
</section>`;

/** The whole page as a string. */
export function renderPage(report: Report): string {
  const t = report.totals;
  const hasData = t.events > 0;
  const { rows } = report.comments;
  return markupText(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Insights · Touchpoint demo</title>
<link rel="stylesheet" href="/insights/insights.css">
<link rel="icon" href="/img/logo.svg" type="image/svg+xml">
</head>
<body>
<header class="top">
  <div>
    <h1>Insights</h1>
    <p class="muted">${plural(t.events, 'event')} from ${plural(t.visitors, 'visitor')} · ${plural(t.answers, 'score')} · ${plural(t.comments, 'comment')}${
      hasData ? ` · ${isoDay(t.first)} to ${isoDay(t.last)} (UTC)` : ''
    }</p>
  </div>
  <nav aria-label="Insights">
    <a href="/">Shop</a>
    <a href="/insights/export?format=csv">Export CSV</a>
    <a href="/insights/export?format=ndjson">Export NDJSON</a>
  </nav>
</header>
<main>
${
  hasData
    ? ''
    : html`<p class="empty">No events yet. Walk through the <a href="/">shop</a>, or stop the server and run <code>npx pnpm@10 run seed-demo</code> for a month of sample journeys.</p>`
}
${report.filters.problems.map((p) => html`<p class="problem" role="status">${p}</p>`)}
<section id="scores" aria-labelledby="h-scores">
  <h2 id="h-scores">How are we doing</h2>
  ${versionForm(report.versions, report.filters.version)}
  ${summarySentences(report)}
  <div class="cards">${METRICS.map((m) => scoreCard(m, report.overall[m]))}</div>
</section>
${section('drivers', 'Why: what comes before low scores', driversSection(report.drivers))}
<section id="stages" aria-labelledby="h-stages">
  <h2 id="h-stages">Where: by journey stage</h2>
  <p class="muted">The stage the person was in when they answered.</p>
  <div class="charts">${byStageCharts(report.byStage)}</div>
  ${metricTable('Scores by journey stage', 'stage', report.byStage, (k) => k || '(no stage)')}
</section>
${section('ladder', 'Loyalty ladder', ladderSection(report.ladder))}
${section('retention', 'Retention by NPS band', retentionSection(report.retention))}
${section('service', 'Service speed', serviceSection(report.service))}
<section id="time" aria-labelledby="h-time">
  <h2 id="h-time">Over time</h2>
  <p class="muted">Dots: each day's answers. Line: the last ${TREND_DAYS} days pooled, so a quiet day does not swing it.</p>
  <div class="charts">${dailyCharts(report.days, report.daily, report.trend)}</div>
</section>
<section id="funnel" aria-labelledby="h-funnel">
  <h2 id="h-funnel">Visitors by journey stage</h2>
  ${funnelChart(report.funnel)}
</section>
<section id="churn" aria-labelledby="h-churn">
  <h2 id="h-churn">Where people churn</h2>
  ${churnSection(report.churn)}
</section>
<section id="moments" aria-labelledby="h-moments">
  <h2 id="h-moments">What came before the score</h2>
  ${markersTable(report.markers, report.overall)}
</section>
<section id="surveys" aria-labelledby="h-surveys">
  <h2 id="h-surveys">By survey</h2>
  ${metricTable(
    'Scores by survey',
    'survey',
    report.bySurvey.map((s) => [
      s.surveyId,
      Object.fromEntries(METRICS.map((m) => [m, m === s.metric ? s.summary : { n: 0 }])) as Row[1],
    ]),
  )}
</section>
<section id="pages" aria-labelledby="h-pages">
  <h2 id="h-pages">By page</h2>
  ${metricTable('Scores by page path', 'page', report.byPage)}
</section>
<section id="comments" aria-labelledby="h-comments">
  <h2 id="h-comments">Comments</h2>
  ${commentForm(report)}
  <p class="muted">${commentCount(report)}</p>
  <ol class="comments">${rows.map(commentItem)}</ol>
  ${commentPager(report)}
</section>
</main>
</body>
</html>
`);
}
