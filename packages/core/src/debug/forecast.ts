import { decideMoment } from '../decide-moment.js';
import type { Explanation } from '../types.js';

/** What the triggers will do with one survey on this page, as the overlay says it. */
export type Forecast = { id: string } & (
  | { when: 'now' }
  | { when: 'delay'; ms: number }
  | {
      when: 'event';
      event: string;
      /** The stage the event must carry (`track(name, { stage })`): the page's does not do. */
      stage?: string | undefined;
      /**
       * The event must carry a stage that is none of these (the page's and those other surveys
       * of this event need): it shows where they do not.
       */
      stageNot?: string[] | undefined;
    }
  | { when: 'page view' }
);

/** The event a survey waits for, from its reasons; none for a page-view survey. */
const eventOf = (explanation: Explanation): string | undefined => {
  const reason = explanation.reasons.find((r) => r.rule === 'event');
  return reason?.rule === 'event' ? reason.needed : undefined;
};

/** A stage name that is none of `stages`: what an event carrying "any other stage" is judged with. */
const otherThan = (stages: readonly string[]): string => {
  let other = 'other';
  while (stages.includes(other)) other += '-';
  return other;
};

/** The stage a survey needs, from its reasons. */
const stageOf = (explanation: Explanation): string | undefined => {
  const reason = explanation.reasons.find((r) => r.rule === 'stage');
  return reason?.rule === 'stage' ? reason.needed : undefined;
};

/**
 * A pick whose prompt has not appeared yet still shows when nothing has changed against it since
 * (another prompt open, consent withdrawn). An event's pick is judged here without its event, so
 * what that event met (the event, the stage it carried) reads as pending and is not held against it.
 */
const stillDue = (explanation: Explanation): boolean =>
  explanation.eligible ||
  (eventOf(explanation) !== undefined &&
    explanation.reasons.every((r) => r.ok || r.rule === 'event' || r.rule === 'stage'));

/**
 * What will show on this page and when, from `tp.explain()` here now (`atPageView`) and at each
 * event a survey waits for (`atEvent`, the stage undefined for the page's own): every decision
 * is the triggers' own `decideMoment` over the same explanations, so the overlay says what the
 * page will do. A survey whose prompt is coming (the page view's pick, or an event's) shows now; one whose `delayMs` runs, after it;
 * a page-view survey only on a page view that has not picked yet; an event's survey on that
 * event, with the stage it must carry when the page's is not the one it needs (or any stage but
 * those, for a survey without a stage condition that a survey for the page's stage hides). Pure.
 */
export function forecast(
  atPageView: Explanation[],
  atEvent: (event: string, stage: string | undefined) => Explanation[],
): Forecast[] {
  const forecasts: Forecast[] = [];
  for (const explanation of atPageView) {
    const { id, dueInMs } = explanation;
    if (dueInMs) forecasts.push({ id, when: 'delay', ms: dueInMs });
    else if (dueInMs === 0 && stillDue(explanation)) forecasts.push({ id, when: 'now' });
  }
  const told = (id: string) => forecasts.some((f) => f.id === id);

  // A page view that has picked nothing yet picks at the next one (or at identify() or stage()).
  const onPageView = atPageView.filter((e) => eventOf(e) === undefined);
  if (!onPageView.some((e) => e.decided || e.dueInMs !== undefined)) {
    const pick = decideMoment(onPageView, (e) => e.eligible, undefined, atPageView);
    if (pick && !told(pick.id)) forecasts.push({ id: pick.id, when: 'page view' });
  }

  const events = [...new Set(atPageView.map(eventOf).filter((name) => name !== undefined))];
  // The page's stage, as every stage condition judged without an event read it.
  const pageStage = atPageView.flatMap((e) => e.reasons).find((r) => r.rule === 'stage')?.actual;
  for (const event of events) {
    const ofEvent = atPageView.filter((e) => eventOf(e) === event);
    const needed = [...new Set(ofEvent.map(stageOf).filter((stage) => stage !== undefined))];
    // The page's stage first, then each stage a survey of this event needs that the page lacks,
    // then any other stage (judged as one no survey needs), where only surveys without a stage
    // condition can show: a survey for the page's stage may hide one of those at the page's.
    const stages: { stage?: string; stageNot?: string[] }[] = [
      {},
      ...needed.filter((stage) => stage !== pageStage).map((stage) => ({ stage })),
    ];
    if (needed.length) {
      const stageNot =
        pageStage === undefined || needed.includes(pageStage) ? needed : [pageStage, ...needed];
      stages.push({ stageNot });
    }
    for (const { stage, stageNot } of stages) {
      const list = atEvent(event, stageNot ? otherThan(stageNot) : stage);
      // The pick still waiting for its delay (the page view's or an event's) keeps its place
      // against a lower-ranked one, as on the page; a higher-ranked one takes it.
      const waiting = list.find((e) => !!e.dueInMs);
      const candidates = list.filter((e) => eventOf(e) === event);
      const pick = decideMoment(candidates, (e) => e.eligible, waiting, list);
      if (pick && !told(pick.id)) forecasts.push({ id: pick.id, when: 'event', event, stage, stageNot });
    }
  }
  return forecasts;
}
