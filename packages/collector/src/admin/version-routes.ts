// `GET /admin/versions` (the history, and a diff between two versions) and
// `POST /admin/versions/<n>/rollback`.
import { diffConfigs } from './diff.js';
import type { Handler } from './editor.js';
import { textOf } from './form-values.js';
import { notFound, notice, redirect } from './replies.js';
import { rollBack } from './rollback.js';
import { answersByHash } from './traffic.js';
import { getVersion, listVersions } from './versions.js';
import { renderVersionsPage } from './versions-page.js';

export const showVersions: Handler = async (editor, { db, res, url }) => {
  const q = url.searchParams;
  const versions = await listVersions(db);
  const from = await getVersion(db, Number(q.get('from')));
  const to = await getVersion(db, Number(q.get('to')));
  renderVersionsPage(res, editor.ctx, {
    versions,
    answersByHash: await answersByHash(db),
    diff:
      from && to
        ? { from: from.number, to: to.number, changes: diffConfigs(from.config, to.config) }
        : undefined,
    notice: q.get('rolledback')
      ? notice(
          `Rolled back: version ${versions[0]?.number} repeats version ${q.get('rolledback')} and is live.${q.get('draft') === 'kept' ? ' The draft held unpublished edits and was left as it was.' : ''}`,
        )
      : undefined,
  });
};

export const rollBackTo: Handler = async (editor, { db, res, form, params }) => {
  const [number] = params as [string];
  const author = textOf(form.get('author'));
  if (!author) return redirect(res, `${editor.base}/versions`);
  const result = await rollBack(db, Number(number), author);
  if (!result) return notFound(res, editor.ctx, `version ${number}`);
  redirect(res, `${editor.base}/versions?rolledback=${number}${result.draftFollowed ? '' : '&draft=kept'}`);
};
