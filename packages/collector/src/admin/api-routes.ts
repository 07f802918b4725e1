// The editor's JSON API for its script: `GET /admin/api/matches?pages=<globs>`, the recent
// paths the page globs match, as the form shows them under the Pages field.

import { sendJson } from '../respond.js';
import { type Handler, traffic } from './editor.js';
import { linesOf } from './form-values.js';
import { matchingPaths } from './glob-matches.js';

export const matches: Handler = async (editor, { db, res, url }) => {
  const { paths } = await traffic(editor, db);
  const globs = linesOf(url.searchParams.get('pages'));
  const matched = matchingPaths(globs, paths);
  sendJson(res, 200, {
    globs: globs.length,
    seen: paths.length,
    count: matched.length,
    matched: matched.slice(0, 8).map(({ path, views }) => ({ path, views })),
  });
};
