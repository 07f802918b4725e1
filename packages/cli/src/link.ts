// `touchpoint link`: a signed link to a survey hosted by the collector, and with `--html` an
// e-mail snippet with one button per score. The signing rule is the collector's own
// (`@touchpoint/collector/links`), so a link printed here is one the collector accepts.
import { parseArgs } from 'node:util';
import {
  type EmailSurvey,
  emailHtml,
  emailText,
  type LinkParams,
  linkProblem,
  SCORE_RANGE,
  signedQuery,
} from '@touchpoint/collector/links';
import { EXIT, type Io } from './io.js';
import { usage as usageError } from './usage-error.js';

/** What `link` needs from the outside: files, the environment, the clock and the terminal. */
export type LinkIo = Pick<Io, 'out' | 'err' | 'readFile' | 'now' | 'env'>;

/** A file that cannot be read is a problem of the input (exit status 1), as in the other commands. */
class Unreadable extends Error {}

export const LINK_USAGE =
  '  touchpoint link [config.json] --survey <id> [--ref <ticket>] [--user <id>] [--channel email] [--expires 14d | 2027-06-30]\n' +
  '      --base <collector URL> [--html] [--secret-file <file>]   (secret: TOUCHPOINT_LINK_SECRET)';

const OPTIONS = {
  survey: { type: 'string' },
  ref: { type: 'string' },
  user: { type: 'string' },
  channel: { type: 'string' },
  expires: { type: 'string' },
  base: { type: 'string' },
  html: { type: 'boolean' },
  'secret-file': { type: 'string' },
} as const;

/** A command line that cannot run, named as this command's. */
const usage = (message: string) => usageError(`link: ${message}`);

const UNITS: Record<string, number> = { m: 60, h: 3600, d: 86_400 };

/**
 * `--expires` as seconds since the epoch: a duration from now (`90m`, `12h`, `14d`), a date
 * (`2027-06-30`: the link works through that whole day, UTC) or an ISO date and time. Pure.
 */
export function parseExpiry(text: string, nowMs: number): number | undefined {
  const duration = /^(\d{1,6})([mhd])$/.exec(text);
  if (duration)
    return Math.floor(nowMs / 1000) + Number(duration[1]) * (UNITS[duration[2] as string] as number);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined;
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  // Date.parse rolls 2027-02-31 over into March: a date must read back as itself.
  if (Number.isNaN(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== text)) return undefined;
  return Math.floor(ms / 1000) + (dateOnly ? 86_400 : 0);
}

function findSurvey(text: string, path: string, id: string): EmailSurvey {
  let config: { surveys?: unknown };
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw usage(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const found = (Array.isArray(config?.surveys) ? (config.surveys as EmailSurvey[]) : []).find(
    (s) => s?.id === id,
  );
  if (!found) throw usage(`${path}: no survey "${id}"`);
  if (!Object.hasOwn(SCORE_RANGE, found.metric) || !found.question)
    throw usage(`${path}: survey "${id}" needs a metric (nps|csat|ces) and a question`);
  return found;
}

/** Runs `touchpoint link`; returns the exit status. Throws usage errors for main.ts to print. */
export function runLink(args: readonly string[], io: LinkIo): number {
  try {
    return link(args, io);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    io.err(error.message);
    return EXIT.problems;
  }
}

function link(args: readonly string[], io: LinkIo): number {
  const read = (path: string, what: string) => {
    try {
      return io.readFile(path);
    } catch (error) {
      throw new Unreadable(
        `error ${path}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  };
  const { values: v, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true });
  const [configPath, extra] = positionals;
  if (extra !== undefined) throw usage(`unexpected argument "${extra}"`);
  if (!v.survey) throw usage('--survey is missing');
  if (!v.base) throw usage('--base (the collector URL, https://collect.example.com) is missing');
  let base: URL;
  try {
    base = new URL(v.base);
  } catch {
    throw usage(`--base ${v.base}: expected an http(s) URL`);
  }
  if (!/^https?:$/.test(base.protocol)) throw usage(`--base ${v.base}: expected an http(s) URL`);
  if (v.html && !configPath)
    throw usage('--html needs the configuration file, for the question and the scale');
  const survey = configPath ? findSurvey(read(configPath, 'configuration'), configPath, v.survey) : undefined;

  const secret = v['secret-file']
    ? read(v['secret-file'], 'secret file').trim()
    : io.env?.TOUCHPOINT_LINK_SECRET;
  if (!secret) throw usage("no secret: set TOUCHPOINT_LINK_SECRET (the collector's) or give --secret-file");

  const params: LinkParams = { surveyId: v.survey };
  if (v.ref !== undefined) params.ref = v.ref;
  if (v.user !== undefined) params.u = v.user;
  if (v.channel !== undefined) params.ch = v.channel;
  if (v.expires !== undefined) {
    const exp = parseExpiry(v.expires, io.now());
    if (exp === undefined)
      throw usage(
        `--expires ${v.expires}: expected 90m, 12h, 14d, a date (2027-06-30) or an ISO date and time`,
      );
    params.exp = exp;
  }
  const problem = linkProblem(params);
  if (problem) throw usage(problem);

  const page = new URL(`s/${encodeURIComponent(v.survey)}`, base.href.endsWith('/') ? base : `${base.href}/`);
  const urlFor = (score?: number) =>
    `${page.href}?${signedQuery(score === undefined ? params : { ...params, score }, secret)}`;
  if (!v.html || !survey) {
    io.out(urlFor());
    return EXIT.ok;
  }
  io.out('<!-- HTML part: paste into the e-mail body -->');
  for (const line of emailHtml(survey, urlFor)) io.out(line);
  io.out('<!-- Plain-text part: the text/plain alternative of the same e-mail -->');
  for (const line of emailText(survey, urlFor)) io.out(line);
  return EXIT.ok;
}
