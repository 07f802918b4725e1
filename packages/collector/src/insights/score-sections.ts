// The sections of /insights about scores: the metric cards, scores by stage and over
// time, visitors by stage, churn, and what came before a score. Each chart has a table
// or a text beside it with the same numbers.
import { html, raw } from './html.js';
import { BANDS, type Band, type FunnelRow, METRICS, type Metric, type Summary } from './metrics.js';
import type { Report } from './report.js';
import { type ByMetric, type MarkerEffect, TREND_DAYS } from './rollup.js';
import { scrollTable } from './sections.js';
import { bandSplit, barChart, lineChart } from './svg.js';
import { formatValue, NAMES, plural } from './words.js';

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

const toneOf = (metric: Metric, value: number | null) =>
  metric === 'nps' ? ((value ?? 0) < 0 ? 'low' : 'high') : 'accent';

export function scoreCard(metric: Metric, s: Summary) {
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

export type Row = [string, Record<Metric, Pick<Summary, 'n'> & Partial<Summary>>];

export function metricTable(caption: string, keyName: string, rows: Row[], label = (k: string) => k) {
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

export function byStageCharts(byStage: Array<[string, ByMetric]>) {
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

export function dailyCharts(days: string[], daily: Map<string, ByMetric>, trend: Map<string, ByMetric>) {
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

export function funnelChart(rows: FunnelRow[]) {
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

export function churnSection(churn: Report['churn']) {
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

export function markersTable(markers: MarkerEffect[], overall: ByMetric) {
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
