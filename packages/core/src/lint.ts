// The lint rules of a configuration, shared by `touchpoint lint` and the collector's editor:
// every problem the core's validator finds (the same messages the
// browser prints), then the warnings a product team needs before publishing: surveys
// that compete for the same moment, globs that match none of the site's pages, and
// surveys sampled to nobody.
import { configHash } from './config-hash.js';
import { compileGlob, matchPages, normalizePath } from './glob.js';
import { commonPath } from './glob-overlap.js';
import type { Survey } from './types.js';
import { validateConfig } from './validate.js';

/** One finding, printed as `<level> <path>: <message>`. */
export interface Problem {
  level: 'error' | 'warning';
  path: string;
  message: string;
}

/** What `lint` found, and the configuration's hash (as survey events will carry it). */
export interface LintResult {
  hash: string;
  problems: Problem[];
}

// The validator reports unknown keys as ignored rather than fatal; they stay warnings here.
const IGNORED = /: unknown key, ignored$/;

/** Splits a validator message `surveys[2].metric: expected …` into path and message. */
const fromValidator = (message: string): Problem => {
  const at = message.indexOf(': ');
  return {
    level: IGNORED.test(message) ? 'warning' : 'error',
    path: message.slice(0, at),
    message: message.slice(at + 2),
  };
};

const quote = (s: string) => JSON.stringify(s);

/** Two conditions are compatible when either is absent or both ask for the same value. */
const compatible = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined || a === b;

/** The inclusion globs of a survey; none means every page, as the eligibility rule treats it. */
const inclusions = (s: Survey) => {
  const globs = (s.when?.pages ?? []).filter((g) => g[0] !== '!');
  return globs.length ? globs : ['/**'];
};

/**
 * A page where both surveys can be due at the same moment, if any: their `pages` overlap
 * (on a listed page, or on a path built from the two globs), and their `event` and `stage`
 * conditions do not exclude each other.
 */
export function sharedPage(a: Survey, b: Survey, pages: readonly string[] = []): string | undefined {
  if (!compatible(a.when?.event, b.when?.event) || !compatible(a.when?.stage, b.when?.stage))
    return undefined;
  const candidates = [...pages];
  for (const x of inclusions(a))
    for (const y of inclusions(b)) {
      const path = commonPath(x, y);
      if (path) candidates.push(path);
    }
  const both = (path: string) =>
    matchPages(a.when?.pages ?? [], path).ok && matchPages(b.when?.pages ?? [], path).ok;
  return candidates.find(both);
}

/**
 * Lints a parsed configuration. `pages` (from `--pages`) enables the checks against the
 * site's real paths. Pure: the caller reads files and prints.
 */
export function lint(raw: unknown, pages?: readonly string[]): LintResult {
  const { config, problems: found } = validateConfig(raw);
  const problems = found.map(fromValidator);
  const warn = (path: string, message: string) => problems.push({ level: 'warning', path, message });
  // The validator keeps the very survey objects it was given, so their index in the file is known.
  const rawSurveys = (raw as { surveys?: unknown })?.surveys;
  const surveys = (config.surveys ?? []).map((survey) => ({
    survey,
    path: `surveys[${Array.isArray(rawSurveys) ? rawSurveys.indexOf(survey) : -1}]`,
  }));

  for (const { survey, path } of surveys)
    if (survey.sample === 0)
      warn(`${path}.sample`, `0, so "${survey.id}" never shows unless forced by tp.show()`);

  const live = surveys.filter(({ survey }) => survey.sample !== 0);
  live.forEach((a, i) => {
    for (const b of live.slice(i + 1)) {
      const page = sharedPage(a.survey, b.survey, pages);
      if (!page) continue;
      const event = a.survey.when?.event ?? b.survey.when?.event;
      // Config order decides between surveys due on the same trigger; but a survey that waits
      // for an event loses to a later one that is already due on the page view before it.
      const waits = a.survey.when?.event !== undefined && b.survey.when?.event === undefined;
      const [winner, why] = waits
        ? [b.survey.id, `being due on the page view, before ${event}`]
        : [a.survey.id, 'being first in the config'];
      warn(
        a.path,
        `"${a.survey.id}" and ${b.path} "${b.survey.id}" can be due at the same time on ${page}${event ? ` (on ${event})` : ''}; "${winner}" wins, ${why}`,
      );
    }
  });

  if (pages) {
    const paths = pages.map(normalizePath);
    const unmatched = (glob: string) => !paths.some((p) => compileGlob(glob).re.test(p));
    const none = `matches none of the ${pages.length} listed pages`;
    for (const { survey, path } of surveys)
      survey.when?.pages?.forEach((glob, g) => {
        if (glob[0] !== '!' && unmatched(glob)) warn(`${path}.when.pages[${g}]`, `${quote(glob)} ${none}`);
      });
    for (const glob in config.stages) if (unmatched(glob)) warn(`stages[${quote(glob)}]`, none);
  }
  return { hash: configHash(raw), problems };
}
