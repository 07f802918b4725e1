/** @jsxRuntime classic */
/** @jsx h */

import { useSignal } from '@preact/signals';
import type { Band } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { h } from 'preact';
import type { ShownSurvey } from './check-survey.js';
import { fill } from './fill.js';
import type { Strings } from './locales/en.js';

/** The longest comment accepted; the box stops there. */
export const MAX_COMMENT = 1000;

/**
 * The counter appears from this many characters: a "0/1000" before anything is typed only
 * adds noise, while near the limit it tells the person why the box stopped taking text.
 */
export const COUNTER_FROM = MAX_COMMENT - 100;

export interface FollowUpProps {
  band: Band;
  survey: ShownSurvey;
  strings: Strings;
  /** The score chosen on the first step, shown with a way to change it. */
  score: number;
  /** Back to the scores, to choose another one. */
  onChange: () => void;
  /** Called with the trimmed comment, possibly empty. */
  onSend: (comment: string) => void;
}

/** The chosen score, the band's follow-up question, a text box and the band's optional link. */
export function FollowUp({ band, survey, strings, score, onChange, onSend }: FollowUpProps) {
  const text = useSignal('');
  const link = survey.links[band];
  const counted = text.value.length >= COUNTER_FROM;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSend(text.value.trim());
      }}
    >
      <label id="tp-heading" class="tp-heading" for="tp-comment" dir="auto" tabIndex={-1}>
        {survey.followUp[band] || strings.followUp}
      </label>
      <p class="tp-chosen">
        <span id="tp-chosen">{fill(strings.chosen, { score })}</span>
        <button type="button" class="tp-change" aria-describedby="tp-chosen" onClick={onChange}>
          {strings.change}
        </button>
      </p>
      <textarea
        id="tp-comment"
        class="tp-comment"
        maxLength={MAX_COMMENT}
        aria-describedby={counted ? 'tp-counter' : undefined}
        value={text.value}
        onInput={(e) => {
          text.value = e.currentTarget.value;
        }}
      />
      <div class="tp-actions">
        {counted && (
          <span id="tp-counter" class="tp-counter">
            {fill(strings.counter, { count: text.value.length, max: MAX_COMMENT })}
          </span>
        )}
        {link && (
          <a class="tp-link" href={link.url} target="_blank" rel="noopener noreferrer" dir="auto">
            {link.label}
          </a>
        )}
        <button class="tp-send" type="submit">
          {strings.send}
        </button>
      </div>
    </form>
  );
}
