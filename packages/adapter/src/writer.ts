// Events on their way into the queue: a burst tracked in one task is written in one transaction.
import type { Item, Queue } from './queue.js';

export interface Writer {
  /** Buffers an event; the write runs after the current task, taking everything buffered until then. */
  push(item: Item): void;
  /** Resolves once every buffered event has been written (or failed to be). */
  written(): Promise<unknown>;
  /** Forgets what is buffered and runs `work` after the write in progress. */
  discard(work: () => unknown): void;
}

/** `onWritten` gets the newest key of each write that went through. */
export function createWriter(queue: Queue, onWritten: (newest: string) => void): Writer {
  const state = { buffer: [] as Item[], written: Promise.resolve() as Promise<unknown> };
  const write = async () => {
    const items = state.buffer;
    state.buffer = [];
    if (!items.length) return;
    await queue.add(items);
    onWritten((items[items.length - 1] as Item)[0] as string);
  };
  return {
    push(item) {
      // The first event of a burst schedules the write, after the previous one.
      if (state.buffer.push(item) === 1) state.written = state.written.then(write).catch(() => {});
    },
    written: () => state.written,
    discard(work) {
      state.buffer = [];
      state.written = state.written.then(work).catch(() => {});
    },
  };
}
