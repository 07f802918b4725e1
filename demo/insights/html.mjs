// A tagged template that escapes by default: html`<p>${comment}</p>` escapes `comment`;
// only values that are themselves html`…` results (or raw() of markup this code drew,
// such as the SVG charts) go in as markup. Forgetting to escape becomes impossible
// rather than a review item.
import { escapeHtml } from './escape.mjs';

const MARKUP = Symbol('markup');

/** Marks markup this code produced itself as safe to insert unescaped. */
export const raw = (markup) => ({ [MARKUP]: String(markup) });

const render = (value) => {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && MARKUP in value) return value[MARKUP];
  return escapeHtml(value);
};

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return raw(out);
}

/** The finished string of an html`…` result. */
export const markupText = (markup) => render(markup);
