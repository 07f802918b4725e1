// `GET <path>/<surveyId>?ref&u&ch&exp&score&sig`: the hosted page of a link survey, and
// `POST` to the same URL: the answer its script sends. Assets live under `<path>/_/`
// (a survey id cannot be `_`). A GET never records anything: mail scanners open links.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventError } from '../batch.js';
import { readBody } from '../read-body.js';
import { sendJson } from '../respond.js';
import type { EventStore } from '../store.js';
import { answerEvent, inRange, type LinkAnswer } from './answer-event.js';
import { type LinkParams, readLink } from './link-params.js';
import { LINK_CSS, LINK_SCRIPT } from './link-script.js';
import { PAGE_HEADERS, refusedPage, surveyPage } from './page.js';
import { pickLang } from './page-strings.js';
import { saveAnswer } from './save-answer.js';
import { verifyLink } from './signature.js';
import { type ConfigSource, type HostedSurvey, loadSurveys } from './survey-config.js';

/** Options of link surveys; every default is in {@link LINK_DEFAULTS}. */
export interface LinkOptions {
  /** `TOUCHPOINT_LINK_SECRET`: the HMAC key links are signed with. Without it every link is refused. */
  secret?: string | undefined;
  /** The site's survey configuration: its JSON, a file path or an http(s) URL (`--config`). Read once, at the first link. */
  config?: ConfigSource | undefined;
  /** The folder holding the widget files (`touchpoint-widget.js`, `touchpoint-widget.<lang>.js`). */
  widgetDir?: string;
  /** Where link pages live. */
  path?: string;
}

export const LINK_DEFAULTS = {
  secret: undefined as string | undefined,
  config: undefined as ConfigSource | undefined,
  /** The copy of the script-tag build's widget files the package ships in `dist/widget/` (scripts/copy-widget.mjs). */
  widgetDir: fileURLToPath(new URL('../../dist/widget/', import.meta.url)),
  path: '/s',
  /** Longest answer body: a score and a comment. */
  maxBodyBytes: 16 * 1024,
};

const WIDGET_FILE = /^touchpoint-widget(\.(ar|de|es|fr))?\.js$/;
const ASSET_HEADERS = { 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' };

type Checked =
  | { ok: true; survey: HostedSurvey; params: LinkParams }
  | { ok: false; status: number; reason: 'unsigned' | 'tampered' | 'expired' | 'unknown' | 'unavailable' };

export function createLinkRoute(
  ready: Promise<EventStore>,
  options: LinkOptions & { log: (message: string) => void; now?: () => number },
) {
  const settings = { ...LINK_DEFAULTS, ...options };
  const { path, log, secret } = settings;
  const now = options.now ?? Date.now;
  let surveys: Promise<Map<string, HostedSurvey>> | undefined;
  let warned = false;
  const warnOnce = (message: string) => {
    if (!warned) log(message);
    warned = true;
  };

  function loadedSurveys(): Promise<Map<string, HostedSurvey>> | undefined {
    if (settings.config === undefined) return undefined;
    surveys ??= loadSurveys(settings.config);
    return surveys;
  }

  /** The link's verdict, its survey and its parameters: everything a GET and a POST both check. */
  async function check(surveyId: string, url: URL): Promise<Checked> {
    if (!secret) {
      warnOnce(
        '[touchpoint] link survey refused: TOUCHPOINT_LINK_SECRET is not set, so no link can be verified',
      );
      return { ok: false, status: 503, reason: 'unavailable' };
    }
    const read = readLink(surveyId, url.searchParams);
    if (!read.ok) return { ok: false, status: 400, reason: 'unsigned' };
    const verdict = verifyLink(read.params, read.sig, secret, Math.floor(now() / 1000));
    if (verdict !== 'ok') return { ok: false, status: verdict === 'expired' ? 410 : 403, reason: verdict };
    let known: Map<string, HostedSurvey> | undefined;
    try {
      known = await loadedSurveys();
    } catch (error) {
      // Not cached: the next link tries again (a configuration URL that was briefly down).
      surveys = undefined;
      log(
        `[touchpoint] link survey: cannot read the configuration ${String(settings.config)}: ${(error as Error).message}`,
      );
      return { ok: false, status: 503, reason: 'unavailable' };
    }
    if (!known) {
      warnOnce('[touchpoint] link survey refused: no configuration given (--config or TOUCHPOINT_CONFIG)');
      return { ok: false, status: 503, reason: 'unavailable' };
    }
    const survey = known.get(surveyId);
    if (!survey) return { ok: false, status: 404, reason: 'unknown' };
    return { ok: true, survey, params: read.params };
  }

  async function serveAsset(name: string, res: ServerResponse) {
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    let body: string | Buffer | undefined;
    if (name === 'link.js') body = LINK_SCRIPT;
    else if (name === 'link.css') body = LINK_CSS;
    else if (WIDGET_FILE.test(name)) {
      try {
        body = await readFile(join(settings.widgetDir, name));
      } catch (error) {
        log(
          `[touchpoint] link survey: cannot read the widget file ${name} in ${settings.widgetDir}: ${(error as NodeJS.ErrnoException).code}`,
        );
      }
    }
    if (body === undefined) return sendJson(res, 404, { error: `no link asset ${name}` });
    res.writeHead(200, { ...ASSET_HEADERS, 'content-type': type });
    res.end(body);
  }

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    checked: Checked & { ok: true },
  ) {
    const body = await readBody(req, LINK_DEFAULTS.maxBodyBytes);
    if (!body.ok)
      return sendJson(res, body.reason === 'too_large' ? 413 : 400, { error: 'answer body unreadable' });
    let given: Partial<LinkAnswer> & { comment?: unknown };
    try {
      given = JSON.parse(body.text);
    } catch {
      return sendJson(res, 400, { error: 'answer: not valid JSON' });
    }
    const { survey } = checked;
    if (!inRange(survey.metric, given?.score))
      return sendJson(res, 400, { error: `score: expected an integer in the ${survey.metric} scale` });
    let answerGiven: LinkAnswer;
    if (given.type === 'survey_answered')
      answerGiven = { type: 'survey_answered', score: given.score as number };
    else if (given.type === 'survey_comment' && typeof given.comment === 'string' && given.comment)
      answerGiven = { type: 'survey_comment', score: given.score as number, comment: given.comment };
    else
      return sendJson(res, 400, {
        error: 'type: expected survey_answered, or survey_comment with a comment',
      });
    // The page's own address as the browser saw it (the request URL here has no real origin).
    const origin = req.headers.origin ?? `http://${req.headers.host ?? 'collector.invalid'}`;
    const event = answerEvent(survey, checked.params, answerGiven, new URL(url.pathname, origin).href, now());
    const problem = eventError(event, 'answer');
    if (problem) return sendJson(res, 400, { error: problem });
    let store: EventStore;
    try {
      store = await ready;
    } catch (error) {
      log(`[touchpoint] the database is not open: ${(error as Error).message}`);
      return sendJson(res, 503, { error: 'storage unavailable, retry later' }, { 'retry-after': '5' });
    }
    return sendJson(res, 200, { saved: await saveAnswer(store, event), id: event.id });
  }

  return async function links(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.pathname.slice(path.length + 1);
    const method = req.method ?? 'GET';
    const isRead = method === 'GET' || method === 'HEAD';
    if (name.startsWith('_/')) {
      req.resume();
      if (!isRead)
        return sendJson(res, 405, { error: `method ${method} not allowed` }, { allow: 'GET, HEAD' });
      return serveAsset(name.slice(2), res);
    }
    if (!isRead && method !== 'POST') {
      req.resume();
      return sendJson(res, 405, { error: `method ${method} not allowed` }, { allow: 'GET, HEAD, POST' });
    }
    const checked = await check(name, url);
    if (method === 'POST') {
      if (!checked.ok) {
        req.resume();
        return sendJson(res, checked.status, { error: `link ${checked.reason}` });
      }
      return answer(req, res, url, checked);
    }
    req.resume();
    const lang = pickLang(req.headers['accept-language']);
    const assets = `${path}/_`;
    const html = checked.ok
      ? surveyPage(
          checked.survey,
          lang,
          inRange(checked.survey.metric, checked.params.score) ? checked.params.score : undefined,
          assets,
        )
      : refusedPage(lang, checked.reason, assets);
    res.writeHead(checked.ok ? 200 : checked.status, PAGE_HEADERS);
    res.end(method === 'HEAD' ? undefined : html);
  };
}
