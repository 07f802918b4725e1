// The `touchpoint` command: arguments in, lines and an exit status out (io.ts says where).
import { parseArgs } from 'node:util';
import { DAY_MS, parseConfigText, parseScheduleDate, type TouchpointConfig } from '@touchpoint/core/rules';
import { EXPLAIN_DEFAULTS, explainUrl, formatExplanation } from './explain.js';
import { EXIT, type Io, NODE_IO } from './io.js';
import { runLink } from './link.js';
import { checkConfig, formatLint, lint, lintReport, type Problem } from './lint.js';
import { SIMULATE_DEFAULTS, simulate } from './simulate.js';
import { formatSimulation } from './simulation.js';
import { parseTraits, type TraitProfile } from './traits-file.js';
import { USAGE } from './usage.js';
import { isUsage, numberOption, usage } from './usage-error.js';
import { parseWalks, type Walks, walkPaths } from './walks.js';

const OPTIONS = {
  pages: { type: 'string' },
  visitors: { type: 'string' },
  days: { type: 'string' },
  seed: { type: 'string' },
  'visit-rate': { type: 'string' },
  'pages-per-visit': { type: 'string' },
  'answer-rate': { type: 'string' },
  json: { type: 'boolean' },
  url: { type: 'string' },
  event: { type: 'string' },
  stage: { type: 'string' },
  visitor: { type: 'string' },
  date: { type: 'string' },
  traits: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `7 journeys`, `11 pages`, or `11 pages (12 lines)` when a page is listed on several lines. */
const walked = (walks: Walks): string => {
  if (walks.kind === 'journeys') return `${walks.journeys.length} journeys`;
  const pages = walkPaths(walks).length;
  return pages === walks.journeys.length
    ? `${pages} pages`
    : `${pages} pages (${walks.journeys.length} lines)`;
};

/** Explain judges one visitor: the traits of a file of one, or none. */
const oneVisitor = (profiles: TraitProfile[], file: string | undefined) => {
  if (profiles.length > 1 || (profiles[0] && profiles[0].share !== 1))
    throw usage(`explain: ${file} is a distribution; explain judges one visitor, give an object of traits`);
  return profiles[0]?.traits;
};

const hasErrors = (result: { problems: readonly { level: string }[] }) =>
  result.problems.some((p) => p.level === 'error');

/** Runs one command; returns the exit status. Never throws. */
export function main(argv: readonly string[], io: Io = NODE_IO): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (isUsage(error)) {
      io.err(`touchpoint: ${(error as Error).message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    io.err(`touchpoint: unexpected failure, please report it: ${(error as Error)?.stack ?? error}`);
    return EXIT.problems;
  }
}

function run(argv: readonly string[], io: Io): number {
  // `link` signs a URL rather than reading a configuration: its own options (link.ts).
  if (argv[0] === 'link') return runLink(argv.slice(1), io);
  const { values: flags, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
  });
  const [command, file, ...extra] = positionals;
  if (flags.help || !command) {
    io.out(USAGE);
    return command || flags.help ? EXIT.ok : EXIT.usage;
  }
  if (!['lint', 'simulate', 'explain'].includes(command)) throw usage(`unknown command "${command}"`);
  if (!file) throw usage(`${command}: the configuration file is missing`);
  if (extra.length) throw usage(`${command}: unexpected argument "${extra[0]}"`);

  /** A file's text; an unreadable file is a problem of the input, reported as such. */
  const read = (path: string, what: string): string | undefined => {
    try {
      return io.readFile(path);
    } catch (error) {
      io.err(
        `error ${path}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
      return undefined;
    }
  };
  const text = read(file, 'configuration');
  if (text === undefined) return EXIT.problems;
  let raw: unknown;
  try {
    raw = parseConfigText(text);
  } catch (error) {
    const problem: Problem = {
      level: 'error',
      path: 'config',
      message: `not valid JSON (${(error as Error).message})`,
    };
    if (command === 'lint' && flags.json) io.out(JSON.stringify(lintReport({ problems: [problem] }, file)));
    else io.out(`${problem.level} ${problem.path}: ${problem.message}`);
    return EXIT.problems;
  }
  let walks: Walks | undefined;
  if (flags.pages !== undefined) {
    const pagesText = read(flags.pages, 'pages file');
    if (pagesText === undefined) return EXIT.problems;
    walks = parseWalks(pagesText);
    for (const problem of walks.problems) io.err(`warning ${flags.pages} ${problem}`);
  }

  if (command === 'lint') {
    const result = lint(raw, walks && walkPaths(walks), io.now());
    if (flags.json) io.out(JSON.stringify(lintReport(result, file)));
    else for (const line of formatLint(result, file)) io.out(line);
    return hasErrors(result) ? EXIT.problems : EXIT.ok;
  }

  // simulate and explain run what the browser would run: the valid part of the configuration,
  // and exit 1 when the file has errors, as lint does.
  const checked = checkConfig(raw);
  const config = checked.config;
  const failed = hasErrors(checked);
  if (checked.problems.length)
    io.err(
      `${failed ? 'error' : 'warning'} ${file}: ${checked.problems.length} problem(s), run \`touchpoint lint ${file}\`; the valid surveys run`,
    );
  const status = failed ? EXIT.problems : EXIT.ok;

  const date = flags.date === undefined ? undefined : parseScheduleDate(flags.date);
  if (flags.date !== undefined && date === undefined)
    throw usage(`--date ${flags.date}: expected an ISO 8601 date (2027-01-15) or date-time with a zone`);
  let profiles: TraitProfile[] = [];
  if (flags.traits !== undefined) {
    const traitsText = read(flags.traits, 'traits file');
    if (traitsText === undefined) return EXIT.problems;
    const parsed = parseTraits(traitsText);
    if (typeof parsed === 'string') {
      io.err(`error ${flags.traits}: ${parsed}`);
      return EXIT.problems;
    }
    profiles = parsed;
  }

  if (command === 'explain') {
    if (flags.url === undefined) throw usage('explain: --url is missing');
    const options = {
      url: flags.url,
      event: flags.event,
      stage: flags.stage,
      visitor: flags.visitor ?? EXPLAIN_DEFAULTS.visitor,
      traits: oneVisitor(profiles, flags.traits),
    };
    for (const line of formatExplanation(explainUrl(config, options, date ?? io.now()), options))
      io.out(line);
    return status;
  }

  if (!walks) throw usage('simulate: --pages is missing');
  if (!walks.journeys.length) {
    io.err(`error ${flags.pages}: no page to walk`);
    return EXIT.problems;
  }
  const defaults = SIMULATE_DEFAULTS;
  const options = {
    visitors: numberOption(flags.visitors, 'visitors', defaults.visitors, 1, 10_000_000),
    days: numberOption(flags.days, 'days', defaults.days, 1, 3650),
    seed: numberOption(flags.seed, 'seed', defaults.seed, 0, 2 ** 32 - 1),
    visitRate: numberOption(flags['visit-rate'], 'visit-rate', defaults.visitRate, 0, 1, false),
    pagesPerVisit: numberOption(flags['pages-per-visit'], 'pages-per-visit', defaults.pagesPerVisit, 1, 1000),
    answerRate: numberOption(flags['answer-rate'], 'answer-rate', defaults.answerRate, 0, 1, false),
    // Today's midnight UTC by default, so schedules are judged from the day the command runs.
    start: date ?? Math.floor(io.now() / DAY_MS) * DAY_MS,
    traits: profiles,
  };
  const result = simulate(config as TouchpointConfig, walks, options);
  if (flags.json) io.out(JSON.stringify(result));
  else {
    io.out(
      `${options.visitors} visitors, ${options.days} days, seed ${options.seed}, ${walked(walks)} from ${flags.pages}`,
    );
    for (const line of formatSimulation(result)) io.out(line);
  }
  return status;
}
