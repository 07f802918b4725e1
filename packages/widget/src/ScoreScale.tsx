/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */

import { useSignal } from '@preact/signals';
import type { Metric } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { Fragment, h } from 'preact';
import { useRef } from 'preact/hooks';
import type { Strings } from './locales/en.js';
import { scores } from './scales.js';

export interface ScoreScaleProps {
  metric: Metric;
  strings: Strings;
  dir: 'ltr' | 'rtl';
  /** The score chosen before, shown checked when the person comes back to change it. */
  chosen?: number | undefined;
  /** Called once with the score chosen (click, Enter or Space). */
  onChoose: (score: number) => void;
}

/**
 * A radiogroup with a roving tabindex (WAI-ARIA APG "Radio Group"): Tab enters on one option,
 * arrows / Home / End move, Enter or Space choose. Unlike the APG pattern, arrows only move
 * focus: choosing records the score at once, so it must be a deliberate act.
 */
export function ScoreScale({ metric, strings, dir, chosen, onChoose }: ScoreScaleProps) {
  const all = scores(metric);
  const active = useSignal(Math.max(0, all.indexOf(chosen as number)));
  const group = useRef<HTMLDivElement>(null);
  const label = (score: number) => strings[`${metric}${score}` as keyof Strings] as string | undefined;

  const onKeyDown = (e: KeyboardEvent) => {
    const i = active.value;
    // Horizontal arrows follow the reading direction: in Arabic the next score is on the left.
    const step = dir === 'rtl' ? -1 : 1;
    const next = (
      {
        ArrowRight: i + step,
        ArrowLeft: i - step,
        ArrowDown: i + 1,
        ArrowUp: i - 1,
        Home: 0,
        End: all.length - 1,
      } as Record<string, number>
    )[e.key];
    const choose = e.key === 'Enter' || e.key === ' ';
    if (next === undefined && !choose) return;
    // A key handled here is not the host page's: stopPropagation keeps its own shortcuts quiet.
    // Space chooses on key down like Enter; preventDefault stops the native click after it.
    e.preventDefault();
    e.stopPropagation();
    if (choose) onChoose(all[i] as number);
    else {
      active.value = ((next as number) + all.length) % all.length;
      (group.current?.children[active.value] as HTMLElement | undefined)?.focus();
    }
  };

  return (
    <>
      <div ref={group} class="tp-scale" role="radiogroup" aria-labelledby="tp-heading" onKeyDown={onKeyDown}>
        {all.map((score, i) => {
          const text = label(score);
          return (
            // biome-ignore lint/a11y/useSemanticElements: native radios check on arrow keys, and choosing records a score, so arrows here must only move focus
            <button
              key={score}
              type="button"
              class="tp-option"
              role="radio"
              aria-checked={score === chosen ? 'true' : 'false'}
              // The accessible name starts with the visible number (WCAG 2.5.3 label in name).
              aria-label={text ? `${score} ${text}` : String(score)}
              tabIndex={i === active.value ? 0 : -1}
              onFocus={() => {
                active.value = i;
              }}
              onClick={() => onChoose(score)}
            >
              {score}
            </button>
          );
        })}
      </div>
      <div class="tp-ends" aria-hidden="true">
        <span>{label(all[0] as number)}</span>
        <span>{label(all[all.length - 1] as number)}</span>
      </div>
    </>
  );
}
