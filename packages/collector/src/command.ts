// The command line of `touchpoint-collector`, read into settings. Pure: the arguments and
// the environment in, settings or a message out, so every case is a table test.

export interface CommandSettings {
  port: number;
  /** PGlite's folder, when `databaseUrl` is absent. */
  dataDir: string;
  /** `DATABASE_URL`: PostgreSQL instead of PGlite. */
  databaseUrl: string | undefined;
  /** `TOUCHPOINT_INSIGHTS_TOKEN`. */
  insightsToken: string | undefined;
  /** `--config` or `TOUCHPOINT_CONFIG`: the survey configuration (a file or a URL), kept for link surveys. */
  config: string | undefined;
  /** The address to listen on. */
  host: string;
  /** Requests per second per client address on /collect (bursts of six seconds' worth), 0 for no limit; the default when absent. */
  rateLimit: number | undefined;
  /** `--initial-config`: the file published as version 1 when nothing is published yet (createCollector's `initialConfig`). */
  initialConfig: string | undefined;
}

export const COMMAND_DEFAULTS = {
  port: 8080,
  dataDir: './touchpoint-data',
  host: '0.0.0.0',
};

export const USAGE = `Usage: touchpoint-collector [--port 8080] [--data ./touchpoint-data] [--config <file|URL>] [--host 0.0.0.0] [--rate-limit <requests/s per address, 0: none>] [--initial-config <file>]

Stores Touchpoint events sent to POST /collect, serves /insights, and link surveys at /s/<surveyId>.
--initial-config <file>: the configuration the site used before the editor, published as
version 1 when nothing is published yet (not published if it has errors; the log says why).
Environment: DATABASE_URL (PostgreSQL; PGlite in --data without it), TOUCHPOINT_INSIGHTS_TOKEN,
TOUCHPOINT_LINK_SECRET, TOUCHPOINT_CONFIG, PORT.`;

const FLAGS = ['--port', '--data', '--config', '--host', '--rate-limit', '--initial-config'] as const;

export type Parsed = { ok: true; settings: CommandSettings } | { ok: false; message: string; help?: boolean };

export function parseCommand(args: readonly string[], env: Record<string, string | undefined>): Parsed {
  const given: Partial<Record<(typeof FLAGS)[number], string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return { ok: false, message: USAGE, help: true };
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!FLAGS.includes(flag as (typeof FLAGS)[number])) {
      return { ok: false, message: `[touchpoint] unknown argument ${JSON.stringify(arg)}\n${USAGE}` };
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '')
      return { ok: false, message: `[touchpoint] ${flag}: expected a value` };
    given[flag as (typeof FLAGS)[number]] = value;
  }
  const portText = given['--port'] ?? env.PORT ?? String(COMMAND_DEFAULTS.port);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return {
      ok: false,
      message: `[touchpoint] port ${JSON.stringify(portText)}: expected a port number 0–65535`,
    };
  }
  const rateText = given['--rate-limit'];
  // Enough digits read as Infinity, which no bucket counts down from.
  if (rateText !== undefined && !(/^\d+$/.test(rateText) && Number.isFinite(Number(rateText)))) {
    return {
      ok: false,
      message: `[touchpoint] --rate-limit ${JSON.stringify(rateText)}: expected requests per second, 0 for no limit`,
    };
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return {
      ok: false,
      message: '[touchpoint] DATABASE_URL: expected postgres://user:password@host:5432/database',
    };
  }
  return {
    ok: true,
    settings: {
      port,
      dataDir: given['--data'] ?? COMMAND_DEFAULTS.dataDir,
      databaseUrl,
      insightsToken: env.TOUCHPOINT_INSIGHTS_TOKEN || undefined,
      config: given['--config'] ?? (env.TOUCHPOINT_CONFIG || undefined),
      host: given['--host'] ?? COMMAND_DEFAULTS.host,
      rateLimit: rateText === undefined ? undefined : Number(rateText),
      initialConfig: given['--initial-config'],
    },
  };
}

/** What the command says at start: where events go, and who may read insights. */
export function startLines(settings: CommandSettings, url: string): string[] {
  const database = settings.databaseUrl
    ? `PostgreSQL at ${new URL(settings.databaseUrl).host}`
    : `PGlite in ${settings.dataDir}`;
  return [
    `[touchpoint] collector listening on ${url}/collect, storing into ${database}`,
    settings.insightsToken
      ? `[touchpoint] insights at ${url}/insights, for holders of TOUCHPOINT_INSIGHTS_TOKEN`
      : `[touchpoint] insights at ${url}/insights for this machine only (no TOUCHPOINT_INSIGHTS_TOKEN set; behind a proxy on this machine, set one)`,
  ];
}
