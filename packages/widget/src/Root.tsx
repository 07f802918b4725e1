/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */

import type { Signal } from '@preact/signals';
import type { Survey, Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { Fragment, h } from 'preact';
import { fill } from './fill.js';
import type { Locale } from './locale.js';
import type { Strings } from './locales/en.js';
import { Prompt } from './Prompt.js';

export interface RootProps {
  /** The survey on screen, or null; set by `mountWidget`, cleared when the prompt closes. */
  current: Signal<Survey | null>;
  locale: Locale;
  look: string;
  record: Touchpoint['record'];
}

/**
 * The live region exists from mount, before any prompt: screen readers only announce changes
 * to a region already in the page. It is polite, so the announcement waits and focus stays put.
 */
export function Root({ current, locale, look, record }: RootProps) {
  const survey = current.value;
  const strings = { ...locale.strings, ...survey?.strings } as Strings;
  return (
    <>
      <div class="sr" role="status" aria-live="polite" lang={locale.lang} dir={locale.dir}>
        {survey ? fill(strings.announce, { question: survey.question }) : ''}
      </div>
      {survey && (
        <Prompt
          survey={survey}
          locale={locale}
          strings={strings}
          look={look}
          record={record}
          onClose={() => {
            current.value = null;
          }}
        />
      )}
    </>
  );
}
