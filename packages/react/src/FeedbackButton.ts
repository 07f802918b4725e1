import { type ButtonHTMLAttributes, createElement, type MouseEvent, type ReactNode } from 'react';
import { STRINGS } from './strings.js';
import { useTouchpoint } from './use-touchpoint.js';

/** Props of {@link FeedbackButton}: the survey, and anything a `<button>` takes (`className`, `style`). */
export interface FeedbackButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** The survey shown, as `tp.show(surveyId)` does: sampling, cooldowns and limits bypassed. */
  surveyId: string;
  /** The label; default "Give feedback". */
  children?: ReactNode;
}

/**
 * A native `<button type="button">`, unstyled, that shows a survey on click (so by Enter and
 * Space too). Its own `onClick`, if given, runs first and may `preventDefault()` to keep the
 * survey closed.
 */
export function FeedbackButton({
  surveyId,
  children = STRINGS.feedback,
  onClick,
  ...rest
}: FeedbackButtonProps): ReactNode {
  const tp = useTouchpoint();
  return createElement(
    'button',
    {
      ...rest,
      type: 'button',
      onClick(event: MouseEvent<HTMLButtonElement>) {
        onClick?.(event);
        if (!event.defaultPrevented) tp?.show(surveyId);
      },
    },
    children,
  );
}
