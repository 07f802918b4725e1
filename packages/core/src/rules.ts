// `@touchpoint/core/rules`: the pure survey rules, for tools that judge a configuration
// outside the browser (the `touchpoint` CLI). The same functions the triggers run, so a
// lint, a simulation or an explanation on the command line agrees with the page. Only
// re-exports: nothing here may pull in the DOM, storage or timers.
export { canonicalJson, configHash } from './config-hash.js';
export { type ConfigProblem, formatProblem } from './config-problem.js';
export { hasDebugParam } from './debug-param.js';
export { logExplanations } from './debug-table.js';
export { DEFAULT_LIMITS, type EligibilityContext, eligibility } from './eligibility.js';
export { firstShown, type Shown } from './first-shown.js';
export { compileGlob, type Glob, matchPages, normalizePath, stageFor } from './glob.js';
export { commonPath, commonSegment } from './glob-overlap.js';
export { type History, type HistoryNote, noteHistory, type SurveyHistory } from './history.js';
export { checkConfig, type LintResult, lint, type Problem } from './lint.js';
export { parseConfigText } from './parse-config.js';
export { isEligible, pickSurvey, priorityOf } from './pick-survey.js';
export { formatDays, formatInstant, formatReason, formatTraitCondition } from './reason.js';
export { inSample, sampleBucket } from './sample.js';
export { parseScheduleDate } from './schedule.js';
export { isStageName, STAGES } from './stages.js';
export { candidatePaths, sharedPage, winner } from './survey-overlap.js';
export {
  isShownLinkUrl,
  isSurveyStringKey,
  SURVEY_STRING_KEYS,
  type SurveyStringKey,
  type SurveyTextProblem,
  surveyTextProblems,
} from './survey-texts.js';
export { DAY_MS } from './time.js';
export type * from './types.js';
export {
  keepNamedTraits,
  namedTraitKeys,
  RANGE_OPERATORS,
  type RangeOperator,
  traitMatches,
} from './user-traits.js';
export { type Validation, validateConfig } from './validate.js';
