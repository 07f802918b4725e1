// The sections of /insights that go from scores to causes: drivers, the loyalty ladder,
// retention and service speed. Each is a chart where a chart earns its place, and always
// a table with the same numbers (the JSON twin, /insights/report.json, has them too).
import type { Driver, StepKind } from './drivers.js';
import { html, type Markup, raw } from './html.js';
import { type Ladder, RUNGS, type Rung } from './ladder.js';
import { BAND_LABELS, METRICS, type Summary } from './metrics.js';
import type { Report } from './report.js';
import type { BandRetention } from './retention.js';
import { barChart, forestChart } from './svg.js';
import { formatValue, NAMES, pct, plural, points } from './words.js';

/** A table that may be wider than a phone: focusable so it scrolls from the keyboard too. */
export const scrollTable = (label: string, table: Markup): Markup =>
  html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;

const KIND_WORDS: Record<StepKind, string> = {
  event: 'event',
  page: 'page',
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

function driverSentence(d: Driver): string {
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

const RUNG_WORDS: Record<Rung, string> = {
  none: 'not yet on the ladder',
  satisfied: 'satisfied',
  loyal: 'loyal',
  advocate: 'advocate',
};

export function ladderSection(l: Ladder): Markup {
  const everyone = l.climb[0]?.atLeast ?? 0;
  if (everyone === 0) return html`<p class="muted">Nobody seen yet.</p>`;
  const rows = l.climb.slice(1).map((c) => ({
    label: RUNG_WORDS[c.rung],
    value: c.atLeast,
    text: `${c.atLeast} · ${pct(c.atLeast / everyone)}`,
    tone: 'accent',
  }));
  const falls = RUNGS.filter((r) => l.fellFrom[r] > 0);
  return html`<p class="muted">Of ${plural(everyone, 'person', 'people')} seen (by user id, else the browser's anonymous id): how many stand on each rung or above. Rules: <strong>satisfied</strong>, their latest CSAT or NPS answer is in the high band; <strong>loyal</strong>, 3 or more sessions over 30 days or more with no low-band answer; <strong>advocate</strong>, their latest NPS is a promoter's and they reached the advocacy stage. Each person stands on the highest rung whose rule holds.</p>
  <figure><figcaption>People on each rung or above</figcaption>${raw(barChart({ title: 'People on each rung of the loyalty ladder or above', rows, max: Math.max(1, ...rows.map((r) => r.value)) }))}</figure>
  ${scrollTable(
    'Loyalty ladder',
    html`<table><caption>The loyalty ladder now</caption>
    <thead><tr><th scope="col">rung</th><th scope="col">people on it</th><th scope="col">on it or above</th><th scope="col">of the rung below</th></tr></thead>
    <tbody>${l.climb.map(
      (c) =>
        html`<tr><th scope="row">${RUNG_WORDS[c.rung]}</th><td>${l.counts[c.rung]}</td><td>${c.atLeast}</td><td>${pct(c.ofPrevious)}</td></tr>`,
    )}</tbody></table>`,
  )}
  ${
    l.moves.length
      ? scrollTable(
          'Moves between rungs',
          html`<table><caption>Moves between rungs, month end to month end (UTC)</caption>
      <thead><tr><th scope="col">months</th><th scope="col">from</th><th scope="col">to</th><th scope="col">people</th></tr></thead>
      <tbody>${l.moves.flatMap((m) =>
        m.moves.map(
          (mv) =>
            html`<tr><th scope="row">${m.from} → ${m.to}</th><td>${RUNG_WORDS[mv.from]}</td><td>${RUNG_WORDS[mv.to]}</td><td>${mv.people}</td></tr>`,
        ),
      )}</tbody></table>`,
        )
      : html`<p class="muted">Moves between rungs show once the data spans two months.</p>`
  }
  ${falls.length ? html`<p>Where people fell off: ${falls.map((r) => `${plural(l.fellFrom[r], 'person', 'people')} from ${RUNG_WORDS[r]}`).join(', ')}.</p>` : ''}`;
}

export function retentionSection(bands: BandRetention[]): Markup {
  if (bands.every((b) => b.people === 0)) return html`<p class="muted">No NPS answers yet.</p>`;
  const horizons = bands[0]?.back.map((b) => b.days) ?? [];
  return html`<p class="muted">People by the band of their first NPS answer: the share who began a session again at least 30 and 90 days after it (counted only among people whose answer is that old), and the median days from their first to their latest event (shorter for people seen recently).</p>
  ${scrollTable(
    'Retention by NPS band',
    html`<table><caption>Retention and relationship length by NPS band</caption>
    <thead><tr><th scope="col">band</th><th scope="col">people</th>${horizons.map((d) => html`<th scope="col">back after ${d} days <small>(of those eligible)</small></th>`)}<th scope="col">median relationship, days</th></tr></thead>
    <tbody>${[...bands]
      .reverse()
      .map(
        (b) =>
          html`<tr><th scope="row">${BAND_LABELS.nps[b.band]}s</th><td>${b.people}</td>${b.back.map((r) => html`<td>${pct(r.share)} <small>(${r.returned} of ${r.eligible})</small></td>`)}<td>${b.medianDays === null ? '–' : b.medianDays.toFixed(1)}</td></tr>`,
      )}</tbody></table>`,
  )}`;
}

const csatOf = (c: Record<'low' | 'mid' | 'high', number>) => {
  const n = c.low + c.mid + c.high;
  return n ? `${Math.round((100 * c.high) / n)}%` : '–';
};

export function serviceSection(s: Report['service']): Markup {
  const channels = s.byChannel.filter((c) => c.csat.n > 0);
  const channelTable = (list: Array<{ channel: string; csat: Summary }>) =>
    scrollTable(
      'CSAT by channel',
      html`<table><caption>CSAT by channel (a link survey's channel, else web)</caption>
      <thead><tr><th scope="col">channel</th><th scope="col">CSAT</th><th scope="col">answers</th></tr></thead>
      <tbody>${list.map((c) => html`<tr><th scope="row">${c.channel}</th><td>${c.csat.value === null ? '–' : `${c.csat.value}%`}</td><td>${c.csat.n}</td></tr>`)}</tbody></table>`,
    );
  if (s.visits === 0)
    return html`<p class="muted">No session has entered the service stage yet.</p>${channels.length ? channelTable(channels) : ''}`;
  const rows = s.byTime
    .filter((b) => b.visits > 0)
    .map((b) => {
      const n = b.csat.low + b.csat.mid + b.csat.high;
      return {
        label: b.bucket,
        value: n ? (100 * b.csat.high) / n : null,
        text: n ? `${csatOf(b.csat)} (${n})` : 'no CSAT',
        tone: 'accent',
      };
    });
  return html`<p>${plural(s.visits, 'session')} entered the service stage: ${s.outcomes.resolved} resolved, ${s.outcomes.left} left without a resolution event, ${s.outcomes.open} still open. Median time to resolution or leaving: ${s.medianMinutes === null ? '–' : `${s.medianMinutes.toFixed(1)} min`}.</p>
  <figure><figcaption>CSAT (% of 4–5) after a service visit, by how long it took</figcaption>${raw(barChart({ title: 'CSAT after a service visit by time to resolution, percent', rows, max: 100 }))}</figure>
  ${scrollTable(
    'Service speed',
    html`<table><caption>Service visits by time from entering the stage to resolution or leaving</caption>
    <thead><tr><th scope="col">time</th><th scope="col">visits</th><th scope="col">CSAT</th><th scope="col">CSAT answers (low / mid / high)</th></tr></thead>
    <tbody>${s.byTime.map(
      (b) =>
        html`<tr><th scope="row">${b.bucket}</th><td>${b.visits}</td><td>${csatOf(b.csat)}</td><td>${b.csat.low} / ${b.csat.mid} / ${b.csat.high}</td></tr>`,
    )}</tbody></table>`,
  )}
  ${channels.length ? channelTable(channels) : ''}`;
}

/** The page's lead: how are we doing (the scores), where (the weakest stage), and why (the strongest driver). */
export function summarySentences(report: Report): Markup {
  const how = METRICS.filter((m) => report.overall[m].n > 0).map(
    (m) =>
      `${NAMES[m]} ${formatValue(m, report.overall[m].value)} (${plural(report.overall[m].n, 'answer')})`,
  );
  if (how.length === 0) return html``;
  const weakest = report.byStage
    .filter(([stage, s]) => stage !== '' && s.nps.n >= 10 && s.nps.value !== null)
    .sort(([, a], [, b]) => (a.nps.value ?? 0) - (b.nps.value ?? 0))[0];
  const why = report.drivers.find((d) => d.significant && d.difference > 0);
  return html`<ul class="summary">
    <li><strong>How:</strong> ${how.join(' · ')}.</li>
    ${weakest ? html`<li><strong>Where:</strong> NPS is lowest among answers given in the <em>${weakest[0]}</em> stage: ${formatValue('nps', weakest[1].nps.value)} (${plural(weakest[1].nps.n, 'answer')}).</li>` : ''}
    <li><strong>Why:</strong> ${why ? html`${NAMES[why.metric]}: ${driverSentence(why)} <a href="#drivers">See the drivers</a>` : 'no step goes with low scores clearly enough yet.'}</li>
  </ul>`;
}
