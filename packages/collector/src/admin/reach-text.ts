// The reach estimate as the survey form words it.
import { html, type Markup } from '../insights/html.js';
import type { Estimate } from './estimate.js';

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function reachText(estimate: Estimate | undefined): Markup {
  if (!estimate) return html`<p>The estimate needs a valid survey: fix the errors marked above.</p>`;
  if (estimate.sessions === 0)
    return html`<p>No traffic recorded in the last 30 days, so no estimate yet.</p>`;
  return html`<p>About <strong>${Math.round(estimate.perWeek)}</strong> people a week would see this${
    estimate.heldBack ? html`; ${percent(estimate.heldBackShare)} held back by the cooldown` : ''
  }.</p>
<p class="hint">From ${estimate.windowDays} days of this site's traffic: ${estimate.sessions} sessions, ${estimate.qualifying} meeting the conditions, ${estimate.heldBack} within the cooldown of an earlier showing; the sample applied after. Site-wide limits and the schedule are not counted.</p>`;
}
