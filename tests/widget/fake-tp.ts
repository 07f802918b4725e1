import { act } from '@testing-library/preact';
import type { ListenerMap, Survey, SurveyEventType, Touchpoint } from '@touchpoint/core';

/** What the widget recorded, in order. */
export interface Recorded {
  type: SurveyEventType;
  props: Record<string, unknown>;
}

/** The two methods of the core the widget uses, with a way to make a survey due. */
export function fakeTp() {
  const due = new Set<ListenerMap['survey_due']>();
  const records: Recorded[] = [];
  const tp: Pick<Touchpoint, 'on' | 'record'> = {
    on: ((type: string, fn: ListenerMap['survey_due']) => {
      if (type !== 'survey_due') return () => {};
      due.add(fn);
      return () => due.delete(fn);
    }) as Touchpoint['on'],
    record: (type, props) => {
      records.push({ type, props });
    },
  };
  return {
    tp,
    records,
    /** The types recorded so far. */
    types: () => records.map((r) => r.type),
    listeners: () => due.size,
    /** Emits survey_due as the core's triggers (or `tp.show`) would. */
    show(survey: Survey, forced = false) {
      act(() => {
        for (const fn of due) fn({ survey, forced });
      });
    },
  };
}

export const NPS = {
  id: 'nps-home',
  metric: 'nps',
  question: 'How likely are you to recommend us to a friend?',
} satisfies Survey;
export const CSAT = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How satisfied are you with checkout today?',
} satisfies Survey;
export const CES: Survey = {
  id: 'help-ces',
  metric: 'ces',
  question: 'How easy was it to solve your problem?',
};
