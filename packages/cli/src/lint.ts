// `touchpoint lint`: the rules live in @touchpoint/core/rules (shared with the collector's
// editor); this file prints what they find.
import type { LintResult } from '@touchpoint/core/rules';

export { type LintResult, lint, type Problem, sharedPage } from '@touchpoint/core/rules';

/** One line per problem, then a summary with the configuration's hash. */
export function formatLint(result: LintResult, file: string): string[] {
  const errors = result.problems.filter((p) => p.level === 'error').length;
  const warnings = result.problems.length - errors;
  return [
    ...result.problems.map((p) => `${p.level} ${p.path}: ${p.message}`),
    `${file}: config ${result.hash}, ${errors} error(s), ${warnings} warning(s)`,
  ];
}
