// The reach estimate as the survey form words it.
import { html, type Markup } from '../insights/html.js';
import type { Estimate } from './estimate.js';

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function reachText(estimate: Estimate | undefined): Markup {
  if (!estimate) return html`<p>The estimate needs a valid survey: fix the errors marked above.</p>`;
  if (estimate.sessions === 0)
    return html`<p>No traffic recorded in the last 30 days, so no estimate yet.</p>`;
  const { qualifying } = estimate;
  // What held qualifying sessions back, each as its share of them.
  const held = [
    estimate.heldBack && html`${percent(estimate.heldBackShare)} held back by the cooldown`,
    estimate.limited && html`${percent(estimate.limited / qualifying)} by the site-wide limits`,
    estimate.outsideSchedule && html`${percent(estimate.outsideSchedule / qualifying)} outside its schedule`,
  ].filter((part) => part);
  return html`<p>About <strong>${Math.round(estimate.perWeek)}</strong> people a week would see this${held.map(
    (part) => html`; ${part}`,
  )}.</p>
<p class="hint">From ${estimate.windowDays} days of this site's traffic, played again as the ${estimate.windowDays} days from now: ${estimate.sessions} sessions, ${qualifying} meeting the conditions, ${estimate.heldBack} within the cooldown of an earlier showing, ${estimate.limited} held back by the site-wide limits, ${estimate.outsideSchedule} outside the schedule; the sample applied after. Other surveys, which share the limits, are not counted.</p>`;
}
