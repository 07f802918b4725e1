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
import { NO_PROMPT, type PromptState, promptAfter } from './prompt.js';
import type { Reason } from './reason.js';
import { REFUSED } from './refused.js';
import { pageViews, touchSession } from './session.js';
import { HISTORY_NOTES, isSurveyEvent, METRICS } from './survey-events.js';
import type { SurveyTriggers, TriggerHost } from './survey-seam.js';
import { createTraitStore } from './trait-store.js';
import type { Explanation, Metric, Props, Survey, TouchpointConfig } from './types.js';
import { namedTraitKeys } from './user-traits.js';
import { validateConfig } from './validate.js';
import { quote } from './warn.js';

/** The event a survey is judged at: a track or stage event's name and stage; none for a page view. */
type Moment = { name?: string | undefined; stage?: string | undefined } | undefined;

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
  };

  // Preview bypasses sampling, cooldowns and fatigue limits: the survey without its sample
  // rate, judged against a visitor who has seen nothing.
  const check = (survey: Survey, moment?: Moment): Reason[] =>
    eligibility(
      state._preview ? { ...survey, sample: 1 } : survey,
      {
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
      },
      state._preview ? { surveys: {} } : history._read(),
      Date.now(),
    );

  // Dropped while consent is missing: no prompt asks a person who has not agreed.
  const due = (survey: Survey, forced: boolean) => {
    if (host._consented()) host._signal('survey_due', { survey, forced });
  };

  const evaluate = (moment?: Moment) => {
    const survey = pickSurvey(state._config.surveys ?? [], (candidate) =>
      isEligible(check(candidate, moment)),
    );
    if (!survey) return;
    const delay = survey.when?.delayMs;
    if (!delay) due(survey, false);
    else
      delays._start(survey.id, host._where().path, delay, () => {
        // Checked again in full: another survey may have shown, consent may have changed.
        if (isEligible(check(survey, moment))) due(survey, false);
      });
  };

  const explain = (): Explanation[] =>
    (state._config.surveys ?? []).map((survey) => {
      const reasons = check(survey);
      return {
        id: survey.id,
        eligible: isEligible(reasons),
        ...(survey.priority !== undefined && { priority: survey.priority }),
        reasons,
      };
    });

  const debug = () => {
    if (typeof location !== 'undefined' && hasDebugParam(location.search))
      logExplanations(host._where().path, explain());
  };

  const apply = (raw: unknown) => {
    if (raw === undefined) return;
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
    // Once per configuration, not per event: every survey event carries it (record()).
    state._hash = hash;
    host._signal('config', hash);
    // A configuration fetched after the page view still gets to judge this page.
    if (state._sessionId) {
      debug();
      evaluate();
    }
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
      // Traits given after the page loaded re-check the surveys: the evaluate() below.
      if (event.type === 'identify')
        traits._note(
          event.props,
          state._hash === undefined ? undefined : namedTraitKeys(state._config.surveys ?? []),
        );
      if (event.type === 'page') {
        // Navigating away cancels what waits on other pages. An SPA's automatic page view
        // comes a task after pushState, so an event tracked on the new page in between
        // (pushState, then track('order_completed')) keeps its timer.
        delays._cancelOffPage(event.page.path);
        debug();
        evaluate();
      } else if (note) {
        if (!state._preview) history._note(note, surveyId as string, state._sessionId, event.ts);
      } else if (!isSurveyEvent(event.type)) evaluate({ name: event.name, stage: event.stage });
    },
    _stageFor: (path) => stageFor(state._config.stages, path),
    // Answers to a draft are not recorded: in preview, survey events reach their own
    // listeners (the widget, the overlay) but not '*', where collectors listen.
    _isLocal: (event) => !!state._preview && isSurveyEvent(event.type),
    _firstViewReady: firstViewReady,
    _show(surveyId) {
      const survey = state._config.surveys?.find((s) => s.id === surveyId);
      if (survey) due(survey, true);
      else host._warn(`show('${surveyId}'): unknown survey; ignored`);
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
