// `touchpoint-collector`: the collector on its own HTTP server. Reads the command line
// (command.ts) and the files it names (command-options.ts), opens the database, listens,
// and closes cleanly on SIGINT and SIGTERM.
import { createServer } from 'node:http';
import { createCollector } from './collector.js';
import { parseCommand, startLines } from './command.js';
import { commandOptions } from './command-options.js';

export async function main(args: readonly string[], env: Record<string, string | undefined>): Promise<void> {
  const parsed = parseCommand(args, env);
  if (!parsed.ok) {
    (parsed.help ? console.log : console.error)(parsed.message);
    process.exitCode = parsed.help ? 0 : 2;
    return;
  }
  const { settings } = parsed;
  const options = await commandOptions(settings, env);
  if (!options.ok) {
    console.error(options.message);
    process.exitCode = 2;
    return;
  }
  const collector = createCollector(options.options);
  try {
    await collector.ready;
  } catch (error) {
    console.error(`[touchpoint] could not open the database: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const server = createServer(async (req, res) => {
    if (!(await collector(req, res))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  server.on('error', (error) => {
    console.error(`[touchpoint] could not listen on port ${settings.port}: ${error.message}`);
    void collector.close().finally(() => process.exit(1));
  });
  server.listen(settings.port, settings.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const host = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;
    for (const line of startLines(settings, `http://${host}:${port}`)) console.log(line);
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    // A clean close checkpoints PGlite, so the next start needs no recovery.
    void collector.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
