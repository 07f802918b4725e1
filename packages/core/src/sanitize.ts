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
  // The ancestors of the value being walked, and their keys: the cycle check, the depth
  // and the path for warnings.
  const holders: unknown[] = [];
  const keys: string[] = [];
  let budget = SANITIZE_LIMITS.values;
  const note = (key: string, why: string): undefined => {
    warn(`${field} props${keys.join('.')}.${key}: ${why}`);
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
      note(key, 'too long; truncated');
      return value.slice(0, SANITIZE_LIMITS.string);
    }
    if (type === 'bigint') {
      note(key, 'bigint; sent as string');
      return `${value}`;
    }
    if (type === 'function' || type === 'symbol') return note(key, `a ${type} is not JSON; dropped`);
    if (type === 'number' && !Number.isFinite(value)) {
      note(key, `${value} is not JSON; sent as null`);
      return null;
    }
    // Strings, numbers, booleans, null and undefined (dropped by the caller) as they are.
    if (!value || type !== 'object') return value;
    if (holders.includes(value)) return note(key, 'circular; dropped');
    if (holders.length > SANITIZE_LIMITS.depth) return note(key, 'too deep; dropped');
    holders.push(value);
    keys.push(key);
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
        if (k === '__proto__') note(k, 'not a usable key; dropped');
        else {
          const v = walk(value[k], k);
          if (v !== undefined) object[k] = v;
        }
      }
      copy = object;
    }
    holders.pop();
    keys.pop();
    return copy;
  };
  if (props == null) return;
  if (typeof props !== 'object' || Array.isArray(props)) return note('', 'not an object; dropped');
  try {
    return walk(props, '') as Props;
  } catch (error) {
    // A getter, a toJSON or a Proxy trap that throws: nothing of these props can be trusted.
    warn(`${field} props: unreadable; dropped`, error);
  }
}
