/** The built-in journey stages, in journey order. */
export const STAGES = [
  'discovery',
  'touchpoint',
  'interest',
  'purchase',
  'use',
  'service',
  'advocacy',
  'churn',
] as const;

/** A stage from {@link STAGES}; custom stage names are allowed too (see {@link isStageName}). */
export type Stage = (typeof STAGES)[number];

/** Built-in or custom: lower-case, starts with a letter, at most 40 characters. */
export const isStageName = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z][a-z0-9_-]{0,39}$/.test(value);
