// The survey form: every field of a survey, each with the validator's and lint's findings
// beside it, the paths of the last 30 days its page globs match, the event names the site
// sent, the reach estimate, and "Preview on the site". Works without JavaScript: "Check"
// re-renders with what was typed; admin.js only refreshes the matches while typing.

import type { ServerResponse } from 'node:http';
import { type Problem, STAGES } from '@touchpoint/core/rules';
import { html, type Markup } from '../insights/html.js';
import type { Estimate } from './estimate.js';
import type { FieldValues } from './form-values.js';
import { globMatches } from './glob-matches.js';
import {
  draftFormInputs,
  type FieldSpec,
  field,
  type PageContext,
  problemsAlert,
  sendPage,
} from './layout.js';
import { languagesField } from './localized-field.js';
import { previewForm } from './preview-form.js';
import { problemsByField } from './problem-fields.js';
import { reachText } from './reach-text.js';
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

export function renderSurveyPage(res: ServerResponse, ctx: PageContext, page: SurveyPage) {
  const { fields } = page;
  const byField = problemsByField(page.problems, page.prefix);
  const at = (name: string) => byField.get(name) ?? [];
  const f = (spec: Omit<FieldSpec, 'value'>) =>
    field({ ...spec, value: fields[spec.name] ?? '' }, at(spec.name));
  // A text and, below it, the same text in other languages: for the question always in
  // view; for follow-ups and link labels folded away until they hold something.
  const text = (spec: Omit<FieldSpec, 'value'>, folded = true) => {
    const name = languagesField(spec.name);
    const languages = f({
      name,
      label: `${spec.label} in other languages`,
      kind: 'textarea',
      hint: folded
        ? 'One "language = text" a line, as for the question.'
        : 'One "language = text" a line, such as ar = …; the text above is then the English one, also shown to languages not listed.',
    });
    const open = Boolean(fields[name]) || at(name).length > 0;
    // One element, so a text and its languages stay one cell of a grid.
    return html`<div>${f(spec)}
${folded ? html`<details class="languages"${open ? html` open` : ''}><summary>Other languages</summary>${languages}</details>` : languages}</div>`;
  };
  const isNew = page.original === '';
  const action = `${ctx.base}/surveys/${isNew ? 'new' : encodeURIComponent(page.original)}`;
  const title = isNew ? 'New survey' : `Survey ${page.original}`;
  // Findings about the survey as a whole, and about keys the form has no field for (one a
  // newer SDK reads), named, as the form cannot show them beside a field.
  const general = [...byField].flatMap(([name, problems]) =>
    name === ''
      ? problems
      : Object.hasOwn(fields, name)
        ? []
        : problems.map((p) => ({ ...p, message: `${name}: ${p.message}` })),
  );
  const body = html`<h1>${title}</h1>
${page.notice ?? ''}
${problemsAlert(general)}
<form method="post" action="${action}" novalidate>
${draftFormInputs(ctx, page.revision)}
<fieldset>
<legend>The question</legend>
${f({ name: 'id', label: 'Survey id', hint: 'Letters, digits and dashes; answers are grouped by it.', required: true })}
${f({ name: 'metric', label: 'Metric', kind: 'select', options: METRICS })}
${text({ name: 'question', label: 'Question', kind: 'textarea', required: true }, false)}
</fieldset>
<fieldset>
<legend>When it shows</legend>
${f({
  name: 'when.pages',
  label: 'Pages',
  kind: 'textarea',
  hint: 'One path glob a line: * is one segment, ** any depth, a leading ! excludes.',
  after: globMatches(fields['when.pages'], page.paths),
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
${f({
  name: 'when.user',
  label: 'Visitor traits',
  kind: 'textarea',
  hint: 'One condition a line on the traits the site gives identify(): plan = pro, plan = pro | team (any of them), orders >= 3 (also >, <, <=). Every condition must hold; a visitor without the trait never matches.',
})}
<datalist id="event-names">${page.eventNames.map((name) => html`<option value="${name}"></option>`)}</datalist>
<datalist id="stage-names">${STAGES.map((name) => html`<option value="${name}"></option>`)}</datalist>
</fieldset>
<fieldset>
<legend>Schedule and priority</legend>
<div class="grid">
${f({ name: 'startsAt', label: 'Starts', hint: 'A date such as 2027-01-15 (midnight UTC), or a time with its zone: 2027-01-15T09:00+01:00. Empty: at once.' })}
${f({ name: 'endsAt', label: 'Ends before', hint: 'Same form; the survey stops just before it. Empty: never.' })}
${f({ name: 'priority', label: 'Priority', kind: 'number', hint: 'When several surveys are due at once, the highest wins; empty is 0.' })}
</div>
</fieldset>
<fieldset>
<legend>Follow-up and links by score</legend>
${BANDS.map(
  (band) => html`<fieldset>
<legend>${BAND_NAMES[band]}</legend>
${text({ name: `followUp.${band}`, label: 'Follow-up question' })}
<div class="grid">
${text({ name: `links.${band}.label`, label: 'Link label' })}
${f({ name: `links.${band}.url`, label: 'Link URL', hint: 'http(s) or a path on the site.' })}
</div>
</fieldset>`,
)}
${f({ name: 'strings', label: 'Text overrides', kind: 'textarea', hint: 'One "key = text" a line, keys of the prompt’s text table (thanks, close, …); "key.ar = text" for another language.' })}
</fieldset>
<section aria-labelledby="reach">
<h2 id="reach">Reach</h2>
${reachText(page.estimate)}
</section>
<div class="actions">
<button type="submit" name="action" value="save">Save draft</button>
<button type="submit" name="action" value="check" class="secondary">Check without saving</button>
<a class="button secondary" href="${ctx.base}">Back to surveys</a>
</div>
</form>
${isNew ? '' : previewForm(ctx, fields['when.pages'], page.paths, page.previewBlocked)}`;
  sendPage(res, page.status ?? 200, ctx, title, '', body);
}
