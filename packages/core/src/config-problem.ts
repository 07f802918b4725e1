// What the configuration validator (validate.ts) reports: typed, so tools (`touchpoint lint`,
// the collector's editor) read the path and the kind of each problem instead of parsing text.

/** One problem of a configuration: where, what kind, and what the field needs. */
export interface ConfigProblem {
  /** The field's path, `surveys[2].metric`; `config` for the file itself. */
  path: string;
  /**
   * `invalid`: the value breaks its rule and is left out (a survey with one is skipped);
   * `unknown-key`: a key the format does not have, ignored (inside `when`, where a mistyped
   * condition must never widen who sees a survey, an unknown key is `invalid`).
   */
  code: 'invalid' | 'unknown-key';
  /** What is wrong, for people: `expected "nps" | "csat" | "ces"`, `unknown key, ignored`. */
  message: string;
}

/** A problem as the console and `touchpoint lint` print it: `surveys[2].metric: expected …`. */
export const formatProblem = (problem: ConfigProblem): string => `${problem.path}: ${problem.message}`;
