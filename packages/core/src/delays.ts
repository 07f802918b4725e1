/** The pending `delayMs` timers of the surveys that won while waiting, by survey id. */
export interface Delays {
  /** Calls `fire` after `ms`, unless this survey already waits. `path` is the page it started on. */
  _start(surveyId: string, path: string, ms: number, fire: () => void): void;
  /** Cancels what waits on other pages than `path`: navigating away ends the wait. */
  _cancelOffPage(path: string): void;
  /** Cancels this survey's wait, if it waits: a survey that ranks higher took its place. */
  _cancel(surveyId: string): void;
  /** How long this survey still waits at `now`, in ms; undefined when it does not wait. */
  _left(surveyId: string, now: number): number | undefined;
}

export function createDelays(): Delays {
  // No prototype: survey ids such as `constructor` or `__proto__` are keys like any other.
  const pending: Record<string, { timer: ReturnType<typeof setTimeout>; path: string; ends: number }> =
    Object.create(null);
  const cancel = (surveyId: string) => {
    clearTimeout(pending[surveyId]?.timer);
    delete pending[surveyId];
  };
  return {
    _start(surveyId, path, ms, fire) {
      if (pending[surveyId]) return;
      const timer = setTimeout(() => {
        delete pending[surveyId];
        fire();
      }, ms);
      pending[surveyId] = { timer, path, ends: Date.now() + ms };
    },
    _cancelOffPage(path) {
      for (const [surveyId, { path: startedOn }] of Object.entries(pending))
        if (startedOn !== path) cancel(surveyId);
    },
    _cancel: cancel,
    _left(surveyId, now) {
      const waiting = pending[surveyId];
      return waiting && Math.max(0, waiting.ends - now);
    },
  };
}
