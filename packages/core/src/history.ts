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
  /** `fresh` re-reads storage, where another tab may have written. */
  _get(key: string, fresh?: boolean): JsonValue | undefined;
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

/** Keeps the {@link HISTORY_LIMIT} most recently touched surveys (mutates `surveys`). */
function forgetOldest(surveys: Record<string, SurveyHistory>): void {
  const ids = Object.keys(surveys);
  if (ids.length > HISTORY_LIMIT)
    for (const id of ids
      .sort((a, b) => latest(surveys[b] ?? {}) - latest(surveys[a] ?? {}))
      .slice(HISTORY_LIMIT))
      delete surveys[id];
}

/**
 * The history after `note` (pure: returns a new object). A survey shown by `show()` is
 * not `automatic`: it does not count toward `maxPerSession`.
 */
export function noteHistory(
  history: History,
  note: HistoryNote,
  surveyId: string,
  sessionId: string,
  now: number,
  automatic = true,
): History {
  const session = history.session?.id === sessionId ? { ...history.session } : { id: sessionId, shown: 0 };
  const surveys = { ...history.surveys, [surveyId]: { ...history.surveys[surveyId], [note]: now } };
  let last = history.last;
  if (note === 'shown') {
    if (automatic) session.shown++;
    last = now;
  }
  forgetOldest(surveys);
  // JSON leaves out a `last` that is undefined.
  return { surveys, last, session } as History;
}

/**
 * Two copies of the history (two tabs') as one, pure: per survey, the latest of each
 * time wins; the session count is the larger one of the same session, else the copy of
 * `sessionId` (the current session), else `b`'s. Nothing is ever lost wholesale.
 */
export function mergeHistory(a: History, b: History, sessionId?: string): History {
  const surveys: Record<string, SurveyHistory> = { ...a.surveys };
  for (const [id, theirs] of Object.entries(b.surveys)) {
    const merged: SurveyHistory = { ...surveys[id] };
    for (const [note, time] of Object.entries(theirs) as [HistoryNote, number][])
      if (!((merged[note] ?? 0) >= time)) merged[note] = time;
    surveys[id] = merged;
  }
  forgetOldest(surveys);
  const x = a.session;
  const y = b.session;
  const session =
    x && y && x.id === y.id
      ? { id: x.id, shown: Math.max(x.shown, y.shown) }
      : x && x.id === sessionId
        ? x
        : (y ?? x);
  // JSON leaves out what is undefined.
  return { surveys, last: Math.max(a.last ?? 0, b.last ?? 0) || undefined, session } as History;
}

/**
 * Reads and records the history through `store`; corrupted stored data is dropped with one
 * warning. Every read merges this tab's copy with what storage holds now (another tab may
 * have written since), and every note writes the merged copy: the tabs of a site share one
 * history, and the last tab to write never erases another's.
 */
export function createHistory(store: KeyValue, warn: (message: string) => void) {
  const parse = (raw: unknown): History => {
    const history = parseHistory(raw);
    if (raw !== undefined && !history) warn(`stored ${HISTORY_KEY}: invalid; reset`);
    return history ?? { surveys: {} };
  };
  const read = (sessionId?: string): History => {
    const mineRaw = store._get(HISTORY_KEY);
    const theirsRaw = store._get(HISTORY_KEY, true);
    if (mineRaw === undefined || JSON.stringify(mineRaw) === JSON.stringify(theirsRaw))
      return parse(theirsRaw);
    const merged = mergeHistory(parse(mineRaw), parse(theirsRaw), sessionId);
    // The fresh read replaced this tab's copy in memory, and a write of it may be pending.
    store._set(HISTORY_KEY, merged as unknown as JsonValue);
    return merged;
  };
  return {
    _read: read,
    _note(note: HistoryNote, surveyId: string, sessionId: string, now: number, automatic = true): void {
      const next = noteHistory(read(sessionId), note, surveyId, sessionId, now, automatic);
      store._set(HISTORY_KEY, next as unknown as JsonValue);
    },
  };
}
