import { REFUSED } from './refused.js';
import type { Warn } from './warn.js';

/**
 * A public method that never throws into the page: it reports an unexpected failure (a bug, a
 * hostile page) and a refusal of its arguments, and returns `fallback`, what a caller can
 * still use (an unsubscribe function, an empty list).
 */
export function guard<A extends unknown[], R>(
  warn: Warn,
  name: string,
  method: (...args: A) => R | typeof REFUSED,
  fallback: R,
): (...args: A) => R;
/** A method that returns nothing: `undefined` after a failure, too. */
export function guard<A extends unknown[]>(
  warn: Warn,
  name: string,
  method: (...args: A) => unknown,
): (...args: A) => void;
export function guard<A extends unknown[], R>(
  warn: Warn,
  name: string,
  method: (...args: A) => R | typeof REFUSED,
  fallback?: R,
): (...args: A) => R | undefined {
  return (...args) => {
    try {
      const result = method(...args);
      if (result !== REFUSED) return result;
      // Development builds said which argument and why before refusing.
      if (!__DEV__) warn(`${name}(): invalid arguments; ignored`);
    } catch (error) {
      warn(`${name}() failed; ignored`, error);
    }
    return fallback;
  };
}
