/** One day in milliseconds: cooldowns and limits are configured in days. */
export const DAY_MS = 24 * 60 * 60 * 1000;
