// `touchpoint lint`: the rules live in @touchpoint/core/rules (shared with the collector's
// survey editor); this file prints what they find.
import type { LintResult, Problem } from '@touchpoint/core/rules';

export {
  candidatePaths,
  checkConfig,
  type LintResult,
  lint,
  type Problem,
  sharedPage,
} from '@touchpoint/core/rules';

/** What `touchpoint lint --json` prints: exactly this shape, on one line. */
export interface LintReport {
  file: string;
  /** Null when the file is not JSON, so there is no configuration to hash. */
  hash: string | null;
  errors: number;
  warnings: number;
  problems: Problem[];
}

/** The counts and the problems of `result` as the `--json` output holds them. */
export function lintReport(
  result: { hash?: string | undefined; problems: Problem[] },
  file: string,
): LintReport {
  const errors = result.problems.filter((p) => p.level === 'error').length;
  return {
    file,
    hash: result.hash ?? null,
    errors,
    warnings: result.problems.length - errors,
    problems: result.problems,
  };
}

/** One line per problem, then a summary with the configuration's hash. */
export function formatLint(result: LintResult, file: string): string[] {
  const { errors, warnings } = lintReport(result, file);
  return [
    ...result.problems.map((p) => `${p.level} ${p.path}: ${p.message}`),
    `${file}: config ${result.hash}, ${errors} error(s), ${warnings} warning(s)`,
  ];
}
