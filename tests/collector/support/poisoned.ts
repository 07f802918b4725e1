// Events the insights figures cannot add, and the reads the tests of insights_skipped share.
import type { WireEvent } from '../../../packages/collector/src/batch.js';
import { parseCommentView } from '../../../packages/collector/src/insights/filters.js';
import { buildReport } from '../../../packages/collector/src/insights/report.js';
import type { EventStore } from '../../../packages/collector/src/store.js';
import { wireEvent } from './serve.js';

/** Text that does not compress: characters spread over CJK, 3 bytes each in UTF-8. */
export const noise = (length: number) =>
  Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');

export const answer = (i: number, overrides: Record<string, unknown> = {}) =>
  wireEvent({
    type: 'survey_answered',
    name: undefined,
    stage: 'use',
    anonymousId: `anon-${i}`,
    sessionId: `session-${i}`,
    page: { url: 'https://shop.example/help', path: '/help' },
    props: { surveyId: 'nps-survey', metric: 'nps', score: 9 },
    ...overrides,
  }) as unknown as WireEvent;

/**
 * An answer ingest accepts (1,000 characters, the core's cap for one string) whose page
 * outgrows the index of the scores' table: 2,704 bytes a row.
 */
export const poisoned = (i = 99) =>
  answer(i, { page: { url: 'https://shop.example/', path: `/${noise(1000)}` } });

export const batch = (events: WireEvent[]) => ({ sentAt: Date.now(), events, dropped: 0, rejected: 0 });

export const totals = async (store: EventStore) =>
  (await buildReport(store, parseCommentView(new URLSearchParams()))).totals;

export const skipped = async (store: EventStore) =>
  (
    await store.query<{ seq: string; error: string }>(
      'select seq::text as seq, error from insights_skipped order by seq',
    )
  ).rows;

export const seqOf = async (store: EventStore, id: string) =>
  (await store.query<{ seq: string }>('select seq::text as seq from events where id = $1', [id])).rows[0]
    ?.seq;
