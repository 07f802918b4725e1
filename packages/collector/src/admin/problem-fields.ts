// Which form field a validator or lint finding belongs to, so it is shown next to that
// field: `surveys[2].when.pages[1]` → `when.pages`, `surveys[2].links.low.url` →
// `links.low.url`, `surveys[2].question["ar"]` → `question.languages`, `stages["/x"]` →
// `stages`, `limits.maxPerSession` as it is.
import type { Problem } from '@touchpoint/core/rules';
import { languagesField } from './localized-field.js';
import { TEXT_FIELDS } from './survey-form.js';

/** Fields whose value is a list or a map: an entry's finding goes to the whole field. */
const WHOLE = ['when.pages', 'when.user', 'strings', 'stages', 'previewOrigins'];

/**
 * The field a finding at `path` concerns, relative to `prefix` (`surveys[2]` for a survey,
 * '' for the site settings), or undefined when it concerns something else.
 * '' means the thing as a whole (the survey, the configuration).
 */
export function fieldOf(path: string, prefix: string): string | undefined {
  let rest: string;
  if (prefix === '') rest = path === 'config' ? '' : path;
  else if (path === prefix) rest = '';
  else if (path.startsWith(`${prefix}.`)) rest = path.slice(prefix.length + 1);
  else return undefined;
  const field = rest.replace(/\[.*$/, '');
  // `question["ar"]`: one language of a text, typed in that text's languages field.
  if (field !== rest && TEXT_FIELDS.includes(field)) return languagesField(field);
  const whole = WHOLE.find((name) => field === name || field.startsWith(`${name}.`));
  return whole ?? field;
}

/** Findings grouped by field; findings elsewhere in the configuration are left out. */
export function problemsByField(problems: readonly Problem[], prefix: string): Map<string, Problem[]> {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    const field = fieldOf(problem.path, prefix);
    if (field === undefined) continue;
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}
