// The shipped files, not the sources: the package build mangles `_private` names across
// modules and chunks (rollup.config.mjs), which the source-level tests cannot see. Like
// Preact Signals' MINIFY=true runs, these drive the built dist through every seam the
// mangling touches (host, triggers, store, emitter, history, validator). Run after
// `npx rollup -c` (`pnpm test` builds first); skipped when nothing is built.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Core from '../../packages/core/src/index';
import type * as Rules from '../../packages/core/src/rules';
import type { JourneyEvent, SurveyDue } from '../../packages/core/src/types';

const dist = join(import.meta.dirname, '../../packages/core/dist');
const built = existsSync(join(dist, 'index.js')) && existsSync(join(dist, 'rules.js'));

describe.skipIf(!built)('the built, mangled @touchpoint/core', () => {
  let core: typeof Core;
  let rules: typeof Rules;
  beforeEach(async () => {
    core = await import(/* @vite-ignore */ join(dist, 'index.js'));
    rules = await import(/* @vite-ignore */ join(dist, 'rules.js'));
    localStorage.clear();
    history.replaceState(null, '', '/');
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs events, triggers, history, explain and the validator through the mangled seams', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tp = core.createTouchpoint({
      autoPageviews: false,
      config: {
        version: 1,
        stages: { '/checkout/**': 'purchase' },
        surveys: [
          { id: 'bad', metric: 'stars', question: 'Q' } as never,
          {
            id: 'checkout-csat',
            metric: 'csat',
            question: 'How was checkout?',
            when: { event: 'order_completed', stage: 'purchase', delayMs: 1000 },
          },
        ],
      },
    });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[touchpoint] config: invalid; 1 survey(s) skipped, other bad fields ignored:\nsurveys[0].metric: expected "nps" | "csat" | "ces"',
    ]);
    const events: JourneyEvent[] = [];
    const dues: SurveyDue[] = [];
    tp.on('*', (e) => events.push(e));
    tp.on('survey_due', (d) => dues.push(d));
    history.pushState(null, '', '/checkout/done');
    tp.page();
    tp.track('order_completed', { total: 42, when: new Date(0) as never });
    expect(events.map((e) => [e.type, e.stage])).toEqual([
      ['page', 'purchase'],
      ['track', 'purchase'],
    ]);
    expect(events[1]?.props).toEqual({ total: 42, when: '1970-01-01T00:00:00.000Z' });
    vi.advanceTimersByTime(1000);
    expect(dues.map((d) => d.survey.id)).toEqual(['checkout-csat']);

    tp.record('survey_shown', { surveyId: 'checkout-csat', metric: 'csat' });
    tp.record('survey_answered', { surveyId: 'checkout-csat', metric: 'csat', score: 5 });
    expect(events.at(-1)?.props?.trail).toHaveLength(3);
    const [explained] = tp.explain();
    expect(explained?.eligible).toBe(false);
    expect(explained?.reasons.filter((r) => !r.ok).map((r) => r.rule)).toEqual([
      'event',
      'answered',
      'maxPerSession',
      // Answered, its follow-up is still on screen.
      'open',
    ]);
    await Promise.resolve(); // the store writes behind, once per task
    expect(JSON.parse(localStorage.getItem('tp_history') ?? 'null')).toMatchObject({
      surveys: { 'checkout-csat': { shown: Date.UTC(2026, 0, 1) + 1000 } },
    });
  });

  it('gives the rules entry the same validator and eligibility as the instance', () => {
    const { problems, skipped } = rules.validateConfig({ version: 1, surveys: [{ id: 'x' }] });
    expect(skipped).toEqual(['surveys[0]']);
    expect(problems.map(rules.formatProblem)).toEqual([
      'surveys[0].metric: expected "nps" | "csat" | "ces"',
      'surveys[0].question: expected a non-empty string',
    ]);
    const reasons = rules.eligibility(
      { id: 's', metric: 'nps', question: 'Q', when: { pages: ['/help/**'] } },
      { path: '/help/faq', pageViews: 1, anonymousId: 'a', sessionId: 's1', consented: true },
      { surveys: {} },
      0,
    );
    expect(reasons.every((r) => r.ok)).toBe(true);
  });
});
