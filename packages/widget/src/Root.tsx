/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */

import type { Signal } from '@preact/signals';
import type { Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { Fragment, h } from 'preact';
import type { ShownSurvey } from './check-survey.js';
import { fill } from './fill.js';
import type { Locale } from './locale.js';
import type { Strings } from './locales/en.js';
import { Prompt } from './Prompt.js';

/** A prompt to show: the survey, and whether the person opened it (then it takes focus). */
export interface Showing {
  survey: ShownSurvey;
  /** The element focused when the person opened it; undefined when it appeared by itself. */
  opener?: Element | null | undefined;
  byPerson: boolean;
}

export interface RootProps {
  /** The prompt on screen, or null; set by `mountWidget`, cleared when the prompt closes. */
  current: Signal<Showing | null>;
  locale: Locale;
  look: string;
  record: Touchpoint['record'];
  /** Tells the core the prompt of this survey is off screen, or done asking. */
  closed: (surveyId: string) => void;
}

/**
 * The live region exists from mount, before any prompt: screen readers only announce changes
 * to a region already in the page. It is polite, so the announcement waits and focus stays put.
 */
export function Root({ current, locale, look, record, closed }: RootProps) {
  const showing = current.value;
  const survey = showing?.survey;
  const strings = { ...locale.strings, ...survey?.strings } as Strings;
  return (
    <>
      <div class="tp-visually-hidden" role="status" aria-live="polite" lang={locale.lang} dir={locale.dir}>
        {survey ? fill(strings.announce, { question: survey.question }) : ''}
      </div>
      {showing && survey && (
        <Prompt
          // A new survey is a new prompt, with its own state.
          key={survey.id}
          survey={survey}
          locale={locale}
          strings={strings}
          look={look}
          takeFocus={showing.byPerson}
          opener={showing.opener}
          record={record}
          onDone={() => closed(survey.id)}
          onClose={() => {
            current.value = null;
          }}
        />
      )}
    </>
  );
}
