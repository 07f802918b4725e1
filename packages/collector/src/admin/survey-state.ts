// Where a survey of the draft stands, as the list shows it: paused (left out of the next
// publish), draft (never published), or, for a published survey, what its schedule in the
// live version makes it now: scheduled (starts later), ended, or live. Pure: the clock is an
// argument, and the schedule is read with the SDK's own rule.
import { canonicalJson, parseScheduleDate } from '@touchpoint/core/rules';
import { objectAt } from './form-values.js';
import { isPaused, unmarkedSurvey } from './paused.js';

export type SurveyStatus = 'live' | 'scheduled' | 'ended' | 'paused' | 'draft';

export interface SurveyState {
  status: SurveyStatus;
  /** True when the survey is published and the draft changed it. */
  edited: boolean;
  /** True when it is published now (a paused survey stays on the site until the next publish). */
  published: boolean;
  /** For scheduled, the instant it starts; for ended, the instant it ended (epoch ms). */
  at?: number;
}

/**
 * The state of `draft` (a survey of the draft), given the survey of the same id in the live
 * version (`live`, undefined when not published) and the time `now`.
 */
export function surveyState(draft: unknown, live: unknown, now: number): SurveyState {
  const published = live !== undefined;
  const edited = published && canonicalJson(unmarkedSurvey(draft)) !== canonicalJson(live);
  if (isPaused(draft)) return { status: 'paused', edited, published };
  if (!published) return { status: 'draft', edited, published };
  const { startsAt, endsAt } = objectAt(live);
  const starts = startsAt === undefined ? undefined : parseScheduleDate(startsAt);
  const ends = endsAt === undefined ? undefined : parseScheduleDate(endsAt);
  if (starts !== undefined && now < starts) return { status: 'scheduled', edited, published, at: starts };
  if (ends !== undefined && now >= ends) return { status: 'ended', edited, published, at: ends };
  return { status: 'live', edited, published };
}
