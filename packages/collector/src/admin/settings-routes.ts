// `GET` and `POST /admin/settings`: the site-wide stages map, fatigue limits and preview origins.
import { findings, type Handler, originOf, siteFindings, traffic } from './editor.js';
import { notice, redirect, stale } from './replies.js';
import { settingsFields, settingsFromForm } from './settings-form.js';
import { renderSettingsPage } from './settings-page.js';
import { readDraft, saveDraft } from './versions.js';

export const showSettings: Handler = async (editor, { db, req, res, url }) => {
  const draft = await readDraft(db);
  const { pathList } = await traffic(editor, db);
  renderSettingsPage(res, editor.ctx, {
    revision: draft.revision,
    fields: settingsFields(draft.config),
    problems: siteFindings(findings(draft.config, pathList)),
    collectorOrigin: originOf(req),
    notice: url.searchParams.get('saved') ? notice('Saved to the draft.') : undefined,
  });
};

export const saveSettings: Handler = async (editor, { db, req, res, form }) => {
  const revision = Number(form.get('revision'));
  const draft = await readDraft(db);
  const config = settingsFromForm(form, draft.config);
  const { pathList } = await traffic(editor, db);
  const problems = siteFindings(findings(config, pathList));
  const page = { revision, fields: settingsFields(config), problems, collectorOrigin: originOf(req) };
  if (problems.some((p) => p.level === 'error'))
    return renderSettingsPage(res, editor.ctx, {
      ...page,
      status: 422,
      notice: notice('Not saved: fix the errors marked below.', true),
    });
  const saved = await saveDraft(db, config, revision, 'editor');
  if (!saved.ok)
    return renderSettingsPage(res, editor.ctx, {
      ...page,
      revision: saved.current.revision,
      status: 409,
      notice: stale(saved.current),
    });
  redirect(res, `${editor.base}/settings?saved=1`);
};
