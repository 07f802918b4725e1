// Changes made from the survey list, each one POST against the draft revision the list was
// made from: delete a survey, pause or resume it. A change from a stale list is refused.
import { idOf, surveysOf, withSurveys } from './draft-surveys.js';
import type { AdminRequest, Editor, Handler } from './editor.js';
import { showList } from './list-routes.js';
import { withPause } from './paused.js';
import { notFound, redirect, stale } from './replies.js';
import { readDraft, saveDraft } from './versions.js';

/** Saves `change(surveys)` as the draft, then lists it with `done=<id>` (or says it was stale). */
async function changeSurveys(
  editor: Editor,
  request: AdminRequest,
  done: string,
  change: (surveys: unknown[], id: string) => unknown[],
) {
  const [id] = request.params as [string];
  const draft = await readDraft(request.db);
  const config = withSurveys(draft.config, change(surveysOf(draft.config), id));
  const saved = await saveDraft(request.db, config, Number(request.form.get('revision')), 'editor');
  if (!saved.ok) return showList(editor, request, { status: 409, notice: stale(saved.current) });
  redirect(request.res, `${editor.base}?${done}=${encodeURIComponent(id)}`);
}

/** `POST /surveys/<id>/delete`. */
export const deleteSurvey: Handler = (editor, request) =>
  changeSurveys(editor, request, 'deleted', (surveys, id) => surveys.filter((s) => idOf(s) !== id));

/** `POST /surveys/<id>/pause` and `/resume`: the draft-only mark (paused.ts). */
export const pauseSurvey =
  (paused: boolean): Handler =>
  async (editor, request) => {
    const [id] = request.params as [string];
    if (!surveysOf((await readDraft(request.db)).config).some((s) => idOf(s) === id))
      return notFound(request.res, editor.ctx, `survey ${id}`);
    return changeSurveys(editor, request, paused ? 'paused' : 'resumed', (surveys) =>
      surveys.map((s) => (idOf(s) === id ? withPause(s, paused) : s)),
    );
  };
