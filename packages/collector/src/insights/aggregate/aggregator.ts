// When this collector brings the aggregates up to date (fold.ts): shortly after ingest, so
// the batches of about a second share one run and the answer to /collect never waits for
// it, and before the figures are read, so a page asked for right after an answer shows it.
// One run at a time per process; reads asked for while one is queued share it.
import type { Database } from '../../database.js';
import { foldPending } from './fold.js';

/** Options of {@link createAggregator}. */
export const AGGREGATOR_DEFAULTS = {
  /** How long after a stored batch the background run starts, in ms. */
  delayMs: 1000,
  /**
   * Where a background run that failed is reported (the pending events stay for the next),
   * and each event a run set aside because adding it failed.
   */
  log: (message: string) => console.warn(message),
  /** Called when a run found that a publish changed the stage globs. */
  onRebuild: () => {},
};

export interface Aggregator {
  /** A batch stored new events: a run in the background within `delayMs`. */
  soon(): void;
  /** Adds every event stored so far to the figures, waiting for another collector's run. */
  now(): Promise<void>;
  /** Stops the timer and waits for the chunk going; pending events stay for the next start. */
  close(): Promise<void>;
}

interface AggregatorState {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The last run queued: runs go one after the other. */
  queue: Promise<void>;
  /** A read's run queued and not started yet, which later reads join. */
  read: Promise<void> | undefined;
  /** Aborted on close: the run going stops after its chunk. */
  closed: AbortController;
}

export function createAggregator(
  db: Database,
  options: Partial<typeof AGGREGATOR_DEFAULTS> = {},
): Aggregator {
  const { delayMs, log, onRebuild } = { ...AGGREGATOR_DEFAULTS, ...options };
  const state: AggregatorState = {
    timer: undefined,
    queue: Promise.resolve(),
    read: undefined,
    closed: new AbortController(),
  };

  const enqueue = (wait: boolean): Promise<void> => {
    const run = state.queue.then(async () => {
      if (wait) state.read = undefined;
      const result = await foldPending(db, wait, state.closed.signal);
      for (const { seq, error } of result.skipped)
        log(
          `[touchpoint] insights figures: event ${seq} (events.seq) set aside, not counted: ${error}; it stays stored, and a rebuild of the figures tries it again`,
        );
      if (result.rebuild) onRebuild();
      // Another collector held the lock: it adds what it took; look again for the rest.
      if (!result.ran) soon();
    });
    state.queue = run.catch(() => {});
    return run;
  };

  function soon() {
    if (state.timer || state.closed.signal.aborted) return;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      enqueue(false).catch((error: Error) =>
        log(
          `[touchpoint] insights figures not updated: ${error.message}; the stored events wait for the next run`,
        ),
      );
    }, delayMs);
    // A pending run never keeps the process alive: the events it would add stay marked.
    state.timer.unref?.();
  }

  return {
    soon,
    now() {
      state.read ??= enqueue(true);
      return state.read;
    },
    async close() {
      state.closed.abort();
      clearTimeout(state.timer);
      state.timer = undefined;
      await state.queue;
    },
  };
}
