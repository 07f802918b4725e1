// The survey form: every field of a survey, each with the validator's and lint's findings
// beside it, the paths of the last 30 days its page globs match, the event names the site
// sent, the reach estimate, and "Preview on the site". Works without JavaScript: "Check"
// re-renders with what was typed; admin.js only refreshes the matches while typing.

import type { ServerResponse } from 'node:http';
import { matchPages, type Problem, STAGES } from '@touchpoint/core/rules';
import { html, type Markup } from '../insights/html.js';
import type { Estimate } from './estimate.js';
import type { FieldValues } from './form-values.js';
import { draftFormInputs, field, type PageContext, problemsAlert, sendPage } from './layout.js';
import { problemsByField } from './problem-fields.js';
import { BANDS } from './survey-form.js';
import type { SeenPath } from './traffic.js';

export interface SurveyPage {
  /** The survey's id in the draft before this edit; '' for a new survey. */
  original: string;
  revision: number;
  fields: FieldValues;
  /** Findings for the whole configuration; those under `prefix` are shown here. */
  problems: readonly Problem[];
  prefix: string;
  paths: readonly SeenPath[];
  eventNames: readonly string[];
  estimate: Estimate | undefined;
  /** Why preview cannot work yet, if it cannot. */
  previewBlocked: Markup | undefined;
  notice?: Markup | undefined;
  status?: number;
}

const METRICS = [
  ['nps', 'NPS: how likely to recommend, 0–10'],
  ['csat', 'CSAT: satisfaction with this moment, 1–5'],
  ['ces', 'CES: effort it took, 1–7'],
] as const;

const BAND_NAMES = { low: 'Low scores', mid: 'Middle scores', high: 'High scores' } as const;

const percent = (share: number) => `${Math.round(share * 100)} %`;

function matches(fields: FieldValues, paths: readonly SeenPath[]): Markup {
  const globs = fields['when.pages']
    ?.split('\n')
    .map((g) => g.trim())
    .filter(Boolean);
  const matched = globs?.length ? paths.filter((p) => matchPages(globs, p.path).ok) : [];
  const shown = matched.slice(0, 8);
  return html`<div id="matches" class="hint" aria-live="polite" data-paths-seen="${paths.length}">
<p>${
    globs?.length
      ? html`Matches <strong>${matched.length}</strong> of the ${paths.length} paths seen in the last 30 days${matched.length ? ':' : '.'}`
      : html`No pages: the survey may show on every page.`
  }</p>
${shown.length ? html`<ul class="matches">${shown.map((p) => html`<li><code>${p.path}</code> (${p.views} views)</li>`)}</ul>` : ''}
</div>`;
}

function estimateText(estimate: Estimate | undefined): Markup {
  if (!estimate) return html`<p>The estimate needs a valid survey: fix the errors marked above.</p>`;
  if (estimate.sessions === 0)
    return html`<p>No traffic recorded in the last 30 days, so no estimate yet.</p>`;
  return html`<p>About <strong>${Math.round(estimate.perWeek)}</strong> people a week would see this${
    estimate.heldBack ? html`; ${percent(estimate.heldBackShare)} held back by the cooldown` : ''
  }.</p>
<p class="hint">From ${estimate.windowDays} days of this site's traffic: ${estimate.sessions} sessions, ${estimate.qualifying} meeting the conditions, ${estimate.heldBack} within the cooldown of an earlier showing; the sample applied after. Site-wide limits are not counted.</p>`;
}

export function renderSurveyPage(res: ServerResponse, ctx: PageContext, page: SurveyPage) {
  const { fields } = page;
  const byField = problemsByField(page.problems, page.prefix);
  const at = (name: string) => byField.get(name) ?? [];
  const f = (spec: Omit<Parameters<typeof field>[0], 'value'>) =>
    field({ ...spec, value: fields[spec.name] ?? '' }, at(spec.name));
  const isNew = page.original === '';
  const action = `${ctx.base}/surveys/${isNew ? 'new' : encodeURIComponent(page.original)}`;
  const title = isNew ? 'New survey' : `Survey ${page.original}`;
  const general = at('');
  const body = html`<h1>${title}</h1>
${page.notice ?? ''}
${problemsAlert(general)}
<form method="post" action="${action}" novalidate>
${draftFormInputs(ctx, page.revision)}
<fieldset>
<legend>The question</legend>
${f({ name: 'id', label: 'Survey id', hint: 'Letters, digits and dashes; answers are grouped by it.', required: true })}
${f({ name: 'metric', label: 'Metric', kind: 'select', options: METRICS })}
${f({ name: 'question', label: 'Question', kind: 'textarea', required: true })}
</fieldset>
<fieldset>
<legend>When it shows</legend>
${f({
  name: 'when.pages',
  label: 'Pages',
  kind: 'textarea',
  hint: 'One path glob a line: * is one segment, ** any depth, a leading ! excludes.',
  after: matches(fields, page.paths),
})}
${f({ name: 'when.event', label: 'After the event', list: 'event-names', hint: 'A track event name, such as order_completed; suggestions are the events this site sent.' })}
${f({ name: 'when.stage', label: 'In the journey stage', list: 'stage-names' })}
<div class="grid">
${f({ name: 'when.delayMs', label: 'Delay (ms)', kind: 'number' })}
${f({ name: 'when.afterPageViews', label: 'After page views in the session', kind: 'number' })}
${f({ name: 'sample', label: 'Sample (0 to 1)', kind: 'number', hint: 'Share of eligible visitors who see it; empty means everyone.' })}
${f({ name: 'cooldownDays', label: 'Cooldown (days)', kind: 'number', hint: 'After it was shown or dismissed.' })}
${f({ name: 'repeatAfterDays', label: 'Ask again after (days)', kind: 'number', hint: 'After an answer; empty means never.' })}
</div>
<datalist id="event-names">${page.eventNames.map((name) => html`<option value="${name}"></option>`)}</datalist>
<datalist id="stage-names">${STAGES.map((name) => html`<option value="${name}"></option>`)}</datalist>
</fieldset>
<fieldset>
<legend>Follow-up and links by score</legend>
${BANDS.map(
  (band) => html`<fieldset>
<legend>${BAND_NAMES[band]}</legend>
${f({ name: `followUp.${band}`, label: 'Follow-up question' })}
<div class="grid">
${f({ name: `links.${band}.label`, label: 'Link label' })}
${f({ name: `links.${band}.url`, label: 'Link URL', hint: 'http(s) or a path on the site.' })}
</div>
</fieldset>`,
)}
${f({ name: 'strings', label: 'Text overrides', kind: 'textarea', hint: 'One "key = text" a line, keys of the prompt’s text table (thanks, close, …).' })}
</fieldset>
<section aria-labelledby="reach">
<h2 id="reach">Reach</h2>
${estimateText(page.estimate)}
</section>
<div class="actions">
<button type="submit" name="action" value="save">Save draft</button>
<button type="submit" name="action" value="check" class="secondary">Check without saving</button>
<a class="button secondary" href="${ctx.base}">Back to surveys</a>
</div>
</form>
${isNew ? '' : previewForm(ctx, fields, page)}`;
  sendPage(res, page.status ?? 200, ctx, title, '', body);
}

function previewForm(ctx: PageContext, fields: FieldValues, page: SurveyPage): Markup {
  const globs = (fields['when.pages'] ?? '')
    .split('\n')
    .map((g) => g.trim())
    .filter(Boolean);
  const candidates = globs.length ? page.paths.filter((p) => matchPages(globs, p.path).ok) : page.paths;
  return html`<section aria-labelledby="preview">
<h2 id="preview">Preview on the site</h2>
<p class="hint">Opens the page with the saved draft: the preview banner shows, sampling and cooldowns are skipped, and answers are not recorded.</p>
${page.previewBlocked ? html`<p class="notice alert">${page.previewBlocked}</p>` : ''}
${
  candidates.length
    ? html`<form method="get" action="${ctx.base}/preview">
<div class="field">
<label for="preview-page">Page</label>
<select id="preview-page" name="page">${candidates.slice(0, 50).map((p) => html`<option value="${p.path}">${p.path}</option>`)}</select>
</div>
<button type="submit" class="secondary">Preview on the site</button>
</form>`
    : html`<p>No page of the last 30 days matches, so there is nothing to preview on yet.</p>`
}
</section>`;
}
