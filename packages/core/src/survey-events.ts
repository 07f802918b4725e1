// The survey events the widget records through `tp.record()`, and what each means to the
// survey history: defined once for the triggers, the record check and the validator.
import type { HistoryNote } from './history.js';
import type { EventType, Metric, SurveyEventType } from './types.js';

/** Every survey event type, as `tp.record()` accepts them. */
export const SURVEY_EVENT_TYPES: readonly SurveyEventType[] = [
  'survey_shown',
  'survey_answered',
  'survey_comment',
  'survey_dismissed',
];

/** The survey metrics a configuration and `tp.record()` accept. */
export const METRICS: readonly Metric[] = ['nps', 'csat', 'ces'];

export const isSurveyEvent = (type: unknown): type is SurveyEventType =>
  SURVEY_EVENT_TYPES.includes(type as SurveyEventType);

/** What each survey event records in the survey history; a comment records nothing. */
export const HISTORY_NOTES: Partial<Record<EventType, HistoryNote>> = {
  survey_shown: 'shown',
  survey_answered: 'answered',
  survey_dismissed: 'dismissed',
};
