import type { JourneyEvent } from '@touchpoint/core';
import { describe, expect, it } from 'vitest';
import type { Item, Queue } from '../../packages/adapter/src/queue';
import { createWriter } from '../../packages/adapter/src/writer';
import { makeEvent } from './fake-host';

/**
 * A writer over a queue that records each write and finishes it when `release()` is called,
 * with what the writer handed over: serialized bursts, reports and the newest key of each write.
 */
function setup() {
  const writes: Item[][] = [];
  /** What each write counts as lost before it could be stored. */
  const lost: number[] = [];
  const pending: (() => void)[] = [];
  const queue = {
    _add: (items: Item[], count = 0) => {
      writes.push(items);
      lost.push(count);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
  } as unknown as Queue;
  const serialized: Item[][] = [];
  const reports: string[] = [];
  const newest: string[] = [];
  const writer = createWriter(
    queue,
    (what) => reports.push(what),
    (items) => serialized.push(items),
    (key) => newest.push(key),
  );
  return { writer, writes, lost, serialized, reports, newest, release: () => pending.shift()?.() };
}

const ids = (items: Item[]) => items.map(([, json]) => (JSON.parse(json) as JourneyEvent).id);
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('createWriter', () => {
  it('serializes a burst only after the task that tracked it, and writes it in one call, in order', async () => {
    const { writer, writes, serialized, release } = setup();
    const events = [makeEvent(), makeEvent(), makeEvent()];
    for (const event of events) writer._push(event);
    // Nothing done during the caller's code: track() only buffers.
    expect(serialized).toEqual([]);
    await tick();
    expect(serialized.map(ids)).toEqual([events.map((e) => e.id)]);
    expect(writes.map(ids)).toEqual([events.map((e) => e.id)]);
    const keys = (writes[0] as Item[]).map(([key]) => key as string);
    expect([...keys].sort()).toEqual(keys);
    release();
  });

  it('hands over the events of the current task at once when asked (a page-hide send)', () => {
    const { writer, serialized } = setup();
    const event = makeEvent();
    writer._push(event);
    writer._serialize();
    expect(serialized.map(ids)).toEqual([[event.id]]);
    expect(JSON.parse((serialized[0] as Item[])[0]?.[1] as string)).toEqual(
      JSON.parse(JSON.stringify(event)),
    );
  });

  it('writes the bursts that came during a write together, after it, and reports the newest key', async () => {
    const { writer, writes, newest, release } = setup();
    const first = makeEvent();
    writer._push(first);
    await tick();
    const later = [makeEvent(), makeEvent()];
    writer._push(later[0] as JourneyEvent);
    await tick();
    writer._push(later[1] as JourneyEvent);
    await tick();
    expect(writes.map(ids)).toEqual([[first.id]]);
    release();
    await tick();
    expect(writes.map(ids)).toEqual([[first.id], later.map((e) => e.id)]);
    release();
    await writer._written();
    expect(newest).toEqual(writes.map((items) => items[items.length - 1]?.[0]));
  });

  it('includes the events of the current task in what `_written` waits for', async () => {
    const { writer, writes, release } = setup();
    const event = makeEvent();
    writer._push(event);
    let done = false;
    const written = writer._written().then(() => {
      done = true;
    });
    await tick();
    expect(writes.map(ids)).toEqual([[event.id]]);
    expect(done).toBe(false);
    release();
    await written;
    expect(done).toBe(true);
  });

  it('leaves out, with one report, an event a later listener made unserializable, and writes the rest', async () => {
    const { writer, writes, reports, release } = setup();
    const [good, bad] = [makeEvent(), makeEvent({ props: {} })];
    writer._push(good);
    writer._push(bad);
    // Changed by the page after it was tracked, in the same task.
    (bad.props as Record<string, unknown>).self = bad;
    await tick();
    expect(writes.map(ids)).toEqual([[good.id]]);
    expect(reports).toHaveLength(1);
    release();
  });

  it('counts the events it leaves out with the write that follows, a write of none of them included', async () => {
    const { writer, writes, lost, serialized, newest, release } = setup();
    const [good, bad] = [makeEvent(), makeEvent({ props: {} })];
    writer._push(good);
    writer._push(bad);
    Object.assign(bad.props ?? {}, { total: 10n });
    await tick();
    release();
    const [first, second] = [makeEvent(), makeEvent()];
    writer._push(first);
    Object.assign(first, { toJSON: () => undefined });
    writer._push(second);
    Object.assign(second, { toJSON: () => undefined });
    await tick();
    release();
    await writer._written();
    expect(writes.map(ids)).toEqual([[good.id], []]);
    expect(lost).toEqual([1, 2]);
    // Nothing of the second burst reached the page-hide send, nor was reported written.
    expect(serialized.map(ids)).toEqual([[good.id]]);
    expect(newest).toHaveLength(1);
  });

  it('forgets the count of what it left out when discarding, with what is buffered', async () => {
    const { writer, writes, lost, release } = setup();
    writer._push(makeEvent());
    await tick();
    const bad = makeEvent();
    writer._push(bad);
    Object.assign(bad, { toJSON: () => undefined });
    await tick();
    writer._discard(() => {});
    release();
    await writer._written();
    expect(writes).toHaveLength(1);
    expect(lost).toEqual([0]);
  });

  it('forgets what is buffered when discarding, and runs the work after the write in progress', async () => {
    const { writer, writes, serialized, release } = setup();
    writer._push(makeEvent());
    await tick();
    const order: string[] = [];
    writer._push(makeEvent());
    writer._discard(() => order.push('work'));
    await tick();
    expect(order).toEqual([]);
    release();
    await writer._written();
    expect(order).toEqual(['work']);
    expect(writes).toHaveLength(1);
    expect(serialized).toHaveLength(1);
  });

  it('writes an event tracked after a discard once the discard work is done (consent withdrawn and granted again during a write)', async () => {
    const { writer, writes, release } = setup();
    const first = makeEvent();
    writer._push(first);
    await tick();
    // A write is in progress; an event comes, then consent is withdrawn (the work clears the
    // queue) and granted again, and one more event is tracked.
    const order: string[] = [];
    writer._push(makeEvent());
    await tick();
    writer._discard(() => order.push('clear'));
    const kept = makeEvent();
    writer._push(kept);
    await tick();
    release();
    await tick();
    // The event discarded is never written; the clear ran before the kept event was written,
    // so it cannot delete it.
    expect(order).toEqual(['clear']);
    expect(writes.map(ids)).toEqual([[first.id], [kept.id]]);
    release();
    await writer._written();
  });
});
