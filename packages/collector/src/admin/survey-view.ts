// The survey form page with everything it checks against the site: the findings of the
// validator and lint on the recent paths, the event names the site sent, the reach estimate
// from its recent visits, and whether "Preview on the site" can work from this collector.
import { matchPages, type Problem, type Survey } from '@touchpoint/core/rules';
import { html } from '../insights/html.js';
import { type AdminRequest, type Editor, findings, originOf, traffic, windowStart } from './editor.js';
import { estimateReach } from './estimate.js';
import { linesOf, objectAt } from './form-values.js';
import { renderSurveyPage, type SurveyPage } from './survey-page.js';
import { DAY_MS, RECENT_DAYS, recentEventNames, recentVisits } from './traffic.js';
import { latestVersion } from './versions.js';

export type SurveyView = Pick<
  SurveyPage,
  'original' | 'revision' | 'fields' | 'prefix' | 'notice' | 'status'
> & {
  /** The whole configuration with this survey in it, as lint judges it. */
  config: unknown;
  survey: unknown;
  /** What the form itself could not read, at full paths. */
  formProblems?: readonly Problem[];
};

export async function showSurvey(editor: Editor, { db, req, res }: AdminRequest, page: SurveyView) {
  const { paths, pathList } = await traffic(editor, db);
  const problems = [...(page.formProblems ?? []), ...findings(page.config, pathList)];
  const invalid = problems.some(
    (p) => p.level === 'error' && (p.path === page.prefix || p.path.startsWith(`${page.prefix}.`)),
  );
  const since = windowStart(editor);
  const visits = invalid ? [] : await recentVisits(db, since);
  const first = visits.reduce((min, v) => Math.min(min, v.ts), Infinity);
  const windowDays = Math.max(1, Math.min(RECENT_DAYS, Math.ceil((editor.now() - first) / DAY_MS)));
  const live = await latestVersion(db);
  const collector = originOf(req);
  // The page preview would open: the first recent path the survey's globs match.
  const globs = linesOf(page.fields['when.pages']);
  const target = paths.find((p) => !globs.length || matchPages(globs, p.path).ok);
  const siteOrigin = target ? new URL(target.url).origin : undefined;
  const allowed = objectAt(live?.config).previewOrigins;
  const previewBlocked =
    siteOrigin === collector || (Array.isArray(allowed) && allowed.includes(collector))
      ? undefined
      : html`The live configuration does not list this collector (${collector}) in its preview origins, so the site will refuse the draft. Add it in <a href="${editor.base}/settings">Site settings</a> and publish once.`;
  renderSurveyPage(res, editor.ctx, {
    ...page,
    problems,
    paths,
    eventNames: await recentEventNames(db, since),
    estimate: invalid ? undefined : estimateReach(page.survey as Survey, visits, windowDays),
    previewBlocked,
  });
}
