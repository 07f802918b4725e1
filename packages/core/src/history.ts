// What the visitor has seen of the surveys: the memory that keeps people from being
// over-surveyed across page loads. Kept through the core's store, so it stays in memory
// until consent (when consent is required) and in localStorage after.
import { HISTORY_KEY } from './keys.js';
import type { JsonValue } from './types.js';

/** When one survey was last shown, answered and dismissed (epoch ms). */
export interface SurveyHistory {
  shown?: number;
  answered?: number;
  dismissed?: number;
}

/** What the visitor has seen of every survey. */
export interface History {
  surveys: Record<string, SurveyHistory>;
  /** When any survey was last shown, for `limits.minDaysBetweenSurveys`. */
  last?: number;
  /** Surveys shown in this session, for `limits.maxPerSession` (page views are the session's own count). */
  session?: { id: string; shown: number };
}

/** What the history records: the survey events. */
export type HistoryNote = keyof SurveyHistory;

/** Surveys remembered; the least recently touched are forgotten first, so storage stays bounded. */
export const HISTORY_LIMIT = 50;

/** The part of the core's store the history needs: consent-aware, memory fallback included. */
export interface KeyValue {
  _get(key: string): JsonValue | undefined;
  _set(key: string, value: JsonValue | undefined): void;
}

const latest = (s: SurveyHistory): number => Math.max(s.shown ?? 0, s.answered ?? 0, s.dismissed ?? 0);

/**
 * Stored data is untrusted (another version, an extension, a person): anything off-shape
 * is rejected. Times are not checked one by one: a non-number compares false, which only
 * ever makes a survey wait.
 */
export function parseHistory(raw: unknown): History | undefined {
  const { surveys, session = {} } = (raw ?? {}) as Record<string, unknown>;
  // `surveys` first: Object.values of a non-object has no objects to check.
  if ([surveys, session, ...Object.values(surveys ?? 0)].every((v) => typeof v === 'object' && v !== null))
    return raw as History;
}

/** The history after `note` (pure: returns a new object). */
export function noteHistory(
  history: History,
  note: HistoryNote,
  surveyId: string,
  sessionId: string,
  now: number,
): History {
  const session = history.session?.id === sessionId ? { ...history.session } : { id: sessionId, shown: 0 };
  const surveys = { ...history.surveys, [surveyId]: { ...history.surveys[surveyId], [note]: now } };
  let last = history.last;
  if (note === 'shown') {
    session.shown++;
    last = now;
  }
  const ids = Object.keys(surveys);
  if (ids.length > HISTORY_LIMIT)
    for (const id of ids
      .sort((a, b) => latest(surveys[b] ?? {}) - latest(surveys[a] ?? {}))
      .slice(HISTORY_LIMIT))
      delete surveys[id];
  // JSON leaves out a `last` that is undefined.
  return { surveys, last, session } as History;
}

/** Reads and records the history through `store`; corrupted stored data is dropped with one warning. */
export function createHistory(store: KeyValue, warn: (message: string) => void) {
  const read = (): History => {
    const raw = store._get(HISTORY_KEY);
    const history = parseHistory(raw);
    if (raw !== undefined && !history) warn(`stored ${HISTORY_KEY}: invalid; reset`);
    return history ?? { surveys: {} };
  };
  return {
    _read: read,
    _note(note: HistoryNote, surveyId: string, sessionId: string, now: number): void {
      store._set(HISTORY_KEY, noteHistory(read(), note, surveyId, sessionId, now) as unknown as JsonValue);
    },
  };
}
