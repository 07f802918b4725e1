import type { Props } from './types.js';
import type { Warn } from './warn.js';

/** How much of a props object survives: beyond these it is cut, with a warning. */
export const SANITIZE_LIMITS = {
  /** Characters per string. */
  string: 1000,
  /** Levels of nesting below `props`. */
  depth: 8,
  /** Values per props object, so `track('x', { el: window })` stays cheap. */
  values: 500,
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
  const keys: string[] = [];
  let budget = SANITIZE_LIMITS.values;
  // Development builds say which field and why (`track('buy') props.a.b: circular; dropped`);
  // production names the call once. The reasons are written `__DEV__ && '…'` so production
  // bundles carry none of their text.
  const note = (key: string, why: string | false): undefined => {
    warn(
      __DEV__
        ? `${field} props${keys.join('.')}.${key}: ${why}`
        : `${field} props: changed to fit JSON and its limits`,
    );
  };
  let cut = false;
  /** The budget is spent: warned once for the whole cut, never per value (a 20,000-item list would flood the console). */
  const over = (): boolean => {
    if (budget > 0) return false;
    if (!cut) warn(`${field} props: over ${SANITIZE_LIMITS.values} values; the rest cut`);
    cut = true;
    return true;
  };
  // A direct copy, as JSON.stringify would see it (toJSON, Dates, dropping undefined, NaN →
  // null): about five times faster on track()'s hot path than a JSON round trip with a
  // replacer, which calls back for every value and parses the text again.
  // biome-ignore lint/suspicious/noExplicitAny: any value at all may come in
  const walk = (value: any, key: string): unknown => {
    if (over()) return;
    budget--;
    if (typeof value?.toJSON === 'function') value = value.toJSON(key);
    const type = typeof value;
    if (type === 'string' && value.length > SANITIZE_LIMITS.string) {
      note(key, __DEV__ && 'too long; truncated');
      return value.slice(0, SANITIZE_LIMITS.string);
    }
    if (type === 'bigint') {
      note(key, __DEV__ && 'bigint; sent as string');
      return `${value}`;
    }
    if (type === 'function' || type === 'symbol')
      return note(key, __DEV__ && `a ${type} is not JSON; dropped`);
    if (type === 'number' && !Number.isFinite(value)) {
      note(key, __DEV__ && `${value} is not JSON; sent as null`);
      return null;
    }
    // Strings, numbers, booleans, null and undefined (dropped by the caller) as they are.
    if (!value || type !== 'object') return value;
    if (holders.includes(value)) return note(key, __DEV__ && 'circular; dropped');
    if (holders.length > SANITIZE_LIMITS.depth) return note(key, __DEV__ && 'too deep; dropped');
    holders.push(value);
    if (__DEV__) keys.push(key);
    let copy: unknown;
    // Where JSON.stringify drops a value from an object, it writes null in an array.
    // Loops stop once the budget is spent: the rest of a huge value is never walked.
    if (Array.isArray(value)) {
      const array: unknown[] = [];
      for (let i = 0; i < value.length && !over(); i++) array.push(walk(value[i], `${i}`) ?? null);
      copy = array;
    } else {
      const object: Record<string, unknown> = {};
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        if (over()) break;
        // Assigning a JSON-parsed `__proto__` key would replace the copy's prototype.
        if (k === '__proto__') note(k, __DEV__ && 'not a usable key; dropped');
        else {
          const v = walk(value[k], k);
          if (v !== undefined) object[k] = v;
        }
      }
      copy = object;
    }
    holders.pop();
    if (__DEV__) keys.pop();
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
