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
  const holders: unknown[] = [];
  const keys: string[] = [];
  let budget = SANITIZE_LIMITS.values;
  const note = (key: string, why: string): undefined => {
    warn(`${field} props${keys.join('.')}.${key}: ${why}`);
  };
  if (props == null) return;
  if (typeof props !== 'object' || Array.isArray(props)) return note('', 'not an object; dropped');
  try {
    // The native JSON.stringify walks (toJSON, Dates, dropping undefined, NaN → null)
    // fast and in few bytes; the replacer adds what it lacks. It is called with `this` =
    // the object holding `key`, so unwinding the stack to `this` leaves exactly the
    // ancestors of `value`: the cycle check, the depth and the path for warnings.
    return JSON.parse(
      JSON.stringify(props, function (this: unknown, key: string, value: unknown) {
        while (holders.length && holders[holders.length - 1] !== this) {
          holders.pop();
          keys.pop();
        }
        const type = typeof value;
        if (--budget < 0) return note(key, 'too many values; cut');
        if (type === 'string' && (value as string).length > SANITIZE_LIMITS.string) {
          note(key, 'too long; truncated');
          return (value as string).slice(0, SANITIZE_LIMITS.string);
        }
        if (type === 'bigint') {
          note(key, 'bigint; sent as string');
          return `${value}`;
        }
        if (type === 'function' || type === 'symbol') note(key, `a ${type} is not JSON; dropped`);
        if (type === 'number' && !Number.isFinite(value)) note(key, `${value} is not JSON; sent as null`);
        if (value && type === 'object') {
          if (holders.includes(value)) return note(key, 'circular; dropped');
          if (holders.length > SANITIZE_LIMITS.depth) return note(key, 'too deep; dropped');
          holders.push(value);
          keys.push(key);
        }
        return value;
      }),
    );
  } catch (error) {
    // A getter or a Proxy trap that throws: nothing of these props can be trusted.
    warn(`${field} props: unreadable; dropped`, error);
  }
}
