/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */

import { useSignal } from '@preact/signals';
import type { Survey, Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { Fragment, h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { band } from './band.js';
import { FollowUp } from './FollowUp.js';
import type { Locale } from './locale.js';
import type { Strings } from './locales/en.js';
import { ScoreScale } from './ScoreScale.js';
import { ThankYou } from './ThankYou.js';

/** Where a person is in the prompt; `survey_dismissed` reports it as `step` (never `thanks`). */
export type Step = 'score' | 'comment' | 'thanks';

export interface PromptProps {
  survey: Survey;
  locale: Locale;
  /** The locale's strings with the survey's overrides applied. */
  strings: Strings;
  /** Class names for theme and position. */
  look: string;
  record: Touchpoint['record'];
  onClose: () => void;
}

/** One survey, score → follow-up → thank-you, in a non-modal dialog labelled by its question. */
export function Prompt({ survey, locale, strings, look, record, onClose }: PromptProps) {
  const step = useSignal<Step>('score');
  const score = useSignal(0);
  const dialog = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const base = { surveyId: survey.id, metric: survey.metric };

  useEffect(() => record('survey_shown', base), []);
  // The focused option or button unmounts with its step; focus follows to the new heading
  // so keyboard and screen-reader users are not dropped on <body>. Only when focus was in the
  // prompt: it never steals focus from the page.
  useEffect(() => {
    if (moveFocus.current) dialog.current?.querySelector<HTMLElement>('#tp-h')?.focus();
  }, [step.value]);

  // Where focus was when it first entered the prompt (null: nowhere, undefined: not yet).
  const origin = useRef<EventTarget | null | undefined>(undefined);
  const hasFocus = () => {
    const active = (dialog.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
    return !!active && !!dialog.current?.contains(active);
  };

  const go = (next: Step) => {
    moveFocus.current = hasFocus();
    step.value = next;
  };
  // The focused element goes with the prompt: without this, keyboard and screen-reader users
  // land on <body>. Focus elsewhere on the page is left where it is.
  const close = () => {
    const to = origin.current as HTMLElement | null | undefined;
    if (to?.isConnected && hasFocus()) to.focus();
    onClose();
  };
  const dismiss = () => {
    // Closing the thank-you is not a dismissal: the survey was finished.
    if (step.value !== 'thanks') record('survey_dismissed', { ...base, step: step.value });
    close();
  };

  return (
    <div
      ref={dialog}
      class={`p ${survey.metric} ${look}`}
      role="dialog"
      // The question names the dialog on every step; #tp-h is each step's heading, where focus goes.
      aria-label={survey.question}
      dir={locale.dir}
      lang={locale.lang}
      onFocusIn={(e) => {
        if (origin.current === undefined) origin.current = e.relatedTarget;
      }}
      onKeyDown={(e) => {
        // Handled here, so it must not also close the host's own modal or menu. Escape that
        // ends an IME composition belongs to the text box: it must not throw the comment away.
        if (e.key === 'Escape' && !e.isComposing) {
          e.stopPropagation();
          dismiss();
        }
      }}
    >
      {step.value === 'score' ? (
        <>
          <h2 id="tp-h" class="q" tabIndex={-1}>
            {survey.question}
          </h2>
          <ScoreScale
            metric={survey.metric}
            strings={strings}
            dir={locale.dir}
            onChoose={(chosen) => {
              if (step.value !== 'score') return;
              score.value = chosen;
              record('survey_answered', { ...base, score: chosen });
              go('comment');
            }}
          />
        </>
      ) : step.value === 'comment' ? (
        <FollowUp
          band={band(survey.metric, score.value)}
          survey={survey}
          strings={strings}
          onSend={(comment) => {
            // An empty box is a finished answer, not a comment: nothing to record.
            if (comment) record('survey_comment', { ...base, score: score.value, comment });
            go('thanks');
          }}
        />
      ) : (
        <ThankYou text={strings.thanks} onDone={close} />
      )}
      {/* Last in tab order, so Tab enters on the scores; placed in the corner by CSS. */}
      <button type="button" class="x" aria-label={strings.close} onClick={dismiss}>
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}
