// People, assembled from the rows of aggregate/persons.ts: one record per person for the
// ladder (ladder.ts) and for retention (retention.ts). Pure.

import type { PersonAnswerRow, PersonSessionRow } from './aggregate/persons.js';
import type { PersonHistory } from './ladder.js';
import { band, type Metric } from './metrics.js';
import type { PersonActivity } from './retention.js';

export function assemblePeople(
  sessions: readonly PersonSessionRow[],
  answers: readonly PersonAnswerRow[],
): Array<PersonHistory & PersonActivity> {
  const byPerson = new Map<string, PersonHistory & PersonActivity>();
  for (const s of sessions) {
    let p = byPerson.get(s.person);
    if (!p) {
      p = {
        person: s.person,
        sessions: [],
        answers: [],
        advocacyAt: null,
        firstSeen: s.start,
        lastSeen: s.last,
        firstNps: null,
      };
      byPerson.set(s.person, p);
    }
    p.sessions.push(s.start);
    p.firstSeen = Math.min(p.firstSeen, s.start);
    p.lastSeen = Math.max(p.lastSeen, s.last);
    if (s.advocacy !== null)
      p.advocacyAt = p.advocacyAt === null ? s.advocacy : Math.min(p.advocacyAt, s.advocacy);
  }
  for (const a of answers) {
    const p = byPerson.get(a.person);
    const b = band(a.metric, a.score);
    if (!p || !b) continue;
    p.answers.push({ ts: a.ts, metric: a.metric as Metric, band: b });
    if (a.metric === 'nps' && (!p.firstNps || a.ts < p.firstNps.ts)) p.firstNps = { ts: a.ts, band: b };
  }
  return [...byPerson.values()];
}
