// The reach estimate: how many people a week would see a survey, from the site's own recent
// traffic instead of a list of pages. Pure, over visits the collector stored (traffic.ts
// reads them): a session qualifies when its pages, events and stage meet the survey's `when`;
// a person's qualifying session within `cooldownDays` of the last one they were shown is
// held back by the cooldown; the sample then keeps its share.
import { matchPages, type Survey } from '@touchpoint/core/rules';

/** One stored event, reduced to what targeting reads. */
export interface Visit {
  anonymousId: string;
  sessionId: string;
  ts: number;
  type: string;
  name?: string | null;
  stage?: string | null;
  path: string;
}

export interface Estimate {
  /** Days of traffic read. */
  windowDays: number;
  /** Sessions in the traffic, and those meeting the survey's `when`. */
  sessions: number;
  qualifying: number;
  /** Qualifying sessions within the cooldown of an earlier showing to the same person. */
  heldBack: number;
  /** People a week who would see it: showings × sample, scaled to 7 days. */
  perWeek: number;
  /** Share of qualifying sessions held back by the cooldown, 0–1. */
  heldBackShare: number;
}

const DAY = 86_400_000;

/** The moment a session first meets the survey's `when`, or undefined if it never does. */
function qualifiesAt(survey: Survey, visits: readonly Visit[]): number | undefined {
  const when = survey.when ?? {};
  const pages = when.pages ?? [];
  const onPage = (v: Visit) => !pages.length || matchPages(pages, v.path).ok;
  let pageViews = 0;
  let stageSeen = when.stage === undefined;
  for (const v of visits) {
    if (v.type === 'page') pageViews += 1;
    if (when.stage !== undefined && v.stage === when.stage) stageSeen = true;
    if (!onPage(v) || !stageSeen || pageViews < (when.afterPageViews ?? 1)) continue;
    if (when.event === undefined ? v.type === 'page' : v.type === 'track' && v.name === when.event)
      return v.ts;
  }
  return undefined;
}

/**
 * Estimates a survey's reach over `windowDays` of traffic. `visits` may come in any order.
 */
export function estimateReach(survey: Survey, visits: readonly Visit[], windowDays: number): Estimate {
  const sessions = new Map<string, Visit[]>();
  for (const v of [...visits].sort((a, b) => a.ts - b.ts)) {
    const list = sessions.get(v.sessionId);
    if (list) list.push(v);
    else sessions.set(v.sessionId, [v]);
  }
  const byPerson = new Map<string, number[]>();
  for (const list of sessions.values()) {
    const at = qualifiesAt(survey, list);
    if (at === undefined) continue;
    const person = (list[0] as Visit).anonymousId;
    byPerson.set(person, [...(byPerson.get(person) ?? []), at]);
  }
  let qualifying = 0;
  let heldBack = 0;
  const cooldown = (survey.cooldownDays ?? 0) * DAY;
  for (const times of byPerson.values()) {
    let lastShown = -Infinity;
    for (const at of times.sort((a, b) => a - b)) {
      qualifying += 1;
      if (cooldown > 0 && at - lastShown < cooldown) heldBack += 1;
      else lastShown = at;
    }
  }
  const shown = qualifying - heldBack;
  return {
    windowDays,
    sessions: sessions.size,
    qualifying,
    heldBack,
    perWeek: windowDays > 0 ? (shown * (survey.sample ?? 1) * 7) / windowDays : 0,
    heldBackShare: qualifying ? heldBack / qualifying : 0,
  };
}
