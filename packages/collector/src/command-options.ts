// What the `touchpoint-collector` command gives createCollector, from its settings
// (command.ts) and the environment: where events go, the token, link surveys, the rate
// limit, and the configuration of `--initial-config`, read here so that a file that cannot
// be read stops the command before it opens anything.
import { readFile } from 'node:fs/promises';
import { parseConfigText } from '@touchpoint/core/rules';
import type { CollectorOptions } from './collector-options.js';
import type { CommandSettings } from './command.js';

/** The hook the crash tests use: exit right after a batch is committed, before the answer. */
const EXIT_AFTER_COMMIT = 'TOUCHPOINT_TEST_EXIT_AFTER_COMMIT';

export type CommandOptions = { ok: true; options: CollectorOptions } | { ok: false; message: string };

/**
 * The configuration in `file`, parsed as the SDK and `touchpoint lint` parse one. Checking it
 * is left to createCollector's `initialConfig`, so the command and the option say the same.
 */
async function readInitialConfig(file: string): Promise<{ config: unknown } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return {
      problem: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
  try {
    return { config: parseConfigText(text) };
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
}

export async function commandOptions(
  settings: CommandSettings,
  env: Record<string, string | undefined>,
): Promise<CommandOptions> {
  const read =
    settings.initialConfig === undefined ? undefined : await readInitialConfig(settings.initialConfig);
  if (read && 'problem' in read)
    return { ok: false, message: `[touchpoint] --initial-config ${settings.initialConfig}: ${read.problem}` };
  return {
    ok: true,
    options: {
      database: settings.databaseUrl ? { url: settings.databaseUrl } : { dataDir: settings.dataDir },
      insightsToken: settings.insightsToken,
      links: { secret: env.TOUCHPOINT_LINK_SECRET || undefined, config: settings.config },
      ...(settings.rateLimit !== undefined && {
        rateLimit:
          settings.rateLimit > 0 ? { perSecond: settings.rateLimit, burst: settings.rateLimit * 6 } : false,
      }),
      ...(read && { initialConfig: read.config }),
      log: (message) => console.warn(message),
      ...(env[EXIT_AFTER_COMMIT] === '1' && { afterCommit: () => process.kill(process.pid, 'SIGKILL') }),
    },
  };
}
