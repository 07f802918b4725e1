/** @jsxRuntime classic */
/** @jsx h */

import { useSignal } from '@preact/signals';
import type { Band, Survey } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { h } from 'preact';
import { fill } from './fill.js';
import type { Strings } from './locales/en.js';

/** The longest comment accepted; the box stops there and the counter shows how close it is. */
export const MAX_COMMENT = 1000;

export interface FollowUpProps {
  band: Band;
  survey: Survey;
  strings: Strings;
  /** Called with the trimmed comment, possibly empty. */
  onSend: (comment: string) => void;
}

/** The band's follow-up question, a text box with a live counter and the band's optional link. */
export function FollowUp({ band, survey, strings, onSend }: FollowUpProps) {
  const text = useSignal('');
  const link = survey.links?.[band];
  return (
    <form
      class="f"
      onSubmit={(e) => {
        e.preventDefault();
        onSend(text.value.trim());
      }}
    >
      <label id="tp-h" class="q" for="tp-c" tabIndex={-1}>
        {survey.followUp?.[band] || strings.followUp}
      </label>
      <textarea
        id="tp-c"
        maxLength={MAX_COMMENT}
        aria-describedby="tp-n"
        value={text.value}
        onInput={(e) => {
          text.value = e.currentTarget.value;
        }}
      />
      <div class="r">
        <span id="tp-n" class="n">
          {fill(strings.counter, { count: text.value.length, max: MAX_COMMENT })}
        </span>
        {link && (
          <a class="k" href={link.url} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        )}
        <button class="b" type="submit">
          {strings.send}
        </button>
      </div>
    </form>
  );
}
