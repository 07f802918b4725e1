import { createTouchpoint, type Survey, type SurveyDue, type TouchpointConfig } from '@touchpoint/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Forecast, forecast } from '../../../packages/core/src/debug/forecast';

// The overlay's forecast against the real triggers over random configurations: whatever it says
// will show on an event shows when that event is tracked, what it says waits for its delay shows
// when the delay ends, and tracking an event shows nothing it did not foretell.

const STAGES = { '/a/**': 'interest', '/b/**': 'purchase' };
const EVENTS = ['go', 'buy'];

const survey = (id: string): fc.Arbitrary<Survey> =>
  fc
    .record({
      pages: fc.option(fc.constantFrom(['/a/**'], ['/b/**']), { nil: undefined }),
      event: fc.option(fc.constantFrom(...EVENTS), { nil: undefined }),
      stage: fc.option(fc.constantFrom('interest', 'purchase'), { nil: undefined }),
      delayMs: fc.option(fc.constantFrom(500, 2000), { nil: undefined }),
      priority: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    })
    .map(({ priority, ...when }) => ({
      id,
      metric: 'nps' as const,
      question: 'Q?',
      // JSON leaves undefined keys out; the validator would report them as unknown otherwise.
      when: JSON.parse(JSON.stringify(when)),
      ...(priority !== undefined && { priority }),
    }));

const configs = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => survey(`s${i}`))))
  .map(
    (surveys): TouchpointConfig => ({ version: 1, stages: STAGES, surveys, limits: { maxPerSession: 5 } }),
  );

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('forecast, over random configurations', () => {
  it('names what each event and each running delay will show, and no event shows what it did not name', async () => {
    await fc.assert(
      fc.asyncProperty(
        configs,
        fc.constantFrom('/a/x', '/b/x'),
        fc.constantFrom(...EVENTS),
        fc.option(fc.constantFrom('interest', 'purchase'), { nil: undefined }),
        async (config, path, name, stage) => {
          vi.clearAllTimers();
          localStorage.clear();
          sessionStorage.clear();
          history.replaceState(null, '', path);
          const tp = createTouchpoint({ config });
          const dues: string[] = [];
          tp.on('survey_due', (due: SurveyDue) => dues.push(due.survey.id));
          await vi.advanceTimersByTimeAsync(0);
          const told: Forecast[] = forecast(tp.explain(), (event, as) =>
            tp.explain({ name: event, stage: as }),
          );
          for (const f of told) if (f.when === 'now') expect(dues).toContain(f.id);
          const before = dues.length;
          tp.track(name, stage === undefined ? undefined : { stage });
          await vi.advanceTimersByTimeAsync(5000);
          const shown = dues.slice(before);
          // The page's stage, from the configuration's globs; the forecast names an event's stage
          // only when it is not this one.
          const page = path.startsWith('/a/') ? 'interest' : 'purchase';
          const carried = stage ?? page;
          const onThis = told.filter(
            (f) =>
              f.when === 'event' &&
              f.event === name &&
              (f.stageNot ? !f.stageNot.includes(carried) : (f.stage ?? page) === carried),
          );
          for (const f of onThis) expect(shown).toContain(f.id);
          // A delay foretold ends in its prompt (no widget here, so nothing is on screen
          // meanwhile), unless a survey named for this event showed: it could only by outranking
          // the waiting pick, which it replaces.
          const named = told.filter((f) => f.when === 'event' && f.event === name).map((f) => f.id);
          const overtaken = shown.some((id) => named.includes(id));
          for (const f of told) if (f.when === 'delay') expect(shown.includes(f.id)).toBe(!overtaken);
          // Beside those: what already waited for its delay, and, on an event carrying another
          // stage than the page's, a survey named for the event at the page's stage (it may
          // need no stage at all).
          const may = told.filter(
            (f) =>
              f.when === 'delay' ||
              (f.when === 'event' && f.event === name && f.stage === undefined && !f.stageNot),
          );
          for (const id of shown) expect([...onThis, ...may].map((f) => f.id)).toContain(id);
        },
      ),
      { numRuns: 150 },
    );
  });
});
