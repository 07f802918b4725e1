// Events on their way into the queue: a burst tracked in one task is written in one transaction.
import type { Item, Queue } from './queue.js';

export interface Writer {
  /** Buffers an event; the write runs after the current task, taking everything buffered until then. */
  _push(item: Item): void;
  /** Resolves once every buffered event has been written (or failed to be). */
  _written(): Promise<unknown>;
  /** Forgets what is buffered and runs `work` after the write in progress. */
  _discard(work: () => unknown): void;
}

/** `onWritten` gets the newest key of each write that went through. */
export function createWriter(queue: Queue, onWritten: (newest: string) => void): Writer {
  const state = { _buffer: [] as Item[], _written: Promise.resolve() as Promise<unknown> };
  const write = async () => {
    const items = state._buffer;
    state._buffer = [];
    if (!items.length) return;
    await queue._add(items);
    onWritten((items[items.length - 1] as Item)[0] as string);
  };
  return {
    _push(item) {
      // The first event of a burst schedules the write, after the previous one.
      if (state._buffer.push(item) === 1) state._written = state._written.then(write).catch(() => {});
    },
    _written: () => state._written,
    _discard(work) {
      state._buffer = [];
      state._written = state._written.then(work).catch(() => {});
    },
  };
}
