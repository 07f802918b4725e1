/**
 * What a method returns when it refused its arguments: the instance's guard then warns. In
 * production builds that is one message per method; development builds say which argument
 * and why before returning it (see types/dev.d.ts).
 */
export const REFUSED = 1;

/** The result of a method that may refuse its arguments. */
export type MaybeRefused<T = void> = T | typeof REFUSED;
