// The reach estimate: how many people a week would see a survey, from the site's own recent
// traffic instead of a list of pages. Pure, over visits the collector stored (traffic.ts
// reads them): a session qualifies when its pages, events, stage and the person's traits (as
// the `identify` events before it gave them, merged as the SDK keeps them) meet its `when`;
// a person's qualifying session within `cooldownDays` of the last one they were shown is
// held back by the cooldown; the sample then keeps its share.
import { type JsonValue, matchPages, type Survey, traitMatches } from '@touchpoint/core/rules';

/** One stored event, reduced to what targeting reads. */
export interface Visit {
  anonymousId: string;
  sessionId: string;
  ts: number;
  type: string;
  name?: string | null;
  stage?: string | null;
  path: string;
  /** For an `identify` event, the traits it gave. */
  traits?: Record<string, JsonValue> | null | undefined;
}

type Traits = Record<string, JsonValue>;

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

/**
 * The moment a session first meets the survey's `when`, or undefined if it never does;
 * `traits` are the person's as the session began, and grow with its `identify` events.
 */
function qualifiesAt(survey: Survey, visits: readonly Visit[], traits: Traits): number | undefined {
  const when = survey.when ?? {};
  const pages = when.pages ?? [];
  const onPage = (v: Visit) => !pages.length || matchPages(pages, v.path).ok;
  const conditions = Object.entries(when.user ?? {});
  let known = traits;
  let pageViews = 0;
  let stageSeen = when.stage === undefined;
  for (const v of visits) {
    if (v.type === 'identify') known = { ...known, ...v.traits };
    if (v.type === 'page') pageViews += 1;
    if (when.stage !== undefined && v.stage === when.stage) stageSeen = true;
    if (!onPage(v) || !stageSeen || pageViews < (when.afterPageViews ?? 1)) continue;
    if (!conditions.every(([trait, condition]) => traitMatches(known[trait], condition))) continue;
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
  // Traits stay on the device across sessions, so each session starts from the person's so far.
  const traitsOf = new Map<string, Traits>();
  for (const list of sessions.values()) {
    const person = (list[0] as Visit).anonymousId;
    const before = traitsOf.get(person) ?? {};
    const at = qualifiesAt(survey, list, before);
    for (const v of list)
      if (v.type === 'identify') traitsOf.set(person, { ...traitsOf.get(person), ...v.traits });
    if (at === undefined) continue;
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
