// `tp.record(type, props)`: the widget's survey events, checked and completed by the triggers
// before the instance records them.
import { type MaybeRefused, REFUSED } from './refused.js';
import { touchSession } from './session.js';
import { isSurveyEvent, METRICS } from './survey-events.js';
import type { TriggerHost } from './survey-seam.js';
import type { Metric, Props } from './types.js';
import { quote } from './warn.js';

/**
 * Records a survey event with the configuration's hash (`hash`), and on `survey_answered` the
 * journey before the prompt; refuses a type that is no survey event, or props without a
 * survey id and a metric.
 */
export function recordSurveyEvent(
  host: TriggerHost,
  hash: string | undefined,
  type: unknown,
  props: unknown,
): MaybeRefused {
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
  const full: Props = { ...fields, configHash: hash as string };
  if (type === 'survey_answered') full.trail = touchSession(host._store, Date.now()).trail.slice() as never;
  host._record(type, full);
}
