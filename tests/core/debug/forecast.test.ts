import {
  createTouchpoint,
  type Explanation,
  type Survey,
  type SurveyDue,
  type Touchpoint,
  type TouchpointConfig,
} from '@touchpoint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forecast } from '../../../packages/core/src/debug/forecast';

// The overlay's forecast held to the real core: what it says will show, and when, is then
// checked against the `survey_due` signals the triggers send.

const home: Survey = { id: 'home-nps', metric: 'nps', question: 'Recommend us?', when: { pages: ['/'] } };
const paid: Survey = {
  id: 'paid-csat',
  metric: 'csat',
  question: 'How was checkout?',
  when: { event: 'order_completed', stage: 'purchase' },
};
const read: Survey = { id: 'read-ces', metric: 'ces', question: 'Easy?', when: { event: 'article_read' } };

/** What the overlay would say, from the instance's own explain(). */
const foretold = (tp: Touchpoint) => forecast(tp.explain(), (name, stage) => tp.explain({ name, stage }));

async function start(config: TouchpointConfig, path = '/', autoPageviews = true) {
  history.replaceState(null, '', path);
  const tp = createTouchpoint({ config, autoPageviews });
  const dues: string[] = [];
  tp.on('survey_due', (due: SurveyDue) => dues.push(due.survey.id));
  await vi.advanceTimersByTimeAsync(0);
  /** The widget's part: the prompt shows, then the person closes it. */
  const showAndDismiss = (survey: Survey) => {
    tp.record('survey_shown', { surveyId: survey.id, metric: survey.metric });
    tp.record('survey_dismissed', { surveyId: survey.id, metric: survey.metric });
  };
  return { tp, dues, showAndDismiss };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('forecast, against the triggers', () => {
  it('says a picked survey whose delay runs shows after it, not now, and it shows then', async () => {
    const { tp, dues } = await start({
      version: 1,
      surveys: [{ ...home, when: { pages: ['/'], delayMs: 1500 } }],
    });
    expect(foretold(tp)).toEqual([{ id: 'home-nps', when: 'delay', ms: 1500 }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(foretold(tp)).toEqual([{ id: 'home-nps', when: 'delay', ms: 500 }]);
    expect(dues).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(dues).toEqual(['home-nps']);
    // Due, its prompt not on screen yet: now.
    expect(foretold(tp)).toEqual([{ id: 'home-nps', when: 'now' }]);
  });

  it('says nothing more for a page view that has picked, though the rules allow the survey again', async () => {
    const { tp, dues, showAndDismiss } = await start({
      version: 1,
      surveys: [home],
      limits: { maxPerSession: 5 },
    });
    expect(dues).toEqual(['home-nps']);
    showAndDismiss(home);
    expect(tp.explain()[0]).toMatchObject({ eligible: true, decided: true });
    expect(foretold(tp)).toEqual([]);
    tp.track('clicked');
    tp.identify('user-7');
    tp.stage('use');
    expect(dues).toEqual(['home-nps']);
    // The next page view decides again.
    history.pushState(null, '', '/?again');
    await vi.advanceTimersByTimeAsync(0);
    expect(dues).toEqual(['home-nps', 'home-nps']);
  });

  it('says a survey whose stage must come from the event shows on that event with that stage, and it does', async () => {
    const { tp, dues } = await start(
      { version: 1, stages: { '/app/products/**': 'interest' }, surveys: [read, paid] },
      '/app/products/x',
    );
    expect(foretold(tp)).toEqual([
      { id: 'read-ces', when: 'event', event: 'article_read', stage: undefined },
      { id: 'paid-csat', when: 'event', event: 'order_completed', stage: 'purchase' },
    ]);
    // The page's stage is not the one it needs: the event alone does not do.
    tp.track('order_completed');
    expect(dues).toEqual([]);
    tp.track('order_completed', { stage: 'purchase' });
    expect(dues).toEqual(['paid-csat']);
  });

  it("says a survey without a stage condition, hidden at the page's stage by one for it, shows on the event with another stage", async () => {
    const here: Survey = { ...read, id: 'here-ces', when: { event: 'article_read', stage: 'interest' } };
    const { tp, dues } = await start(
      { version: 1, stages: { '/app/products/**': 'interest' }, surveys: [here, read] },
      '/app/products/x',
    );
    expect(foretold(tp)).toEqual([
      { id: 'here-ces', when: 'event', event: 'article_read' },
      { id: 'read-ces', when: 'event', event: 'article_read', stageNot: ['interest'] },
    ]);
    tp.track('article_read', { stage: 'service' });
    expect(dues).toEqual(['read-ces']);
  });

  it("says a page-view survey waiting for its delay keeps an event's lower-ranked survey from showing", async () => {
    const { tp, dues } = await start({
      version: 1,
      surveys: [
        { ...home, when: { pages: ['/'], delayMs: 3000 }, priority: 2 },
        { ...read, priority: 1 },
      ],
    });
    expect(foretold(tp)).toEqual([{ id: 'home-nps', when: 'delay', ms: 3000 }]);
    tp.track('article_read');
    expect(dues).toEqual([]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(dues).toEqual(['home-nps']);
  });

  it("says an event's survey waiting for its delay keeps another event's lower-ranked survey from showing", async () => {
    const { tp, dues } = await start({
      version: 1,
      surveys: [
        { ...read, when: { event: 'article_read', delayMs: 3000 }, priority: 2 },
        { ...paid, when: { event: 'order_completed' } },
      ],
    });
    tp.track('article_read');
    expect(foretold(tp)).toEqual([{ id: 'read-ces', when: 'delay', ms: 3000 }]);
    tp.track('order_completed');
    expect(dues).toEqual([]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(dues).toEqual(['read-ces']);
  });

  it("says an event's survey due with no delay shows now until its prompt is on screen, the event's stage on another page's stage included", async () => {
    const { tp, dues, showAndDismiss } = await start(
      { version: 1, stages: { '/app/products/**': 'interest' }, surveys: [paid] },
      '/app/products/x',
    );
    tp.track('order_completed', { stage: 'purchase' });
    expect(dues).toEqual(['paid-csat']);
    // The widget is still loading: the triggers have decided, the overlay says so.
    expect(foretold(tp)).toEqual([{ id: 'paid-csat', when: 'now' }]);
    // Shown (and closed): no longer coming.
    showAndDismiss(paid);
    expect(foretold(tp).some((f) => f.when === 'now')).toBe(false);
  });

  it("says an event's survey due after its delay shows after it, then now until its prompt is on screen", async () => {
    const { tp, dues } = await start({
      version: 1,
      surveys: [{ ...read, when: { event: 'article_read', delayMs: 800 } }],
    });
    tp.track('article_read');
    expect(foretold(tp)).toEqual([{ id: 'read-ces', when: 'delay', ms: 800 }]);
    await vi.advanceTimersByTimeAsync(800);
    expect(dues).toEqual(['read-ces']);
    expect(foretold(tp)).toEqual([{ id: 'read-ces', when: 'now' }]);
    // A new page view ends the wait for that prompt: the survey waits for its event again.
    history.pushState(null, '', '/next');
    await vi.advanceTimersByTimeAsync(0);
    expect(foretold(tp)).toEqual([
      { id: 'read-ces', when: 'event', event: 'article_read', stage: undefined },
    ]);
  });

  it("never says now for an event's pick that another open prompt has pushed aside", async () => {
    const { tp, dues } = await start({ version: 1, surveys: [read] });
    tp.track('article_read');
    expect(dues).toEqual(['read-ces']);
    // Another prompt (show() of a survey elsewhere) is on screen: the widget dropped this one.
    tp.record('survey_shown', { surveyId: 'other', metric: 'nps' });
    expect(foretold(tp).some((f) => f.when === 'now')).toBe(false);
  });

  it('says a page-view survey shows on the next page view when none has been viewed yet', async () => {
    const { tp, dues } = await start({ version: 1, surveys: [home] }, '/', false);
    expect(foretold(tp)).toEqual([{ id: 'home-nps', when: 'page view' }]);
    tp.page();
    expect(dues).toEqual(['home-nps']);
  });
});

describe('forecast, from explanations', () => {
  const pages = { rule: 'pages', ok: true, actual: '/', needed: '/' } as const;
  const event = (name: string, ok = false) =>
    ({ rule: 'event', ok, actual: ok ? name : undefined, needed: name }) as const;
  const explained = (id: string, eligible: boolean, extra: Partial<Explanation> = {}): Explanation => ({
    id,
    eligible,
    reasons: [pages],
    ...extra,
  });

  it('says nothing will show when nothing qualifies, even on the events surveys wait for', () => {
    const waits = explained('a', false, { reasons: [pages, event('go')] });
    const failing = { rule: 'sample', ok: false, actual: 80, needed: 10 } as const;
    expect(
      forecast([waits], () => [explained('a', false, { reasons: [pages, event('go', true), failing] })]),
    ).toEqual([]);
  });

  it('never says now for a survey the rules refuse, even when it was picked', () => {
    expect(forecast([explained('a', false, { dueInMs: 0 })], () => [])).toEqual([]);
  });
});
