// For tests of the drivers' pattern steps and their rebuilds, driven through a Database
// (not a store, whose background runs would choose the interleaving): publishes of stage
// globs, answers whose trail went through a page, and a promise the test resolves.
import type { WireEvent } from '../../../packages/collector/src/batch.js';
import type { Database } from '../../../packages/collector/src/database.js';
import { stepCounts } from '../../../packages/collector/src/insights/queries.js';
import { storeBatch } from '../../../packages/collector/src/store-batch.js';

/** Publishes a configuration whose stage globs are `globs`. */
export const publish = (db: Database, ...globs: string[]) =>
  db.query(
    `insert into config_versions (number, author, config, config_hash)
     select coalesce(max(number), 0) + 1, 'test', $1, 'h' from config_versions`,
    [
      JSON.stringify({
        version: 1,
        stages: Object.fromEntries(globs.map((g) => [g, 'service'])),
        surveys: [],
      }),
    ],
  );

let seq = 0;
/** Stores one low NPS answer of session `session` whose trail went through `path`. */
export const answerAfter = (db: Database, session: string, path: string) =>
  storeBatch(
    db,
    {
      sentAt: Date.now(),
      events: [
        {
          id: `after-${++seq}`,
          type: 'survey_answered',
          ts: Date.UTC(2026, 2, 1) + seq * 60_000,
          anonymousId: session,
          sessionId: session,
          page: { url: 'https://shop.example/done', path: '/done' },
          props: { surveyId: 'nps', metric: 'nps', score: 3, trail: [{ type: 'page', path }] },
        } as unknown as WireEvent,
      ],
      dropped: 0,
      rejected: 0,
    },
    'application/json',
  );

/** The pattern steps of the drivers as [glob, answers]. */
export const patternSteps = async (db: Database) =>
  (await stepCounts(db)).filter((c) => c.kind === 'pattern').map(({ step, n }) => [step, n]);

/** A promise and the function that resolves it. */
export function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
