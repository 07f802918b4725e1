// The /insights page, rendered on the server from buildReport()'s data: plain HTML,
// SVG charts and a same-origin stylesheet, no script, so it works under the demo's
// `default-src 'self'` and the comment filters are a GET form. Every value goes
// through html`…`, which escapes it.

import { commentsSection } from './comment-section.js';
import { driversSection } from './drivers-section.js';
import { html, type Markup, markupText } from './html.js';
import { METRICS } from './metrics.js';
import type { Report } from './report.js';
import { TREND_DAYS } from './rollup.js';
import {
  byStageCharts,
  churnSection,
  dailyCharts,
  funnelChart,
  markersTable,
  metricTable,
  type Row,
  scoreCard,
} from './score-sections.js';
import { ladderSection, retentionSection, serviceSection, summarySentences } from './sections.js';
import { versionForm } from './version-filter.js';
import { formatValue, plural } from './words.js';

export { formatValue };

const isoDay = (ms: number | null) =>
  Number.isFinite(ms) ? new Date(ms as number).toISOString().slice(0, 10) : '';

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
${
  t.pending > 0
    ? html`<p class="problem" role="status">${plural(t.pending, 'event')} stored in the last moments are still being added to these figures; reload in a minute.</p>`
    : ''
}
${
  t.skipped > 0
    ? html`<p class="problem" role="status">${plural(t.skipped, 'event')} could not be added to these figures (the collector's log names each and why); they stay stored, and a rebuild of the figures tries them again.</p>`
    : ''
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
  ${commentsSection(report)}
</section>
</main>
</body>
</html>
`);
}
