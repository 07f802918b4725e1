// The survey triggers: the one effectful part of issue 3. It feeds events, the page and the
// history to the pure `eligibility` rule and acts on the answer: timers for `delayMs`,
// `survey_due` for the widget, history records, and the `?tp_debug=1` table.
import { configHash } from './config-hash.js';
import { hasDebugParam } from './debug-param.js';
import { eligibility } from './eligibility.js';
import { stageFor } from './glob.js';
import { createHistory, type HistoryNote } from './history.js';
import { type Host, REFUSED, type Triggers } from './host.js';
import { type ConfigLoader, cachedConfig, loadConfig } from './load-config.js';
import { isEligible, pickSurvey } from './pick-survey.js';
import { formatReason } from './reason.js';
import { pageViews, touchSession } from './session.js';
import type {
  Explanation,
  JourneyEvent,
  Props,
  Reason,
  Survey,
  Touchpoint,
  TouchpointConfig,
} from './types.js';
import { validateConfig } from './validate.js';
import { quote } from './warn.js';

type Trigger = { name?: string | undefined; stage?: string | undefined } | undefined;

/**
 * The longest the first automatic page view waits for a configuration URL without a cached
 * copy: a visitor who leaves meanwhile must not lose the landing page view.
 */
export const FIRST_VIEW_WAIT_MS = 1000;

const SURVEY_EVENT = /^survey_(shown|answered|comment|dismissed)$/;
const METRIC = /^(nps|csat|ces)$/;

/**
 * The instance's triggers: `host._config` may be an object, inline JSON or a URL. They add
 * the survey methods to the instance `tp`: show(), explain(), record() and `preview`.
 */
export function createTriggers(host: Host, tp: Touchpoint): Triggers {
  const history = createHistory(host._store, host._warn);
  let config: TouchpointConfig = { version: 1 };
  let sessionId = '';
  /**
   * The survey whose prompt is on screen, from its `survey_shown`: one prompt at a time. Not
   * from survey_due, which may be dropped (no consent, another prompt open, the widget still
   * loading) and must leave nothing behind.
   */
  let open: string | undefined;
  /** The open prompt was answered: its follow-up is still on screen, but may close without an event. */
  let answered = false;
  /** Pending `delayMs` timers by survey id, with the path each was started on. */
  // No prototype: survey ids such as `constructor` or `__proto__` are keys like any other.
  const timers: Record<string, [ReturnType<typeof setTimeout>, string]> = Object.create(null);

  // Preview bypasses sampling, cooldowns and fatigue limits: the survey without its sample
  // rate, judged against a visitor who has seen nothing.
  const check = (survey: Survey, event?: Trigger): Reason[] =>
    eligibility(
      self._preview ? { ...survey, sample: 1 } : survey,
      {
        ...host._where(),
        event,
        pageViews: pageViews(host._store),
        anonymousId: host._aid(),
        sessionId,
        // Events reach the triggers only after consent; this is for explain() before it.
        consented: tp.consented,
        open,
        limits: config.limits,
      },
      self._preview ? { surveys: {} } : history._read(),
      Date.now(),
    );

  // Dropped while consent is missing: no prompt asks a person who has not agreed.
  const due = (survey: Survey, forced: boolean) =>
    tp.consented && host._signal('survey_due', { survey, forced });

  // Configuration order decides: the first eligible survey wins, even if it must wait.
  const evaluate = (event?: Trigger) => {
    const survey = pickSurvey(config.surveys ?? [], (candidate) => isEligible(check(candidate, event)));
    if (!survey) return;
    const delay = survey.when?.delayMs;
    if (!delay) due(survey, false);
    else
      timers[survey.id] ??= [
        setTimeout(() => {
          delete timers[survey.id];
          // Checked again in full: another survey may have shown, consent may have changed.
          if (isEligible(check(survey, event))) due(survey, false);
        }, delay),
        host._where().path,
      ];
  };

  const explain = (): Explanation[] =>
    (config.surveys ?? []).map((survey) => {
      const reasons = check(survey);
      return { id: survey.id, eligible: isEligible(reasons), reasons };
    });

  const debug = () => {
    if (typeof location !== 'undefined' && hasDebugParam(location.search)) {
      console.info(`[touchpoint] surveys on ${host._where().path} (tp_debug=1)`);
      console.table(
        explain().map(({ id, eligible, reasons }) => ({
          id,
          eligible,
          why: reasons
            .filter((r) => !r.ok)
            .map((r) => `${r.rule}: ${formatReason(r)}`)
            .join('; '),
        })),
      );
    }
  };

  const apply = (raw: unknown) => {
    if (raw === undefined) return;
    const { config: valid, problems, skipped } = validateConfig(raw);
    const hash = configHash(valid);
    // The fresh copy of a cached configuration changes nothing when it is the same.
    if (hash === self._hash) return;
    if (problems.length)
      host._warn(
        `config: invalid; ${skipped.length} survey(s) skipped, other bad fields ignored:\n${problems.join('\n')}`,
      );
    config = valid;
    // Once per configuration, not per event: every survey event carries it (record()).
    self._hash = hash;
    host._signal('config', self._hash);
    // A configuration fetched after the page view still gets to judge this page.
    if (sessionId) {
      debug();
      evaluate();
    }
  };

  const self: Triggers = {
    _event(e: JourneyEvent) {
      sessionId = e.sessionId;
      const id = e.props?.surveyId as string;
      if (e.type === 'page') {
        // The widget's follow-up ends with survey_comment or survey_dismissed, or silently
        // (an empty comment, then the thank-you closes by itself): a new page ends the wait.
        if (answered) open = undefined;
        // Navigating away cancels what waits on other pages. An SPA's automatic page view
        // comes a task after pushState, so an event tracked on the new page in between
        // (pushState, then track('order_completed')) keeps its timer.
        for (const [id, [timer, path]] of Object.entries(timers))
          if (path !== e.page.path) {
            clearTimeout(timer);
            delete timers[id];
          }
        debug();
        evaluate();
      } else if (/^survey_(shown|answered|dismissed)$/.test(e.type)) {
        if (!self._preview) history._note(e.type.slice(7) as HistoryNote, id, sessionId, e.ts);
        if (e.type === 'survey_shown') {
          open = id;
          answered = false;
        } else if (open === id) {
          // Answered, the prompt stays for its follow-up; dismissed, it is gone.
          if (e.type === 'survey_answered') answered = true;
          else open = undefined;
        }
      } else if (e.type === 'survey_comment') {
        // The comment was sent: only the thank-you is left, which closes by itself.
        if (open === id) open = undefined;
      } else evaluate({ name: e.name, stage: e.stage });
    },
    _stageFor: (path) => stageFor(config.stages, path),
    // Answers to a draft are not recorded: in preview, survey events reach their own
    // listeners (the widget, the overlay) but not '*', where collectors listen.
    _local: (e) => !!self._preview && SURVEY_EVENT.test(e.type),
  };

  Object.assign(tp, {
    show(id: string) {
      const survey = config.surveys?.find((s) => s.id === id);
      if (survey) due(survey, true);
      else host._warn(`show('${id}'): unknown survey; ignored`);
    },
    explain,
    record(type: string, props?: Props) {
      if (
        !SURVEY_EVENT.test(type) ||
        typeof props?.surveyId !== 'string' ||
        !METRIC.test(props.metric as string)
      ) {
        if (__DEV__) host._warn(`record(${quote(type)}) (type, surveyId or metric): invalid; dropped`);
        return REFUSED;
      }
      // The trail is the journey before the prompt; stored steps are cleaned like props. The
      // configuration's hash lets answers be split by the configuration version that asked.
      const full = { ...props, configHash: self._hash } as Props;
      if (type === 'survey_answered')
        full.trail = touchSession(host._store, Date.now()).trail.slice() as never;
      host._record(type as JourneyEvent['type'], full);
    },
  });
  Object.defineProperty(tp, 'preview', { get: () => self._preview, enumerable: true, configurable: true });

  const source = host._config;
  // A function is a loader (previewConfig): no configuration can be one.
  const loaded =
    typeof source === 'function'
      ? (source as ConfigLoader)(self, host)
      : loadConfig(source, host._store, host._warn);
  if (loaded instanceof Promise) {
    // Stale while revalidating: the last good copy runs at once (a multi-page site loads the
    // configuration on every page), and without one the first page view waits for the fetch.
    // Only a URL has one: never a loader's (a preview's draft).
    const stale = cachedConfig(source, host._store);
    // Never an unhandled rejection in the host page, even from a bug in apply().
    const fresh = loaded.then(apply).catch((error) => host._warn('config: not applied', error));
    if (stale) apply(stale);
    // The wait starts when the first page view is due (DOMContentLoaded), not at start-up.
    else
      self._ready = () =>
        Promise.race([fresh, new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS))]);
  } else apply(loaded);
  return self;
}
