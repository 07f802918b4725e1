// A tagged template that escapes by default: html`<p>${comment}</p>` escapes `comment`;
// only values that are themselves html`…` results (or raw() of markup this code drew,
// such as the SVG charts) go in as markup. Forgetting to escape becomes impossible
// rather than a review item.
import { escapeHtml } from './escape.js';

const MARKUP: unique symbol = Symbol('markup');

/** Markup made by html`…` or raw(): inserted as is, never escaped again. */
export interface Markup {
  [MARKUP]: string;
}

/** Marks markup this code produced itself as safe to insert unescaped. */
export const raw = (markup: string): Markup => ({ [MARKUP]: String(markup) });

const render = (value: unknown): string => {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && MARKUP in value) return (value as Markup)[MARKUP];
  return escapeHtml(value);
};

export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] as string;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return raw(out);
}

/** The finished string of an html`…` result. */
export const markupText = (markup: Markup): string => render(markup);
