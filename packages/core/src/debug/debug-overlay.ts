import type { Explanation } from '../types.js';
import { DEBUG_TEXT as T } from './debug-text.js';
import { describeReason } from './describe-reason.js';
import { el } from './element.js';
import { nextSurvey } from './next-survey.js';

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

/**
 * The overlay's content for `tp.explain()` here and now: the page and configuration, which
 * survey would show next, and every survey with each condition and its value. `<details>`
 * make each survey keyboard-operable with no script of ours; ✓/✗ are doubled by hidden text.
 */
export function overlayContent(list: Explanation[], now: number, info: OverlayInfo): Node[] {
  const next = nextSurvey(list);
  const meta = `${info.path} · ${info.preview ? `${T.draft} ${info.preview}` : T.config}${info.hash ? ` ${info.hash}` : ''}`;
  const nodes: Node[] = [
    el('p', { class: 'meta' }, meta),
    el(
      'p',
      { class: 'next' },
      !list.length
        ? T.noSurveys
        : !next
          ? T.none
          : next.now
            ? T.showsNow + next.id
            : T.next + next.id + T.onEvent + next.event,
    ),
  ];
  for (const { id, eligible, reasons } of list) {
    const details = el(
      'details',
      { 'data-id': id },
      el('summary', {}, `${eligible ? '✓' : '✗'} ${id} — ${eligible ? T.eligible : T.notEligible}`),
      el(
        'ul',
        {},
        ...reasons.map((r) =>
          el(
            'li',
            { class: r.ok ? 'ok' : 'no' },
            el('span', { 'aria-hidden': 'true' }, r.ok ? '✓' : '✗'),
            el('span', {}, el('span', { class: 'sr' }, r.ok ? T.ok : T.fails), describeReason(r, now)),
          ),
        ),
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
