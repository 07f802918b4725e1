// A command line that cannot run: thrown by any command, printed by `main` with the usage
// text, exit status 2.

/** An error that `main` reports with the usage text and exit status 2. */
export const usage = (message: string) => Object.assign(new Error(message), { code: 'ERR_TOUCHPOINT_USAGE' });

/** Whether `error` is about the command line: ours, or `parseArgs`' own. */
export const isUsage = (error: unknown) =>
  /^ERR_(PARSE_ARGS|TOUCHPOINT_USAGE)/.test((error as { code?: string })?.code ?? '');

/** `--name value` as a number within bounds, else the default; out of bounds is a usage error. */
export const numberOption = (
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  integer = true,
): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    throw usage(`--${name} ${value}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  return n;
};
