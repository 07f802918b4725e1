// The sections of /insights that go from scores to causes (the drivers have their own
// file): the loyalty ladder, retention, service speed, and the page's lead. Each is a chart where a chart earns its place, and always
// a table with the same numbers (the JSON twin, /insights/report.json, has them too).
import { driverSentence } from './drivers-section.js';
import { html, type Markup, raw } from './html.js';
import { type Ladder, RUNGS, type Rung } from './ladder.js';
import { BAND_LABELS, METRICS, type Summary } from './metrics.js';
import type { Report } from './report.js';
import type { BandRetention } from './retention.js';
import { barChart } from './svg.js';
import { formatValue, NAMES, pct, plural } from './words.js';

/** A table that may be wider than a phone: focusable so it scrolls from the keyboard too. */
export const scrollTable = (label: string, table: Markup): Markup =>
  html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;

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
