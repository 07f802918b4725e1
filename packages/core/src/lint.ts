// The rules of `touchpoint lint` (and the collector's survey editor): every problem the core's
// validator finds (the same messages the browser prints) and every survey text the prompt would
// leave out (the widget's own rules), then the warnings a product team needs before publishing:
// surveys that compete for the same moment with equal priority (survey-overlap.ts), globs that
// match none of the site's pages, surveys sampled to nobody, schedules that are over or never
// start, and texts missing some of the site's languages.
import { configHash } from './config-hash.js';
import type { ConfigProblem } from './config-problem.js';
import { compileGlob, normalizePath } from './glob.js';
import { localeGaps, siteLanguages } from './locale-coverage.js';
import { priorityOf } from './pick-survey.js';
import { parseScheduleDate } from './schedule.js';
import { sharedPage, why } from './survey-overlap.js';
import { surveyTextProblems } from './survey-texts.js';
import type { Survey, TouchpointConfig } from './types.js';
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

/**
 * A validator problem as a finding: an unknown key is ignored by the browser (outside `when`,
 * where it fails closed and is `invalid`), so it stays a warning; anything else is an error.
 */
const fromValidator = ({ code, path, message }: ConfigProblem): Problem => ({
  level: code === 'unknown-key' ? 'warning' : 'error',
  path,
  message,
});

/** Any https origin judges links as the page would: site-relative links resolve against it. */
const SITE = 'https://site.example/';

/** A valid survey and its place in the file, `surveys[2]`. */
interface Placed {
  survey: Survey;
  path: string;
}

/**
 * The configuration as the browser runs it, and the problems of the file itself: the
 * validator's, and the texts and links the prompt would leave out. Errors make every command
 * exit 1; `simulate` and `explain` still run the valid part, as the browser does.
 */
export function checkConfig(raw: unknown): {
  config: TouchpointConfig;
  surveys: Placed[];
  problems: Problem[];
} {
  const { config, problems: found } = validateConfig(raw);
  const problems = found.map(fromValidator);
  // The validator keeps the very survey objects it was given, so their index in the file is known.
  const rawSurveys = (raw as { surveys?: unknown })?.surveys;
  const surveys = (config.surveys ?? []).map((survey) => ({
    survey,
    path: `surveys[${Array.isArray(rawSurveys) ? rawSurveys.indexOf(survey) : -1}]`,
  }));
  for (const { survey, path } of surveys)
    for (const problem of surveyTextProblems(survey, SITE))
      problems.push({ level: 'error', path: `${path}.${problem.path}`, message: problem.message });
  return { config, surveys, problems };
}

const quote = (s: string) => JSON.stringify(s);

/** The instant of a schedule date the validator kept. */
const instant = (date: string) => parseScheduleDate(date) as number;

/**
 * Lints a parsed configuration. `pages` (from `--pages`, distinct paths) enables the checks
 * against the site's real paths. Pure: the caller reads files and prints.
 */
export function lint(raw: unknown, pages?: readonly string[], now = Date.now()): LintResult {
  const { config, surveys, problems } = checkConfig(raw);
  const warn = (path: string, message: string) => problems.push({ level: 'warning', path, message });

  for (const { survey, path } of surveys) {
    if (survey.sample === 0)
      warn(`${path}.sample`, `0, so "${survey.id}" never shows unless forced by tp.show()`);
    const { startsAt, endsAt } = survey;
    if (startsAt !== undefined && endsAt !== undefined && instant(startsAt) >= instant(endsAt))
      warn(`${path}.startsAt`, `${startsAt} is not before endsAt ${endsAt}, so "${survey.id}" never shows`);
    else if (endsAt !== undefined && instant(endsAt) <= now)
      warn(`${path}.endsAt`, `${endsAt} is in the past, so "${survey.id}" no longer shows`);
  }

  // Surveys with different priorities say which one wins; only a tie is left to file order.
  const live = surveys.filter(({ survey }) => survey.sample !== 0);
  live.forEach((a, i) => {
    for (const b of live.slice(i + 1)) {
      if (priorityOf(a.survey) !== priorityOf(b.survey)) continue;
      const page = sharedPage(a.survey, b.survey, pages);
      if (!page) continue;
      const event = a.survey.when?.event ?? b.survey.when?.event;
      warn(
        a.path,
        `"${a.survey.id}" and ${b.path} "${b.survey.id}" can be due at the same time on ${page}${event ? ` (on ${event})` : ''}${a.survey.priority === undefined ? '' : ` with equal priority ${a.survey.priority}`}; ${why(a.survey, b.survey, event)}`,
      );
    }
  });

  const languages = siteLanguages(surveys.map(({ survey }) => survey));
  for (const { survey, path } of surveys)
    for (const gap of localeGaps(survey, languages))
      warn(
        `${path}.${gap.path}`,
        gap.has.length
          ? `in ${gap.has.join(', ')} but not ${gap.lacks.join(', ')} (the languages of this file's texts); those pages get another language's text`
          : `one text for every language, not in ${gap.lacks.join(', ')} (the languages of this file's texts) like the survey's other texts`,
      );

  if (pages) {
    const unmatched = (glob: string) => !pages.some((p) => compileGlob(glob).re.test(normalizePath(p)));
    const none = `matches none of the ${pages.length} listed pages`;
    for (const { survey, path } of surveys)
      survey.when?.pages?.forEach((glob, g) => {
        if (glob[0] !== '!' && unmatched(glob)) warn(`${path}.when.pages[${g}]`, `${quote(glob)} ${none}`);
      });
    for (const glob in config.stages) if (unmatched(glob)) warn(`stages[${quote(glob)}]`, none);
  }
  // The hash survey events carry: of the configuration the browser runs, the validated one.
  return { hash: configHash(config), problems };
}
