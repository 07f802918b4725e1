import { refuse } from './warn.js';

/**
 * The `accent` option as the stylesheet can use it, or '' for none. It goes into CSS text, so
 * only a value the browser parses as one colour is kept; anything else is reported once and
 * the page's `--tp-accent`, else the default, is used.
 */
export function checkAccent(accent: unknown): string {
  if (accent === undefined || accent === '') return '';
  const text = typeof accent === 'string' ? accent.trim() : '';
  // No `;`, `{`, `}` or quotes: a colour never needs them, and CSS text must not gain a rule.
  if (/^[\w#(),.%/\s+-]+$/.test(text) && CSS.supports('color', text)) return text;
  refuse(
    'accent',
    accent,
    "the page's --tp-accent or the default",
    __DEV__ && 'a CSS colour such as #1a7f4b',
  );
  return '';
}
