// What the `touchpoint-collector` command gives createCollector: here, the configuration
// of `--initial-config <file>`, read at start and checked as the `initialConfig` option is.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector } from '../../packages/collector/src/collector.js';
import { parseCommand } from '../../packages/collector/src/command.js';
import { commandOptions } from '../../packages/collector/src/command-options.js';
import { main } from '../../packages/collector/src/main.js';
import { configStore } from './admin/config-store.js';
import { serve } from './support/serve.js';

const FILE = {
  version: 1,
  surveys: [{ id: 'site-nps', metric: 'nps', question: 'Recommend us?', when: { pages: ['/account/**'] } }],
};

const store = configStore();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-initial-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the test's folder holding `text`. */
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The command's options for `args`, as main builds them. */
const optionsFor = (args: string[]) => {
  const parsed = parseCommand(args, {});
  if (!parsed.ok) throw new Error(parsed.message);
  return commandOptions(parsed.settings, {});
};

/** The published configuration of a collector built on the command's options for `args`. */
async function publishedWith(args: string[], log: (message: string) => void) {
  const options = await optionsFor(args);
  if (!options.ok) throw new Error(options.message);
  const server = await serve(createCollector({ ...options.options, database: store.open(), log }));
  try {
    const response = await fetch(`${server.url}/config/published.json`);
    return response.status === 200 ? await response.json() : response.status;
  } finally {
    await server.close();
  }
}

describe('--initial-config <file>', () => {
  it('publishes the file as version 1 when nothing is published yet', async () => {
    const log = vi.fn();
    const path = file('touchpoint.config.json', `\uFEFF${JSON.stringify(FILE, null, 2)}\n`);
    expect(await publishedWith(['--initial-config', path], log)).toEqual(FILE);
    expect(log).not.toHaveBeenCalled();
  });

  it('is checked as the initialConfig option is: not published, and the log says why in the same words', async () => {
    const log = vi.fn();
    const path = file(
      'stars.json',
      JSON.stringify({ version: 1, surveys: [{ ...FILE.surveys[0], metric: 'stars' }] }),
    );
    expect(await publishedWith(['--initial-config', path], log)).toBe(404);
    expect(log).toHaveBeenCalledWith(
      '[touchpoint] initialConfig: surveys[0].metric: expected "nps" | "csat" | "ces"; not published, fix it or publish from the editor',
    );
  });

  it('gives no initial configuration without the flag', async () => {
    const options = await optionsFor([]);
    expect(options.ok && 'initialConfig' in options.options).toBe(false);
  });

  it.each([
    ['a file that is not there', () => join(dir, 'missing.json'), 'cannot read it (ENOENT)'],
    ['a file that is not JSON', () => file('broken.json', '{"version": 1,'), 'not valid JSON ('],
  ])('refuses %s, saying which file and why', async (_, path, why) => {
    const options = await optionsFor(['--initial-config', path()]);
    expect(options.ok).toBe(false);
    expect(!options.ok && options.message).toMatch(/^\[touchpoint\] --initial-config /);
    expect(!options.ok && options.message).toContain(`${path()}: ${why}`);
  });

  it('keeps the command from starting when the file cannot be read: exit code 2, before any database is opened', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const data = join(dir, 'never-made');
    try {
      await main(['--initial-config', join(dir, 'missing.json'), '--data', data], {});
      expect(process.exitCode).toBe(2);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('--initial-config'));
      expect(existsSync(data)).toBe(false);
    } finally {
      process.exitCode = undefined;
    }
  });
});
