// The survey triggers: the effectful side of the survey rules. They feed events, the page
// and the history to the pure `eligibility` rule, let `pickSurvey` choose, and act on the
// answer: timers for `delayMs`, `survey_due` for the widget, history records, and the
// `?tp_debug=1` table. They reach the instance only through the seam (survey-seam.ts).
import { configHash } from './config-hash.js';
import { startConfig } from './config-source.js';
import { hasDebugParam } from './debug-param.js';
import { logExplanations } from './debug-table.js';
import { createDelays } from './delays.js';
import { eligibility } from './eligibility.js';
import { stageFor } from './glob.js';
import { createHistory } from './history.js';
import { isEligible, pickSurvey } from './pick-survey.js';
import { NO_PROMPT, type PromptState, promptAfter, promptClosed } from './prompt.js';
import type { Reason } from './reason.js';
import { REFUSED } from './refused.js';
import { pageViews, touchSession } from './session.js';
import { HISTORY_NOTES, isSurveyEvent, METRICS } from './survey-events.js';
import { candidatesAt, indexSurveys, type SurveyIndex } from './survey-index.js';
import type { SurveyTriggers, TriggerHost } from './survey-seam.js';
import { createTraitStore } from './trait-store.js';
import type { Explanation, Metric, Props, Survey, TouchpointConfig } from './types.js';
import { namedTraitKeys } from './user-traits.js';
import { validateConfig } from './validate.js';
import { quote } from './warn.js';

/** The event a survey is judged at: a tracked event's name and stage; none for a page view. */
type Moment = { name: string; stage?: string | undefined } | undefined;

/**
 * What happened before the first configuration was applied, kept for it (at most this many
 * of each): events count for the surveys of their page, and `show()` calls run, once.
 */
export const EARLY_LIMIT = 20;

/** What the triggers know, changed only by `apply` and `_onEvent`. */
interface TriggerState {
  /** The validated configuration in use. */
  _config: TouchpointConfig;
  /** Its `configHash`, once one is applied; survey events carry it. */
  _hash: string | undefined;
  /** The session of the last event. */
  _sessionId: string;
  _prompt: PromptState;
  /** The draft's URL while this tab previews one. */
  _preview: string | undefined;
  /** The configuration's surveys by the moment that decides them. */
  _index: SurveyIndex;
  /** The page view being shown, once its event has arrived. */
  _view: string | undefined;
  /** A page-view survey was picked on this page view: it is decided, once. */
  _viewDecided: boolean;
  /**
   * The page view's pick while it waits for its `delayMs`: it keeps its place in configuration
   * order, so an event survey after it in the file does not overtake it.
   */
  _waiting: Survey | undefined;
  /** Events and `show()` ids from before the first configuration; undefined once it is applied. */
  _early: { _moments: { moment: NonNullable<Moment>; path: string }[]; _shows: string[] } | undefined;
  /** Surveys due by `show()` and not yet shown: their `survey_shown` is not automatic. */
  _forced: Set<string>;
}

/** The instance's survey triggers; `host._config` may be an object, inline JSON, a URL or a loader. */
export function createTriggers(host: TriggerHost): SurveyTriggers {
  const history = createHistory(host._store, host._warn);
  const delays = createDelays();
  const traits = createTraitStore(host._store);
  const state: TriggerState = {
    _config: { version: 1 },
    _hash: undefined,
    _sessionId: '',
    _prompt: NO_PROMPT,
    _preview: undefined,
    _index: indexSurveys([]),
    _view: undefined,
    _viewDecided: false,
    _waiting: undefined,
    _early: { _moments: [], _shows: [] },
    _forced: new Set(),
  };

  // Preview bypasses sampling, cooldowns and fatigue limits: the survey without its sample
  // rate, judged against a visitor who has seen nothing.
  // What every survey of one moment is judged against, read once per moment: the stored
  // history is merged with what other tabs wrote before every decision.
  const judge = (moment?: Moment) => {
    const ctx = {
      ...host._where(),
      event: moment,
      pageViews: pageViews(host._store),
      anonymousId: host._anonymousId(),
      sessionId: state._sessionId,
      // Events reach the triggers only after consent; this is for explain() before it.
      consented: host._consented(),
      open: state._prompt._open,
      limits: state._config.limits,
      traits: traits._read(),
    };
    const seen = state._preview ? { surveys: {} } : history._read(state._sessionId);
    const now = Date.now();
    return (survey: Survey): Reason[] =>
      eligibility(state._preview ? { ...survey, sample: 1 } : survey, ctx, seen, now);
  };

  // Dropped while consent is missing: no prompt asks a person who has not agreed.
  const due = (survey: Survey, forced: boolean) => {
    if (!host._consented()) return;
    if (forced) state._forced.add(survey.id);
    else state._forced.delete(survey.id);
    host._signal('survey_due', { survey, forced });
  };

  /** Judges the candidates of one moment (a page view, or a tracked event) and acts on the winner. */
  const evaluate = (moment?: Moment) => {
    if (!moment && (!state._view || state._viewDecided)) return;
    // Most tracked events name no survey: they return here, before the stored history and the
    // rest of the context are read.
    const candidates = candidatesAt(state._index, moment?.name);
    if (!candidates.length) return;
    const check = judge(moment);
    const survey = pickSurvey(candidates, (candidate) => isEligible(check(candidate)));
    if (!survey) return;
    // A page-view survey still waiting for its delay keeps its place: an event's survey shows
    // first only when the picker ranks it higher (priority, then file order).
    const waiting = state._waiting;
    if (moment && waiting && waiting !== survey) {
      const surveys = state._config.surveys ?? [];
      const inFileOrder = [waiting, survey].sort((a, b) => surveys.indexOf(a) - surveys.indexOf(b));
      if (pickSurvey(inFileOrder, () => true) === waiting) return;
    }
    const delay = survey.when?.delayMs;
    if (!moment) {
      state._viewDecided = true;
      if (delay) state._waiting = survey;
    }
    if (!delay) due(survey, false);
    else
      delays._start(survey.id, host._where().path, delay, () => {
        if (!moment) state._waiting = undefined;
        // Checked again in full, by the configuration in use now: another survey may have
        // shown, consent may have changed, a new configuration may have changed or dropped it.
        const current = state._config.surveys?.find((s) => s.id === survey.id);
        if (
          current &&
          candidatesAt(state._index, moment?.name).includes(current) &&
          isEligible(judge(moment)(current))
        )
          due(current, false);
      });
  };

  const explain = (): Explanation[] => {
    const check = judge();
    return (state._config.surveys ?? []).map((survey) => {
      const reasons = check(survey);
      return {
        id: survey.id,
        eligible: isEligible(reasons),
        ...(survey.priority !== undefined && { priority: survey.priority }),
        reasons,
      };
    });
  };

  const show = (surveyId: string) => {
    const survey = state._config.surveys?.find((s) => s.id === surveyId);
    if (survey) due(survey, true);
    else host._warn(`show('${surveyId}'): unknown survey; ignored`);
  };

  const debug = () => {
    if (typeof location !== 'undefined' && hasDebugParam(location.search))
      logExplanations(host._where().path, explain());
  };

  // What came before the first configuration counts for it, once: the events of this page,
  // then the show() calls. Without any configuration, show() says its survey is unknown.
  const settleEarly = () => {
    const early = state._early;
    state._early = undefined;
    const path = host._where().path;
    for (const { moment, path: on } of early?._moments ?? []) if (on === path) evaluate(moment);
    for (const surveyId of early?._shows ?? []) show(surveyId);
  };

  const apply = (raw: unknown) => {
    if (raw === undefined) return settleEarly();
    const { config, problems, skipped } = validateConfig(raw);
    const hash = configHash(config);
    // The fresh copy of a cached configuration changes nothing when it is the same.
    if (hash === state._hash) return;
    if (problems.length)
      host._warn(
        `config: invalid; ${skipped.length} survey(s) skipped, other bad fields ignored:\n${problems.join('\n')}`,
      );
    state._config = config;
    traits._keep(namedTraitKeys(config.surveys ?? []));
    state._index = indexSurveys(config.surveys ?? []);
    // Once per configuration, not per event: every survey event carries it (record()).
    state._hash = hash;
    host._signal('config', hash);
    // A configuration fetched after the page view still gets to judge this page.
    if (state._view) debug();
    evaluate();
    settleEarly();
  };

  const firstViewReady = startConfig(
    host._config,
    {
      _store: host._store,
      _warn: host._warn,
      _setPreview: (draft) => {
        state._preview = draft;
      },
    },
    apply,
  );

  return {
    _onEvent(event) {
      state._sessionId = event.sessionId;
      const surveyId = event.props?.surveyId;
      state._prompt = promptAfter(state._prompt, event.type, surveyId);
      const note = HISTORY_NOTES[event.type];
      // Traits given after the page loaded re-check this page view's surveys, unless one was
      // already decided on it (a page-view survey is decided once per page view).
      if (event.type === 'identify') {
        traits._note(
          event.props,
          state._hash === undefined ? undefined : namedTraitKeys(state._config.surveys ?? []),
        );
        evaluate();
      }
      if (event.type === 'page') {
        // Navigating away cancels what waits on other pages. An SPA's automatic page view
        // comes a task after pushState, so an event tracked on the new page in between
        // (pushState, then track('order_completed')) keeps its timer.
        delays._cancelOffPage(event.page.path);
        state._view = event.id;
        state._viewDecided = false;
        state._waiting = undefined;
        debug();
        evaluate();
      } else if (note) {
        // A survey opened by show() does not count toward maxPerSession.
        const automatic = !(note === 'shown' && state._forced.delete(surveyId as string));
        if (!state._preview) history._note(note, surveyId as string, state._sessionId, event.ts, automatic);
      } else if (event.type === 'track' && event.name !== undefined) {
        // Only tracked events decide event surveys; identify() and stage() decide none.
        const moment = { name: event.name, stage: event.stage };
        const early = state._early;
        if (!early) evaluate(moment);
        else if (early._moments.length < EARLY_LIMIT) early._moments.push({ moment, path: event.page.path });
      }
    },
    _stageFor: (path) => stageFor(state._config.stages, path),
    // Answers to a draft are not recorded: in preview, survey events reach their own
    // listeners (the widget, the overlay) but not '*', where collectors listen.
    _isLocal: (event) => !!state._preview && isSurveyEvent(event.type),
    _firstViewReady: firstViewReady,
    _show(surveyId) {
      const early = state._early;
      if (!early) show(surveyId);
      else if (early._shows.length < EARLY_LIMIT) early._shows.push(surveyId);
    },
    _closed(surveyId) {
      state._prompt = promptClosed(state._prompt, surveyId);
    },
    _explain: explain,
    _recordSurveyEvent(type, props) {
      const fields = props as Props | undefined;
      if (
        !isSurveyEvent(type) ||
        typeof fields?.surveyId !== 'string' ||
        !METRICS.includes(fields.metric as Metric)
      ) {
        if (__DEV__) host._warn(`record(${quote(type)}) (type, surveyId or metric): invalid; dropped`);
        return REFUSED;
      }
      // The trail is the journey before the prompt; stored steps are cleaned like props. The
      // configuration's hash lets answers be split by the configuration version that asked.
      const full: Props = { ...fields, configHash: state._hash as string };
      if (type === 'survey_answered')
        full.trail = touchSession(host._store, Date.now()).trail.slice() as never;
      host._record(type, full);
    },
    _preview: () => state._preview,
  };
}
