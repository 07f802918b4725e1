import type { Props } from './types.js';
import type { Warn } from './warn.js';

// Plain constants, which the minifier writes inline: a bundle that never imports
// SANITIZE_LIMITS carries three numbers, not the object.
const STRING = 1000;
const DEPTH = 8;
const VALUES = 500;

/** How much of a props object survives: beyond these it is cut, with a warning. Read-only. */
export const SANITIZE_LIMITS: { readonly string: number; readonly depth: number; readonly values: number } = {
  /** Characters per string. */
  string: STRING,
  /** Levels of nesting below `props`. */
  depth: DEPTH,
  /**
   * Values per props object, so `track('x', { el: window })` stays cheap: every value under
   * `props` at any depth counts once, a nested object or array as one value besides its own
   * contents; `props` itself does not count. Exactly this many are kept.
   */
  values: VALUES,
};

// A surrogate pair (kept), or a lone surrogate or U+0000 (replaced). PostgreSQL's jsonb, and
// any strict JSON reader, refuses both, so one such string would have its event refused
// forever; U+FFFD keeps the string's length and shows where the character was.
const ILL_FORMED = /[\uD800-\uDFFF\0]/;
const PAIR_OR_ILL_FORMED = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF\0]/g;

/** `text` with every lone surrogate and U+0000 replaced by U+FFFD; unchanged when it has none. */
export const wellFormed = (text: string): string =>
  ILL_FORMED.test(text)
    ? text.replace(PAIR_OR_ILL_FORMED, (match) => (match.length === 2 ? match : '\uFFFD'))
    : text;

/**
 * `text` well-formed and at most {@link STRING} UTF-16 units long, cut on a code-point
 * boundary: one unit fewer when the cut would split a surrogate pair.
 */
const fit = (text: string): string => {
  const clean = wellFormed(text);
  if (clean.length <= STRING) return clean;
  const high = clean.charCodeAt(STRING - 1);
  return clean.slice(0, high >= 0xd800 && high <= 0xdbff ? STRING - 1 : STRING);
};

/**
 * Reduces `props` to JSON, so listeners and the collector get what `JSON.stringify`
 * keeps, never an exception. `field` names the call in warnings (`track('buy') props.a`);
 * returns undefined when nothing usable is left.
 */
export function sanitize(props: unknown, field: string, warn: Warn): Props | undefined {
  // The ancestors of the value being walked: the cycle check and the depth. Development
  // builds also keep their keys, for the path in warnings.
  const holders: unknown[] = [];
  const path: string[] = [];
  // `props` itself is walked first and does not count: it takes the one extra.
  let budget = VALUES + 1;
  // The budget ran out and the rest of the props was cut (warned once for the whole cut).
  let cut = false;
  // Development builds say which field and why (`track('buy') props.a.b: circular; dropped`);
  // production says once per call that its props changed, whatever the causes (the warner
  // keeps one message per cause). The reasons are written `__DEV__ && '…'` so production
  // bundles carry none of their text. An undefined key names the value being walked itself.
  const note: (key: string | undefined, why: string | false) => undefined = __DEV__
    ? (key, why) => {
        warn(`${field} props${path.concat(key ?? []).join('.')}: ${why}`);
      }
    : () => {
        warn(`${field} props: changed to fit JSON and its limits`);
      };
  // A direct copy, as JSON.stringify would see it (toJSON, Dates, dropping undefined, NaN →
  // null): about five times faster on track()'s hot path than a JSON round trip with a
  // replacer, which calls back for every value and parses the text again.
  // biome-ignore lint/suspicious/noExplicitAny: any value at all may come in
  const walk = (value: any, key: string): unknown => {
    budget--;
    if (typeof value?.toJSON === 'function') value = value.toJSON(key);
    if (typeof value === 'bigint') {
      note(key, __DEV__ && 'bigint; sent as string');
      value = `${value}`;
    }
    if (typeof value === 'string') {
      const text = fit(value);
      if (text !== value)
        note(
          key,
          __DEV__ &&
            (value.length > STRING
              ? 'too long; truncated'
              : 'a lone surrogate or \\u0000; replaced by U+FFFD'),
        );
      return text;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      note(key, __DEV__ && `${value} is not JSON; sent as null`);
      return null;
    }
    if (typeof value === 'function' || typeof value === 'symbol')
      return note(key, __DEV__ && `a ${typeof value} is not JSON; dropped`);
    // Strings, numbers, booleans, null and undefined (dropped by the caller) as they are.
    if (!value || typeof value !== 'object') return value;
    if (holders.includes(value) || holders.length > DEPTH)
      return note(key, __DEV__ && (holders.includes(value) ? 'circular; dropped' : 'too deep; dropped'));
    holders.push(value);
    if (__DEV__) path.push(key);
    // One loop for both: an array by index (holes and dropped values become null, as in
    // JSON.stringify), an object by its own enumerable keys. It stops once the budget is
    // spent, so the rest of a huge value is never read.
    const array = Array.isArray(value);
    const names = array ? value : Object.keys(value);
    const copy: unknown[] | Record<string, unknown> = array ? [] : {};
    for (let i = 0; i < names.length; i++) {
      // Cut short once the budget is spent: warned once for the whole cut, never per value,
      // which would flood the console for a long list.
      if (budget <= 0) {
        if (!cut) note(undefined, __DEV__ && `over ${VALUES} values; the rest cut`);
        cut = true;
        break;
      }
      const k = array ? `${i}` : names[i];
      // Assigning a JSON-parsed `__proto__` key would replace the copy's prototype.
      const v = k === '__proto__' ? note(k, __DEV__ && 'not a usable key; dropped') : walk(value[k], k);
      // push, not copy[k]: a string index into an array cost track() a quarter of its speed.
      if (array) (copy as unknown[]).push(v ?? null);
      else if (v !== undefined) {
        // Keys are text too: held to the same rules as string values.
        const name = fit(k);
        if (name !== k)
          note(k, __DEV__ && 'key too long or with a lone surrogate or \\u0000; cut or replaced');
        (copy as Record<string, unknown>)[name] = v;
      }
    }
    holders.pop();
    if (__DEV__) path.pop();
    return copy;
  };
  if (props == null) return;
  if (typeof props !== 'object' || Array.isArray(props)) return note('', __DEV__ && 'not an object; dropped');
  try {
    return walk(props, '') as Props;
  } catch (error) {
    // A getter, a toJSON or a Proxy trap that throws: nothing of these props can be trusted.
    warn(`${field} props: unreadable; dropped`, error);
  }
}
