// Who opened a prompt: a prompt the person opened takes focus, and gives it back to what had it.
import type { SurveyDue } from '@touchpoint/core';

/** The focused element, looking into shadow roots (the page's own widgets may use them). */
export function focusedElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/**
 * A survey forced with `show()` while the page has a user activation (a click or key press on
 * "Give feedback" moments ago) was opened by the person. Where the browser cannot tell
 * (no `navigator.userActivation`), a forced survey counts as opened by the person.
 */
export function openedByPerson(due: SurveyDue): boolean {
  const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
  return !!due?.forced && (activation?.isActive ?? true);
}
