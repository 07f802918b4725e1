import type { Explanation } from '../types.js';
import { DEBUG_TEXT as T } from './debug-text.js';
import { describeReason } from './describe-reason.js';
import { el } from './element.js';
import type { Forecast } from './forecast.js';

/** What the overlay shows besides the surveys. */
export interface OverlayInfo {
  path: string;
  /** The configuration's hash, once one is applied. */
  hash?: string | undefined;
  /** The draft's URL in preview. */
  preview?: string | undefined;
  /** Surveys whose details the person closed: they stay closed across refreshes. */
  closed: Set<string>;
}

/** One forecast as a sentence: `home-nps shows after its delay (1.2 s)`. */
export function describeForecast(f: Forecast): string {
  switch (f.when) {
    case 'now':
      return T.showsNow(f.id);
    case 'delay':
      return T.afterDelay(f.id, (f.ms / 1000).toFixed(1));
    case 'event':
      if (f.stageNot)
        return T.onEventWithOtherStage(f.id, f.event, f.stageNot.map((stage) => `\`${stage}\``).join(', '));
      return f.stage === undefined ? T.onEvent(f.id, f.event) : T.onEventWithStage(f.id, f.event, f.stage);
    default:
      return T.onPageView(f.id);
  }
}

/**
 * The overlay's content for `tp.explain()` here and now: the page and configuration, what will
 * show and when (`forecasts`), and every survey with each condition and its value. `<details>`
 * make each survey keyboard-operable with no script of ours; ✓/✗ are doubled by hidden text.
 */
export function overlayContent(
  list: Explanation[],
  forecasts: Forecast[],
  now: number,
  info: OverlayInfo,
): Node[] {
  const meta = `${info.path} · ${info.preview ? `${T.draft} ${info.preview}` : T.config}${info.hash ? ` ${info.hash}` : ''}`;
  const next = !list.length ? [T.noSurveys] : !forecasts.length ? [T.none] : forecasts.map(describeForecast);
  const nodes: Node[] = [
    el('p', { class: 'meta' }, meta),
    el('div', { class: 'next' }, ...next.map((line) => el('p', {}, line))),
  ];
  for (const { id, eligible, reasons, decided } of list) {
    const item = (ok: boolean, text: string) =>
      el(
        'li',
        { class: ok ? 'ok' : 'no' },
        el('span', { 'aria-hidden': 'true' }, ok ? '✓' : '✗'),
        el('span', {}, el('span', { class: 'sr' }, ok ? T.ok : T.fails), text),
      );
    const details = el(
      'details',
      { 'data-id': id },
      el('summary', {}, `${eligible ? '✓' : '✗'} ${id} — ${eligible ? T.eligible : T.notEligible}`),
      el(
        'ul',
        {},
        ...reasons.map((r) => item(r.ok, describeReason(r, now))),
        ...(decided ? [item(false, T.decided)] : []),
      ),
    ) as HTMLDetailsElement;
    details.open = !info.closed.has(id);
    details.addEventListener('toggle', () => {
      details.open ? info.closed.delete(id) : info.closed.add(id);
    });
    nodes.push(details);
  }
  return nodes;
}
