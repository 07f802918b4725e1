// Events on their way into the queue. track() only buffers its event: the burst tracked in one
// task is serialized once that task's script is done, and written in one transaction.
import type { JourneyEvent } from '@touchpoint/core';
import type { Item, Queue } from './queue.js';
import { entryKey } from './queue-db.js';
import type { Report } from './report.js';

export interface Writer {
  /** Buffers an event; it is serialized when the current task's script ends (or at `_serialize`). */
  _push(event: JourneyEvent): void;
  /** Serializes what is buffered now, e.g. for a page-hide send in the same task as the events. */
  _serialize(): void;
  /** Resolves once every event pushed so far has been written (or failed to be). */
  _written(): Promise<unknown>;
  /** Forgets what is buffered and runs `work` after the write in progress. */
  _discard(work: () => unknown): void;
}

/** What one write stores: serialized events, and how many could not be serialized. */
interface Pending {
  _items: Item[];
  _lost: number;
}

interface WriterState {
  /** Tracked in this task, not yet serialized. */
  _events: JourneyEvent[];
  /**
   * Serialized, waiting for the write in progress to end: what the next scheduled write takes.
   * Each scheduled write owns its own, so a discard empties that one and events serialized
   * after it go into a new one, written after the discard's work.
   */
  _next: Pending | undefined;
  _written: Promise<unknown>;
}

/**
 * `onSerialized` gets each burst's items as soon as they have a key and their JSON; `onWritten`
 * the newest key of each write that went through.
 */
export function createWriter(
  queue: Queue,
  report: Report,
  onSerialized: (items: Item[]) => void,
  onWritten: (newest: string) => void,
): Writer {
  const state: WriterState = { _events: [], _next: undefined, _written: Promise.resolve() };
  const write = async (next: Pending) => {
    if (state._next === next) state._next = undefined;
    const { _items: items, _lost: lost } = next;
    if (!items.length && !lost) return;
    await queue._add(items, lost);
    if (items.length) onWritten((items[items.length - 1] as Item)[0] as string);
  };
  // JSON.stringify was a third of track()'s time with the adapter attached (Chromium's profile of
  // 10,000 calls in one task); here it runs once per burst, after the caller's code. An event
  // is stored as it is when its task ends: the core changes none after emitting it.
  const serialize = () => {
    const events = state._events;
    if (!events.length) return;
    state._events = [];
    // Keys made in tracking order, so the burst keeps it in the queue.
    const items: Item[] = [];
    let lost = 0;
    for (const event of events) {
      let json: string | undefined;
      try {
        json = JSON.stringify(event);
      } catch {}
      // The core's events are JSON-safe, but a later listener of the page may have changed one
      // since (a cycle, a BigInt, a toJSON that gives nothing): that one alone is left out,
      // counted in `dropped` like any event lost on the way, and nothing throws into the page.
      if (typeof json === 'string') items.push([entryKey(event.id), json]);
      else lost++;
    }
    if (lost)
      report('an event changed after it was tracked cannot be stored as JSON', 'event dropped', 'error');
    if (items.length) onSerialized(items);
    // The first burst since the last write began schedules the next one, after it.
    if (!state._next) {
      const next: Pending = { _items: [], _lost: 0 };
      state._next = next;
      state._written = state._written.then(() => write(next)).catch(() => {});
    }
    for (const item of items) state._next._items.push(item);
    state._next._lost += lost;
  };
  return {
    _push(event) {
      if (state._events.push(event) === 1) queueMicrotask(serialize);
    },
    _serialize: serialize,
    _written() {
      serialize();
      return state._written;
    },
    _discard(work) {
      state._events = [];
      // The write already scheduled finds its list empty; what is serialized from now on is
      // written after `work` (a consent granted again right after it was withdrawn).
      const next = state._next;
      if (next) {
        next._items = [];
        next._lost = 0;
      }
      state._next = undefined;
      state._written = state._written.then(work).catch(() => {});
    },
  };
}
