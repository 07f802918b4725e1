// `GET /admin/preview?page=<path>`: the site's page (siteOrigin says where the site is), with
// `?tp_preview=` pointing at the draft this collector serves to the preview key.
import { type Handler, originOf, traffic, windowStart } from './editor.js';
import { previewKey } from './published.js';
import { notFound, redirect } from './replies.js';
import { siteOrigin } from './traffic.js';

export const preview: Handler = async (editor, { db, req, res, url }) => {
  const page = url.searchParams.get('page');
  const { paths } = await traffic(editor, db);
  const seen = paths.find((p) => p.path === page);
  const own = originOf(req);
  const origin =
    seen && (await siteOrigin(db, windowStart(editor), editor.now(), own, editor.allowedOrigins));
  if (!seen || !origin) return notFound(res, editor.ctx, `page ${page} in the recent traffic`);
  const draftUrl = `${own}${editor.configPath}/draft.json?key=${previewKey(editor.secret)}`;
  const target = new URL(seen.path, origin);
  target.searchParams.set('tp_preview', draftUrl);
  redirect(res, target.href);
};
