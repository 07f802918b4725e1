// A link survey's answer as an ordinary survey event, so insights, the export and the
// adapter's presets read it like any other. Pure: the clock comes in.
import { createHash } from 'node:crypto';
import type { WireEvent } from '../batch.js';
import type { LinkParams } from './link-params.js';

/** The survey fields an answer needs, as the site's configuration gives them. */
export interface LinkSurvey {
  id: string;
  metric: 'nps' | 'csat' | 'ces';
  when?: { stage?: string };
}

/** The scores each metric takes: NPS 0–10, CSAT 1–5, CES 1–7. */
export const SCORE_RANGE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

export const inRange = (metric: LinkSurvey['metric'], score: unknown): score is number =>
  Number.isInteger(score) &&
  (score as number) >= SCORE_RANGE[metric][0] &&
  (score as number) <= SCORE_RANGE[metric][1];

/** What a person did on the hosted page. */
export type LinkAnswer =
  | { type: 'survey_answered'; score: number }
  | { type: 'survey_comment'; score: number; comment: string };

/** Link surveys are asked after help was given: the service stage, unless the survey names its own. */
export const LINK_STAGE = 'service';

/**
 * The event id of (survey, ref, u) and the kind of answer: the same for every visit of every
 * link to that pair, so a later answer replaces the earlier one instead of adding a second.
 */
export function answerId(params: LinkParams, type: LinkAnswer['type']): string {
  const key = JSON.stringify([params.surveyId, params.ref ?? '', params.u ?? '']);
  const digest = createHash('sha256').update(key).digest('base64url').slice(0, 32);
  return `link-${type === 'survey_answered' ? 'answer' : 'comment'}-${digest}`;
}

export function answerEvent(
  survey: LinkSurvey,
  params: LinkParams,
  answer: LinkAnswer,
  pageUrl: string,
  now: number,
): WireEvent {
  const id = answerId(params, answer.type);
  const props: Record<string, string | number> = {
    surveyId: survey.id,
    metric: survey.metric,
    score: answer.score,
    channel: params.ch ?? 'link',
  };
  if (params.ref !== undefined) props.ref = params.ref;
  if (answer.type === 'survey_comment') props.comment = answer.comment;
  const url = new URL(pageUrl);
  return {
    id,
    type: answer.type,
    stage: survey.when?.stage ?? LINK_STAGE,
    props,
    ts: now,
    // No browser identity: the link's own key stands for it, one per (survey, ref, u).
    anonymousId: id.replace(/^link-\w+-/, 'link-'),
    sessionId: id.replace(/^link-\w+-/, 'link-'),
    ...(params.u !== undefined && { userId: params.u }),
    page: { url: `${url.origin}${url.pathname}`, path: url.pathname },
  };
}
