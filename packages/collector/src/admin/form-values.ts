// Reading form fields into configuration values, the same way for the survey form and the
// site settings: an empty field leaves its key out (the SDK's default applies), a number
// field keeps what was typed when it is not a number, so the validator names the field,
// and a list is one entry a line.

/** Trimmed text, or undefined when empty. */
export const textOf = (value: string | null | undefined): string | undefined => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
};

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number, or the text itself (which the validator then refuses, naming the field). */
export const numberOf = (value: string | null | undefined): number | string | undefined => {
  const text = textOf(value);
  return text !== undefined && DECIMAL.test(text) ? Number(text) : text;
};

/** One entry a line, blank lines left out. */
export const linesOf = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** `key = value` lines, split at the first `=`; a line without one keeps an empty value. */
export const pairsOf = (value: string | null | undefined): [string, string][] =>
  linesOf(value).map((line) => {
    const at = line.indexOf('=');
    return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  });

/** Sets `key` on `target`, or removes it when `value` is undefined or an empty object. */
export function put(target: Record<string, unknown>, key: string, value: unknown) {
  const empty =
    value === undefined ||
    (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
  if (empty) delete target[key];
  else target[key] = value;
}

/** The text a form field shows for a value: numbers and text as they are, nothing for absent. */
export const shown = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** Each form field's text, by field name (`when.pages`, `links.low.url`). */
export type FieldValues = Record<string, string>;

/** A copy of `value` when it is a plain object, else an empty object. */
export const objectAt = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
