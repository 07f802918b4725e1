/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */

import { useSignal } from '@preact/signals';
import type { Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { Fragment, h } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { band } from './band.js';
import type { ShownSurvey } from './check-survey.js';
import { textOn } from './contrast.js';
import { FollowUp } from './FollowUp.js';
import type { Locale } from './locale.js';
import type { Strings } from './locales/en.js';
import { FIRST_STATE, nextState, type PromptAction } from './prompt-state.js';
import { readColor } from './read-color.js';
import { ScoreScale } from './ScoreScale.js';
import { ThankYou } from './ThankYou.js';

export type { Step } from './prompt-state.js';

export interface PromptProps {
  survey: ShownSurvey;
  locale: Locale;
  /** The locale's strings with the survey's overrides applied. */
  strings: Strings;
  /** Class names for theme and position. */
  look: string;
  /**
   * Opened by the person's own action (a "Give feedback" button): the prompt takes focus, and
   * gives it back to `opener` on close. A prompt that appears by itself never takes focus.
   */
  takeFocus?: boolean | undefined;
  /** The element that had focus when the person opened the prompt. */
  opener?: Element | null | undefined;
  record: Touchpoint['record'];
  /** The prompt is done asking (only the thank-you is left, which closes by itself). */
  onDone?: (() => void) | undefined;
  onClose: () => void;
}

/** One survey, score → follow-up → thank-you, in a non-modal dialog labelled by its question. */
export function Prompt({
  survey,
  locale,
  strings,
  look,
  takeFocus,
  opener,
  record,
  onDone,
  onClose,
}: PromptProps) {
  const state = useSignal(FIRST_STATE);
  const dialog = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(!!takeFocus);
  const closed = useRef(false);
  const base = { surveyId: survey.id, metric: survey.metric };
  const { step, score } = state.value;

  // Where focus was when it first entered the prompt (null: nowhere, undefined: not yet).
  const origin = useRef<EventTarget | null | undefined>(opener);
  const hasFocus = () => {
    const active = (dialog.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
    return !!active && !!dialog.current?.contains(active);
  };
  // The focused element goes with the prompt: without this, keyboard and screen-reader users
  // land on <body>. Focus elsewhere on the page is left where it is.
  const close = () => {
    closed.current = true;
    const to = origin.current as HTMLElement | null | undefined;
    if (to?.isConnected && hasFocus()) to.focus();
    onClose();
  };
  const act = (action: PromptAction) => {
    const { state: next, record: what, close: closing } = nextState(state.value, action);
    if (what) record(what.type, { ...base, ...what.props });
    if (closing) return close();
    if (next.step === 'thanks') onDone?.();
    moveFocus.current = hasFocus();
    state.value = next;
  };

  useEffect(() => {
    record('survey_shown', base);
    // Gone without Close, Escape or the thank-you (the widget destroyed with the prompt open):
    // the core must still learn that it closed, or it keeps waiting for it.
    return () => {
      if (!closed.current) {
        const { record: what } = nextState(state.value, { type: 'dismiss' });
        if (what) record(what.type, { ...base, ...what.props });
      }
    };
  }, []);
  // Text on the accent: white or black, by the accent the page ends up with (the `accent`
  // option, the host's --tp-accent, the dark theme's lighter mix). Written to an attribute
  // Preact does not manage, not through state: a second render before the first paint would
  // also run the effects above before it (Preact flushes them before re-rendering), and the
  // prompt would show a frame later.
  useLayoutEffect(() => {
    const card = dialog.current;
    const accent = card && readColor(getComputedStyle(card).getPropertyValue('--accent'));
    if (accent) card.dataset.onAccent = textOn(accent);
  }, []);
  // The focused option or button unmounts with its step; focus follows to the new step (the
  // score that can be chosen with Enter, else the heading) so keyboard and screen-reader users are not dropped on
  // <body>. Only when focus was in the prompt, or the person opened it: a prompt that appears
  // by itself never takes focus from the page.
  useEffect(() => {
    if (!moveFocus.current) return;
    dialog.current
      ?.querySelector<HTMLElement>(step === 'score' ? '.tp-option[tabindex="0"]' : '#tp-heading')
      ?.focus();
  }, [step]);

  return (
    <div
      ref={dialog}
      class={`tp-card tp-${survey.metric} ${look}`}
      role="dialog"
      // The question names the dialog on every step; #tp-heading is each step's heading.
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
          act({ type: 'dismiss' });
        }
      }}
    >
      <div class="tp-body">
        {step === 'score' ? (
          <>
            {/* dir=auto: a survey text in another script than the prompt's language (an English
                fallback on an Arabic page) keeps its own direction and punctuation. */}
            <h2 id="tp-heading" class="tp-heading" dir="auto" tabIndex={-1}>
              {survey.question}
            </h2>
            <ScoreScale
              metric={survey.metric}
              strings={strings}
              dir={locale.dir}
              chosen={score}
              onChoose={(chosen) => act({ type: 'choose', score: chosen })}
            />
          </>
        ) : step === 'comment' ? (
          <FollowUp
            band={band(survey.metric, score as number)}
            survey={survey}
            strings={strings}
            score={score as number}
            onChange={() => act({ type: 'change' })}
            onSend={(comment) => act({ type: 'send', comment })}
          />
        ) : (
          <ThankYou text={strings.thanks} onDone={close} />
        )}
      </div>
      {/* Last in tab order, so Tab enters on the scores; placed in the corner by CSS. */}
      <button
        type="button"
        class="tp-close"
        aria-label={strings.close}
        onClick={() => act({ type: 'dismiss' })}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}
