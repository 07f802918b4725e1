// The drivers section of /insights: the steps that go with low scores, per metric, as a
// forest plot of differences with their intervals, a sentence each, and a table, each
// step linking to the comments of the answers that had it.
import type { Driver, StepKind } from './drivers.js';
import { forestChart } from './forest-svg.js';
import { html, type Markup, raw } from './html.js';
import { BAND_LABELS, METRICS } from './metrics.js';
import { scrollTable } from './sections.js';
import { NAMES, pct, plural, points } from './words.js';

const KIND_WORDS: Record<StepKind, string> = {
  event: 'event',
  page: 'page',
  pattern: 'pages',
  route: 'pages',
  stage: 'stage',
  start: 'began in stage',
};

/** Drivers shown per metric on the page; the JSON has every step tested. */
export const DRIVERS_SHOWN = 6;

const interval = ([low, high]: [number, number]) => `${Math.round(low * 100)}–${Math.round(high * 100)}%`;
const pointsInterval = ([low, high]: [number, number]) => `${points(low)} to ${points(high)}`;
const stepLabel = (d: Driver) => `${KIND_WORDS[d.kind]} ${d.step}`;
/** A chart label: event names and paths as they are, stages said so; long ones cut (the table has them whole). */
const shortLabel = (d: Driver) => {
  const label = d.kind === 'stage' || d.kind === 'start' ? `${KIND_WORDS[d.kind]} ${d.step}` : d.step;
  return label.length > 20 ? `${label.slice(0, 19)}…` : label;
};

/** Where a driver's comments are: the low-band comments whose answer's trail had the step. */
export const driverLink = (d: Pick<Driver, 'metric' | 'kind' | 'step'>): string =>
  `?metric=${d.metric}&band=low&step=${encodeURIComponent(`${d.kind}:${d.step}`)}#comments`;

/** How a low answer is said after "as likely": NPS counts people, CSAT and CES describe them. */
const LOW_PHRASE: Record<Driver['metric'], string> = {
  nps: 'to be detractors',
  csat: 'to be dissatisfied',
  ces: 'to find it hard',
};

export function driverSentence(d: Driver): string {
  const times =
    d.ratio !== null && d.ratio >= 1.5
      ? `${d.ratio.toFixed(1)}× as likely ${LOW_PHRASE[d.metric]}`
      : `${points(d.difference)} more often low (${BAND_LABELS[d.metric].low})`;
  return `Answers after ${stepLabel(d)} were ${times} (${pct(d.share)} against ${pct(d.shareWithout)} without it, ${plural(d.withN, 'answer')}).`;
}

export function driversSection(drivers: Driver[]): Markup {
  const blocks = METRICS.map((metric) => {
    const shown = drivers.filter((d) => d.metric === metric && d.difference > 0).slice(0, DRIVERS_SHOWN);
    if (shown.length === 0) return '';
    const top = shown.find((d) => d.significant);
    // Percentage points on a symmetric axis rounded to 20 pp, so zero sits in the middle.
    const max = Math.max(20, ...shown.map((d) => 100 * d.differenceInterval[1]));
    const min = Math.min(-20, ...shown.map((d) => 100 * d.differenceInterval[0]));
    const span = Math.ceil(Math.max(max, -min) / 20) * 20;
    const chart = forestChart({
      title: `${NAMES[metric]}: how much more often answers were ${BAND_LABELS[metric].low} after each step, with 95% intervals`,
      rows: shown.map((d) => ({
        label: shortLabel(d),
        value: 100 * d.difference,
        low: 100 * d.differenceInterval[0],
        high: 100 * d.differenceInterval[1],
        strong: d.significant,
        text: `${points(d.difference)} (${pointsInterval(d.differenceInterval)})`,
      })),
      min: -span,
      max: span,
      unit: ' pp',
    });
    return html`<article class="driver-block">
      <h3>${NAMES[metric]}</h3>
      ${top ? html`<p class="lead">${driverSentence(top)} <a href="${driverLink(top)}">Read their comments</a></p>` : html`<p class="muted">No step is clearly ahead of chance yet.</p>`}
      <figure><figcaption>Extra share of ${BAND_LABELS[metric].low} answers after each step, percentage points (dot) and 95% interval (line); filled: significant after correction</figcaption>${raw(chart)}</figure>
      ${scrollTable(
        `${NAMES[metric]} drivers`,
        html`<table>
        <caption>${NAMES[metric]}: steps before the answer, strongest first</caption>
        <thead><tr><th scope="col">step</th><th scope="col">answers with it</th><th scope="col">${BAND_LABELS[metric].low} with it (95% CI)</th><th scope="col">without it</th><th scope="col">difference (95% CI)</th><th scope="col">significant</th><th scope="col">comments</th></tr></thead>
        <tbody>${shown.map(
          (d) => html`<tr><th scope="row">${KIND_WORDS[d.kind]} <code>${d.step}</code></th><td>${d.withN}</td>
          <td>${pct(d.share)} <small>(${interval(d.shareInterval)})</small></td>
          <td>${pct(d.shareWithout)} <small>(${d.withoutN})</small></td>
          <td class="${d.significant ? 'worse' : ''}">${points(d.difference)} <small>(${pointsInterval(d.differenceInterval)})</small></td>
          <td>${d.significant ? 'yes' : 'no'} <small>(q = ${d.adjustedP < 0.001 ? '<0.001' : d.adjustedP.toFixed(3)})</small></td>
          <td><a href="${driverLink(d)}">comments</a></td></tr>`,
        )}</tbody></table>`,
      )}
    </article>`;
  });
  const any = blocks.some((b) => b !== '');
  return html`${any ? blocks : html`<p class="muted">Not enough answers yet to compare steps (each needs 10 answers with it and 10 without).</p>`}
  <details class="method"><summary>How this is worked out, and its limits</summary>
    <p>For each metric, every step found before an answer (a tracked event, a page or its route shape such as <code>/products/*</code>, a journey stage, the stage the session began in), in the answer's journey trail or earlier in the same session, splits the answers in two: those that had it and those that did not. The page compares the share of low-band answers (NPS 0–6, CSAT 1–2, CES 1–3) between the two, with Wilson 95% intervals for each share and Newcombe's interval for the difference. The p-value is a z test, or Fisher's exact test when the counts are small; Benjamini–Hochberg then corrects for the number of steps tested (false discovery rate 5%). Steps need 10 answers with them and 10 without. They are ranked by difference × answers with the step (how many low answers beyond the usual rate they account for).</p>
    <p>This is association, not proof of cause: a step can go with low scores because of what leads to it (people who need help visit the help pages). Steps overlap, and one answer counts under each of its steps. Use it to decide where to look, then read the comments.</p>
  </details>`;
}
