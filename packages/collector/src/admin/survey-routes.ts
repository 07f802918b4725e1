// A survey's pages: the form for a new survey (or a duplicate), the form of a survey of the
// draft, saving either, and the confirmation before a delete. Every save is validated with
// the SDK's validator on top of what the form could read, and made against the draft
// revision the form came from, so nobody overwrites someone else's edit silently.
import { html } from '../insights/html.js';
import { configErrors } from './config-errors.js';
import { diffConfigs } from './diff.js';
import { idOf, surveysOf, withSurveys } from './draft-surveys.js';
import type { Handler } from './editor.js';
import { objectAt } from './form-values.js';
import { renderDeletePage } from './list-page.js';
import { isPaused, unmarked } from './paused.js';
import { notFound, notice, redirect, stale } from './replies.js';
import { readSurveyForm, surveyFields } from './survey-form.js';
import { showSurvey } from './survey-view.js';
import { readDraft, saveDraft } from './versions.js';

/** `GET /surveys/new`, or `?duplicate=<id>`: the form, the survey added at the end of the draft. */
export const newSurvey: Handler = async (editor, request) => {
  const draft = await readDraft(request.db);
  const surveys = surveysOf(draft.config);
  const source = surveys.find((s) => idOf(s) === request.url.searchParams.get('duplicate'));
  const survey = source ? { ...objectAt(source), id: `${String(idOf(source))}-copy` } : { metric: 'csat' };
  return showSurvey(editor, request, {
    original: '',
    revision: draft.revision,
    fields: surveyFields(survey),
    prefix: `surveys[${surveys.length}]`,
    config: withSurveys(draft.config, [...surveys, survey]),
    survey,
  });
};

/** `GET /surveys/<id>`. */
export const editSurvey: Handler = async (editor, request) => {
  const [id] = request.params as [string];
  const draft = await readDraft(request.db);
  const index = surveysOf(draft.config).findIndex((s) => idOf(s) === id);
  if (index < 0) return notFound(request.res, editor.ctx, `survey ${id}`);
  const survey = surveysOf(draft.config)[index];
  return showSurvey(editor, request, {
    original: id,
    revision: draft.revision,
    fields: surveyFields(survey),
    prefix: `surveys[${index}]`,
    config: draft.config,
    survey,
    notice: request.url.searchParams.get('saved')
      ? notice('Saved to the draft. Publish it from the survey list.')
      : isPaused(survey)
        ? notice(
            'This survey is paused: it is left out when the draft is published. Resume it from the survey list.',
          )
        : undefined,
  });
};

/** `GET /surveys/<id>/delete`: "Delete survey x?" */
export const confirmDelete: Handler = async (editor, { db, res, params }) => {
  const [id] = params as [string];
  const draft = await readDraft(db);
  if (!surveysOf(draft.config).some((s) => idOf(s) === id)) return notFound(res, editor.ctx, `survey ${id}`);
  renderDeletePage(res, editor.ctx, id, draft.revision);
};

/** `POST /surveys/new` and `POST /surveys/<id>`: check, or save to the draft. */
export const saveSurvey: Handler = async (editor, request) => {
  const { db, res, form } = request;
  const original = request.params[0] ?? '';
  const draft = await readDraft(db);
  const surveys = surveysOf(draft.config);
  const index = original === '' ? surveys.length : surveys.findIndex((s) => idOf(s) === original);
  if (index < 0) return notFound(res, editor.ctx, `survey ${original}`);
  const { survey, problems } = readSurveyForm(form, surveys[index]);
  const config = withSurveys(draft.config, surveys.toSpliced(index, 1, survey));
  const prefix = `surveys[${index}]`;
  const revision = Number(form.get('revision'));
  const formProblems = problems.map((p) => ({ ...p, path: `${prefix}.${p.path}` }));
  // The validator names a repeated id on the later survey, which may not be this one: a rename
  // onto another survey's id must not save (delete would then remove both).
  if (surveys.some((other, i) => i !== index && idOf(other) === idOf(survey)))
    formProblems.push({
      level: 'error',
      path: `${prefix}.id`,
      message: `another survey of the draft has the id ${JSON.stringify(idOf(survey))}`,
    });
  // What was typed is shown again as typed where the form could not read it.
  const fields = formProblems.length
    ? { ...surveyFields(survey), ...Object.fromEntries(form) }
    : surveyFields(survey);
  const page = { original, revision, fields, prefix, config, survey, formProblems };
  if (form.get('action') === 'check') return showSurvey(editor, request, page);
  const errors = configErrors(unmarked(config)).filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
  );
  if (errors.length || formProblems.length)
    return showSurvey(editor, request, {
      ...page,
      status: 422,
      notice: notice('Not saved: fix the errors marked below.', true),
    });
  const saved = await saveDraft(db, config, revision, 'editor');
  if (saved.ok)
    return redirect(res, `${editor.base}/surveys/${encodeURIComponent(String(survey.id))}?saved=1`);
  // Theirs against yours, field by field, so merging is reading one list.
  const theirs = surveysOf(saved.current.config).find((s) => idOf(s) === original);
  const changes = theirs === undefined ? [] : diffConfigs(theirs, survey);
  const merge = changes.length
    ? html`<p>Where your form differs from the draft now:</p><ul>${changes.map(
        (c) =>
          html`<li><code>${c.path || 'the survey'}</code>: theirs ${JSON.stringify(c.before) ?? 'absent'}, yours ${JSON.stringify(c.after) ?? 'absent'}</li>`,
      )}</ul>`
    : '';
  return showSurvey(editor, request, {
    ...page,
    revision: saved.current.revision,
    status: 409,
    notice: html`${stale(saved.current)}${merge}`,
  });
};
