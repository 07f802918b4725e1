// The site-wide settings: the stages map, the fatigue limits, the preview origins.
import type { ServerResponse } from 'node:http';
import type { Problem } from '@touchpoint/core/rules';
import { html, type Markup } from '../insights/html.js';
import type { FieldValues } from './form-values.js';
import { draftFormInputs, field, type PageContext, problemsAlert, sendPage } from './layout.js';
import { problemsByField } from './problem-fields.js';

export interface SettingsPage {
  revision: number;
  fields: FieldValues;
  problems: readonly Problem[];
  collectorOrigin: string;
  notice?: Markup | undefined;
  status?: number;
}

export function renderSettingsPage(res: ServerResponse, ctx: PageContext, page: SettingsPage) {
  const byField = problemsByField(page.problems, '');
  const f = (spec: Omit<Parameters<typeof field>[0], 'value'>) =>
    field({ ...spec, value: page.fields[spec.name] ?? '' }, byField.get(spec.name) ?? []);
  const general = byField.get('') ?? [];
  const body = html`<h1>Site settings</h1>
${page.notice ?? ''}
${problemsAlert(general)}
<form method="post" action="${ctx.base}/settings" novalidate>
${draftFormInputs(ctx, page.revision)}
<fieldset>
<legend>Journey stages by page</legend>
${f({ name: 'stages', label: 'Stages', kind: 'textarea', hint: 'One "glob = stage" a line, such as /checkout/** = purchase; the most specific glob wins.' })}
</fieldset>
<fieldset>
<legend>Survey fatigue limits</legend>
<div class="grid">
${f({ name: 'limits.maxPerSession', label: 'Surveys per session at most', kind: 'number' })}
${f({ name: 'limits.minDaysBetweenSurveys', label: 'Days between any two surveys', kind: 'number' })}
</div>
</fieldset>
<fieldset>
<legend>Preview</legend>
${f({ name: 'previewOrigins', label: 'Preview origins', kind: 'textarea', hint: `One origin a line that may serve drafts to the site. "Preview on the site" needs this collector's origin, ${page.collectorOrigin}, here and published.` })}
</fieldset>
<div class="actions"><button type="submit">Save draft</button></div>
</form>`;
  sendPage(res, page.status ?? 200, ctx, 'Site settings', '/settings', body);
}
