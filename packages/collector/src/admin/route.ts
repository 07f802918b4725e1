// The editor's routes under /admin. Who may call them is decided before (auth.ts, the same
// sign-in as insights); here every POST is checked for CSRF first, then each form is read,
// validated with the SDK's validator and the CLI's lint rules, and saved against the draft
// revision the form was made from, so nobody overwrites someone else's edit silently.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  canonicalJson,
  lint,
  matchPages,
  type Problem,
  type Survey,
  validateConfig,
} from '@touchpoint/core/rules';
import type { Queryable } from '../database.js';
import { html, type Markup } from '../insights/html.js';
import { readBody } from '../read-body.js';
import { sendJson } from '../respond.js';
import { ADMIN_CSS } from './admin-css.js';
import { ADMIN_JS } from './admin-js.js';
import { CSRF_FIELD, csrfProblem, csrfToken } from './csrf.js';
import { diffConfigs } from './diff.js';
import { estimateReach } from './estimate.js';
import { linesOf, objectAt, textOf } from './form-values.js';
import { type PageContext, sendPage } from './layout.js';
import { type ListedSurvey, renderDeletePage, renderListPage } from './list-page.js';
import { isPaused, publishable, unmarked, withPause } from './paused.js';
import { previewKey } from './published.js';
import { rollBack } from './rollback.js';
import { settingsFields, settingsFromForm } from './settings-form.js';
import { renderSettingsPage } from './settings-page.js';
import { readSurveyForm, surveyFields } from './survey-form.js';
import { renderSurveyPage, type SurveyPage } from './survey-page.js';
import { surveyState } from './survey-state.js';
import {
  answersByHash,
  answersBySurvey,
  DAY_MS,
  RECENT_DAYS,
  recentEventNames,
  recentPaths,
  recentVisits,
  type SeenPath,
} from './traffic.js';
import {
  type Draft,
  getVersion,
  latestVersion,
  listVersions,
  publishDraft,
  readDraft,
  saveDraft,
} from './versions.js';
import { renderVersionsPage } from './versions-page.js';

export interface AdminOptions {
  /** Where the editor lives. */
  path: string;
  /** Where the published configuration and the preview draft are served (published.ts). */
  configPath: string;
  /** Signs the CSRF token and the preview key: the insights token, or a per-process secret. */
  secret: string;
  /** The clock, for "the last 30 days". */
  now?: () => number;
}

/** A form is small; this bounds what one request may make the collector read. */
const MAX_FORM_BYTES = 256 * 1024;

const surveysOf = (config: unknown): unknown[] => {
  const surveys = objectAt(config).surveys;
  return Array.isArray(surveys) ? surveys : [];
};
const idOf = (survey: unknown) => objectAt(survey).id;

/** The submitted fields as typed. */
const formFields = (form: URLSearchParams): Record<string, string> => Object.fromEntries(form);

/** This collector's origin as the browser sees it (behind a TLS proxy that says so). */
const originOf = (req: IncomingMessage) => {
  const secure =
    (req.socket as { encrypted?: boolean }).encrypted === true ||
    req.headers['x-forwarded-proto'] === 'https';
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
};

const notice = (text: Markup | string, alert = false) =>
  html`<div class="notice${alert ? ' alert' : ''}" role="${alert ? 'alert' : 'status'}">${text}</div>`;

function redirect(res: ServerResponse, location: string) {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

export function createAdmin(store: Promise<Queryable>, options: AdminOptions) {
  const { path: base, configPath, secret } = options;
  const now = options.now ?? Date.now;
  const ctx: PageContext = { base, csrf: csrfToken(secret) };
  const since = () => now() - RECENT_DAYS * DAY_MS;

  async function traffic(db: Queryable) {
    const paths = await recentPaths(db, since());
    return { paths, pathList: paths.map((p) => p.path) };
  }

  /** Lint against the paths the site really served, as `touchpoint lint --pages` would. */
  const findings = (config: unknown, pathList: string[]): Problem[] =>
    lint(unmarked(config), pathList.length ? pathList : undefined).problems;

  async function surveyPage(
    db: Queryable,
    req: IncomingMessage,
    res: ServerResponse,
    page: Pick<SurveyPage, 'original' | 'revision' | 'fields' | 'prefix' | 'notice' | 'status'> & {
      config: unknown;
      survey: unknown;
      /** What the form itself could not read, at full paths. */
      formProblems?: readonly Problem[];
    },
  ) {
    const { paths, pathList } = await traffic(db);
    const problems = [...(page.formProblems ?? []), ...findings(page.config, pathList)];
    const invalid = problems.some(
      (p) => p.level === 'error' && (p.path === page.prefix || p.path.startsWith(`${page.prefix}.`)),
    );
    const windowStart = since();
    const visits = invalid ? [] : await recentVisits(db, windowStart);
    const first = visits.reduce((min, v) => Math.min(min, v.ts), Infinity);
    const windowDays = Math.max(1, Math.min(RECENT_DAYS, Math.ceil((now() - first) / DAY_MS)));
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
        : html`The live configuration does not list this collector (${collector}) in its preview origins, so the site will refuse the draft. Add it in <a href="${base}/settings">Site settings</a> and publish once.`;
    renderSurveyPage(res, ctx, {
      ...page,
      problems,
      paths,
      eventNames: await recentEventNames(db, windowStart),
      estimate: invalid ? undefined : estimateReach(page.survey as Survey, visits, windowDays),
      previewBlocked,
    });
  }

  async function listPage(
    db: Queryable,
    res: ServerResponse,
    extra: { notice?: Markup; status?: number } = {},
  ) {
    const draft = await readDraft(db);
    const live = await latestVersion(db);
    const answers = await answersBySurvey(db);
    const liveSurveys = new Map(surveysOf(live?.config).map((s) => [idOf(s), s]));
    const draftIds = new Set(surveysOf(draft.config).map(idOf));
    const surveys: ListedSurvey[] = surveysOf(draft.config).map((s) => {
      const survey = objectAt(s);
      const id = String(survey.id ?? '');
      return {
        id,
        metric: String(survey.metric ?? ''),
        question:
          typeof survey.question === 'string' ? survey.question : JSON.stringify(survey.question ?? ''),
        state: surveyState(s, liveSurveys.get(survey.id), now()),
        answers: answers.get(id) ?? 0,
      };
    });
    const { pathList } = await traffic(db);
    renderListPage(res, ctx, {
      surveys,
      removed: [...liveSurveys.keys()].filter((id) => !draftIds.has(id)).map(String),
      revision: draft.revision,
      live,
      unpublished: !live || canonicalJson(live.config) !== canonicalJson(publishable(draft.config)),
      problems: findings(draft.config, pathList),
      publishedUrl: `${configPath}/published.json`,
      ...extra,
    });
  }

  const stale = (current: Draft) =>
    notice(
      html`Someone else saved the draft since this page was loaded (now revision ${current.revision}, by ${current.updatedBy ?? 'someone'}). Nothing was saved. Your edits are still in the form: save again to replace their version with yours, or <a href="">reload</a> to see theirs.`,
      true,
    );

  async function saveSurvey(
    db: Queryable,
    req: IncomingMessage,
    res: ServerResponse,
    original: string,
    form: URLSearchParams,
  ) {
    const draft = await readDraft(db);
    const surveys = surveysOf(draft.config);
    const index = original === '' ? surveys.length : surveys.findIndex((s) => idOf(s) === original);
    if (index < 0) return notFound(res, `survey ${original}`);
    const read = readSurveyForm(form, surveys[index]);
    const survey = read.survey;
    const nextSurveys = [...surveys];
    nextSurveys[index] = survey;
    const config = { ...objectAt(draft.config), surveys: nextSurveys };
    const prefix = `surveys[${index}]`;
    const revision = Number(form.get('revision'));
    const formProblems = read.problems.map((p) => ({ ...p, path: `${prefix}.${p.path}` }));
    // What was typed is shown again as typed where the form could not read it.
    const fields = formProblems.length
      ? { ...surveyFields(survey), ...formFields(form) }
      : surveyFields(survey);
    const page = { original, revision, fields, prefix, config, survey, formProblems };
    if (form.get('action') === 'check') return surveyPage(db, req, res, page);
    const errors = validateConfig(unmarked(config)).problems.filter(
      (p) => p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}:`),
    );
    if (errors.length || formProblems.length)
      return surveyPage(db, req, res, {
        ...page,
        status: 422,
        notice: notice('Not saved: fix the errors marked below.', true),
      });
    const saved = await saveDraft(db, config, revision, 'editor');
    if (!saved.ok) {
      // Theirs against yours, field by field, so merging is reading one list.
      const theirs = surveysOf(saved.current.config).find((s) => idOf(s) === original);
      const changes = theirs === undefined ? [] : diffConfigs(theirs, survey);
      const merge = changes.length
        ? html`<p>Where your form differs from the draft now:</p><ul>${changes.map(
            (c) =>
              html`<li><code>${c.path || 'the survey'}</code>: theirs ${JSON.stringify(c.before) ?? 'absent'}, yours ${JSON.stringify(c.after) ?? 'absent'}</li>`,
          )}</ul>`
        : '';
      return surveyPage(db, req, res, {
        ...page,
        revision: saved.current.revision,
        status: 409,
        notice: html`${stale(saved.current)}${merge}`,
      });
    }
    redirect(res, `${base}/surveys/${encodeURIComponent(String(survey.id))}?saved=1`);
  }

  async function get(db: Queryable, req: IncomingMessage, res: ServerResponse, url: URL, route: string) {
    const q = url.searchParams;
    if (route === '') {
      const done = q.get('published')
        ? notice(`Published version ${q.get('published')}.`)
        : q.get('deleted')
          ? notice(`Deleted ${q.get('deleted')} from the draft.`)
          : q.get('paused')
            ? notice(`Paused ${q.get('paused')} in the draft: publish to take it off the site.`)
            : q.get('resumed')
              ? notice(`Resumed ${q.get('resumed')} in the draft: publish to put it back on the site.`)
              : undefined;
      return listPage(db, res, done ? { notice: done } : {});
    }
    if (route === '/surveys/new') {
      const draft = await readDraft(db);
      const source = surveysOf(draft.config).find((s) => idOf(s) === q.get('duplicate'));
      const survey = source
        ? { ...objectAt(source), id: `${String(idOf(source))}-copy` }
        : { metric: 'csat' };
      const config = { ...objectAt(draft.config), surveys: [...surveysOf(draft.config), survey] };
      return surveyPage(db, req, res, {
        original: '',
        revision: draft.revision,
        fields: surveyFields(survey),
        prefix: `surveys[${surveysOf(draft.config).length}]`,
        config,
        survey,
      });
    }
    const surveyRoute = /^\/surveys\/([^/]+)(\/delete)?$/.exec(route);
    if (surveyRoute) {
      const id = decodeURIComponent(surveyRoute[1] as string);
      const draft = await readDraft(db);
      const index = surveysOf(draft.config).findIndex((s) => idOf(s) === id);
      if (index < 0) return notFound(res, `survey ${id}`);
      if (surveyRoute[2]) return renderDeletePage(res, ctx, id, draft.revision);
      const paused = isPaused(surveysOf(draft.config)[index]);
      const survey = surveysOf(draft.config)[index];
      return surveyPage(db, req, res, {
        original: id,
        revision: draft.revision,
        fields: surveyFields(survey),
        prefix: `surveys[${index}]`,
        config: draft.config,
        survey,
        notice: q.get('saved')
          ? notice('Saved to the draft. Publish it from the survey list.')
          : paused
            ? notice(
                'This survey is paused: it is left out when the draft is published. Resume it from the survey list.',
              )
            : undefined,
      });
    }
    if (route === '/settings') {
      const draft = await readDraft(db);
      const { pathList } = await traffic(db);
      return renderSettingsPage(res, ctx, {
        revision: draft.revision,
        fields: settingsFields(draft.config),
        problems: siteFindings(findings(draft.config, pathList)),
        collectorOrigin: originOf(req),
        notice: q.get('saved') ? notice('Saved to the draft.') : undefined,
      });
    }
    if (route === '/versions') {
      const versions = await listVersions(db);
      const from = await getVersion(db, Number(q.get('from')));
      const to = await getVersion(db, Number(q.get('to')));
      return renderVersionsPage(res, ctx, {
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
    }
    if (route === '/preview') {
      const { paths } = await traffic(db);
      const seen: SeenPath | undefined = paths.find((p) => p.path === q.get('page'));
      if (!seen) return notFound(res, `page ${q.get('page')} in the recent traffic`);
      const draftUrl = `${originOf(req)}${configPath}/draft.json?key=${previewKey(secret)}`;
      const target = new URL(seen.path, new URL(seen.url).origin);
      target.searchParams.set('tp_preview', draftUrl);
      return redirect(res, target.href);
    }
    if (route === '/api/matches') {
      const { paths } = await traffic(db);
      const globs = linesOf(q.get('pages'));
      const matched = globs.length ? paths.filter((p) => matchPages(globs, p.path).ok) : [];
      return sendJson(res, 200, {
        globs: globs.length,
        seen: paths.length,
        count: matched.length,
        matched: matched.slice(0, 8).map(({ path, views }) => ({ path, views })),
      });
    }
    return notFound(res, url.pathname);
  }

  async function post(
    db: Queryable,
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    form: URLSearchParams,
  ) {
    const revision = Number(form.get('revision'));
    if (route === '/surveys/new') return saveSurvey(db, req, res, '', form);
    const pause = /^\/surveys\/([^/]+)\/(pause|resume)$/.exec(route);
    if (pause) {
      const id = decodeURIComponent(pause[1] as string);
      const draft = await readDraft(db);
      const surveys = surveysOf(draft.config);
      if (!surveys.some((s) => idOf(s) === id)) return notFound(res, `survey ${id}`);
      const paused = pause[2] === 'pause';
      const config = {
        ...objectAt(draft.config),
        surveys: surveys.map((s) => (idOf(s) === id ? withPause(s, paused) : s)),
      };
      const saved = await saveDraft(db, config, revision, 'editor');
      if (!saved.ok) return listPage(db, res, { status: 409, notice: stale(saved.current) });
      return redirect(res, `${base}?${paused ? 'paused' : 'resumed'}=${encodeURIComponent(id)}`);
    }
    const surveyRoute = /^\/surveys\/([^/]+)(\/delete)?$/.exec(route);
    if (surveyRoute && !surveyRoute[2])
      return saveSurvey(db, req, res, decodeURIComponent(surveyRoute[1] as string), form);
    if (surveyRoute) {
      const id = decodeURIComponent(surveyRoute[1] as string);
      const draft = await readDraft(db);
      const config = {
        ...objectAt(draft.config),
        surveys: surveysOf(draft.config).filter((s) => idOf(s) !== id),
      };
      const saved = await saveDraft(db, config, revision, 'editor');
      if (!saved.ok) return listPage(db, res, { status: 409, notice: stale(saved.current) });
      return redirect(res, `${base}?deleted=${encodeURIComponent(id)}`);
    }
    if (route === '/settings') {
      const draft = await readDraft(db);
      const config = settingsFromForm(form, draft.config);
      const { pathList } = await traffic(db);
      const problems = siteFindings(findings(config, pathList));
      const page = { revision, fields: settingsFields(config), problems, collectorOrigin: originOf(req) };
      if (problems.some((p) => p.level === 'error'))
        return renderSettingsPage(res, ctx, {
          ...page,
          status: 422,
          notice: notice('Not saved: fix the errors marked below.', true),
        });
      const saved = await saveDraft(db, config, revision, 'editor');
      if (!saved.ok)
        return renderSettingsPage(res, ctx, {
          ...page,
          revision: saved.current.revision,
          status: 409,
          notice: stale(saved.current),
        });
      return redirect(res, `${base}/settings?saved=1`);
    }
    if (route === '/publish') {
      const author = textOf(form.get('author'));
      if (!author)
        return listPage(db, res, {
          status: 422,
          notice: notice('Not published: give your name, so the history says who published.', true),
        });
      const result = await publishDraft(db, revision, author, textOf(form.get('note')) ?? '');
      if (result.ok) return redirect(res, `${base}?published=${result.version.number}`);
      if (result.reason === 'stale') return listPage(db, res, { status: 409, notice: stale(result.current) });
      return listPage(db, res, {
        status: 422,
        notice: notice('Not published: the draft has errors (listed below).', true),
      });
    }
    const rollback = /^\/versions\/(\d+)\/rollback$/.exec(route);
    if (rollback) {
      const author = textOf(form.get('author'));
      if (!author) return redirect(res, `${base}/versions`);
      const result = await rollBack(db, Number(rollback[1]), author);
      if (!result) return notFound(res, `version ${rollback[1]}`);
      return redirect(
        res,
        `${base}/versions?rolledback=${rollback[1]}${result.draftFollowed ? '' : '&draft=kept'}`,
      );
    }
    return notFound(res, `${base}${route}`);
  }

  function notFound(res: ServerResponse, what: string) {
    sendPage(
      res,
      404,
      ctx,
      'Not found',
      '',
      html`<h1>Not found</h1><p>There is no ${what}.</p><p><a href="${base}">Back to surveys</a></p>`,
    );
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice(base.length).replace(/\/$/, '');
    const method = req.method ?? 'GET';
    if (route === '/admin.css' || route === '/admin.js' || route === '/insights.css') {
      req.resume();
      const css = route !== '/admin.js';
      res.writeHead(200, {
        'content-type': css ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      return void res.end(css ? ADMIN_CSS : ADMIN_JS);
    }
    const db = await store;
    if (method === 'GET' || method === 'HEAD') {
      req.resume();
      return get(db, req, res, url, route);
    }
    if (method !== 'POST') {
      req.resume();
      return sendJson(res, 405, { error: `method ${method} not allowed` }, { allow: 'GET, HEAD, POST' });
    }
    const body = await readBody(req, MAX_FORM_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      return sendJson(res, 413, { error: 'form too large' });
    }
    const form = new URLSearchParams(body.text);
    const refused = csrfProblem(req, form.get(CSRF_FIELD), secret);
    if (refused)
      return sendPage(
        res,
        403,
        ctx,
        'Refused',
        '',
        html`<h1>Refused</h1><p>This change was refused: ${refused}. Nothing was saved. Open the form again from <a href="${base}">the editor</a> and submit it from there.</p>`,
      );
    return post(db, req, res, route, form);
  };
}

/** Findings about the site-wide parts, not about a survey. */
const siteFindings = (problems: readonly Problem[]) => problems.filter((p) => !p.path.startsWith('surveys'));
