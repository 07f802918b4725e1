// The survey triggers: the effectful side of the survey rules. They feed events, the page
// and the history to the pure `eligibility` rule, let `decideMoment` choose, and act on the
// answer: timers for `delayMs`, `survey_due` for the widget, history records, and the
// `?tp_debug=1` table. They reach the instance only through the seam (survey-seam.ts); what
// they know is one record (trigger-state.ts).
import { configHash } from './config-hash.js';
import { formatProblem } from './config-problem.js';
import { startConfig } from './config-source.js';
import { logIfDebugging } from './debug-table.js';
import { decideMoment, dueAfterWait } from './decide-moment.js';
import { createDelays } from './delays.js';
import { explainSurveys } from './explain-surveys.js';
import { stageFor } from './glob.js';
import { createHistory } from './history.js';
import { judgeMoment } from './judge.js';
import { isEligible } from './pick-survey.js';
import { promptAfter, promptClosed } from './prompt.js';
import { recordSurveyEvent } from './record-survey-event.js';
import { HISTORY_NOTES, isSurveyEvent } from './survey-events.js';
import { candidatesAt, indexSurveys } from './survey-index.js';
import type { SurveyTriggers, TriggerHost } from './survey-seam.js';
import { createTraitStore } from './trait-store.js';
import { EARLY_LIMIT, type Moment, pageLeft, startingState } from './trigger-state.js';
import type { Explanation, Survey } from './types.js';
import { namedTraitKeys } from './user-traits.js';
import { validateConfig } from './validate.js';

/** The instance's survey triggers; `host._config` may be an object, inline JSON, a URL or a loader. */
export function createTriggers(host: TriggerHost): SurveyTriggers {
  const history = createHistory(host._store, host._warn);
  const delays = createDelays();
  const traits = createTraitStore(host._store);
  const state = startingState();

  const parts = { _host: host, _history: history, _traits: traits };
  const judge = (moment?: Moment) => judgeMoment(parts, state, moment);

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
    const survey = decideMoment(
      candidates,
      (candidate) => isEligible(check(candidate)),
      state._waiting,
      state._config.surveys ?? [],
    );
    if (!survey) return;
    const delay = survey.when?.delayMs;
    // It outranks the pick still waiting on this page, if another: that one never shows.
    if (state._waiting && state._waiting.id !== survey.id) delays._cancel(state._waiting.id);
    // Due from now on (after its delay) until its prompt is on screen, as explain() says.
    state._pick = survey.id;
    state._waiting = delay ? survey : undefined;
    if (!moment) state._viewDecided = true;
    if (!delay) due(survey, false);
    else
      delays._start(survey.id, host._where().path, delay, () => {
        if (state._waiting?.id === survey.id) state._waiting = undefined;
        const current = dueAfterWait(state, survey.id, moment, (s) => isEligible(judge(moment)(s)));
        if (current) due(current, false);
        else if (state._pick === survey.id) state._pick = undefined;
      });
  };

  const explain = (moment?: Moment): Explanation[] => {
    const now = Date.now();
    return explainSurveys(state, judge(moment), (surveyId) => delays._left(surveyId, now));
  };

  const show = (surveyId: string) => {
    const survey = state._config.surveys?.find((s) => s.id === surveyId);
    if (survey) due(survey, true);
    else host._warn(`show('${surveyId}'): unknown survey; ignored`);
  };

  // Navigating away cancels what waits on other pages and ends the page view's decisions.
  // An SPA's automatic page view comes a task after pushState, so an event tracked on the new
  // page in between (pushState, then track('order_completed')) keeps its timer.
  const leavePage = (path: string) => {
    delays._cancelOffPage(path);
    pageLeft(state);
  };

  const debug = () => logIfDebugging(() => host._where().path, explain);

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
        `config: invalid; ${skipped.length} survey(s) skipped, other bad fields ignored:\n${problems.map(formatProblem).join('\n')}`,
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
      // Traits given and stages entered after the page loaded re-check this page view's
      // surveys, unless one was already decided on it (a page-view survey is decided once per
      // page view).
      if (event.type === 'identify')
        traits._note(
          event.props,
          state._hash === undefined ? undefined : namedTraitKeys(state._config.surveys ?? []),
        );
      if (event.type === 'identify' || event.type === 'stage') evaluate();
      if (event.type === 'page') {
        leavePage(event.page.path);
        state._view = event.id;
        debug();
        evaluate();
      } else if (note) {
        if (note === 'shown' && surveyId === state._pick) state._pick = undefined;
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
    // Until the new page's view arrives, stage(), identify() and a configuration decide no
    // page-view survey: judged now, they would count the page views without this one.
    _navigated: () => leavePage(host._where().path),
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
    _recordSurveyEvent: (type, props) => recordSurveyEvent(host, state._hash, type, props),
    _preview: () => state._preview,
    _hash: () => state._hash,
  };
}
