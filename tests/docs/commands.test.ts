// Every command a README shows must run as written from the repository root, unattended:
// `npx pnpm@10` without `-y` stops to ask (and fails without a terminal), a bare `pnpm` needs
// a global install, and an example that names a missing file fails for the first person who
// copies it. This reads the shell and console blocks of every README, checks each command's
// form, and runs the ones that are quick (the `touchpoint` command, `--version` of the
// package manager) with a clean environment: no `npm_config_yes`, no CI variables.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

const readmes = [
  'README.md',
  'demo/README.md',
  ...readdirSync(`${root}packages`)
    .map((name) => `packages/${name}/README.md`)
    .filter((path) => existsSync(`${root}${path}`)),
];

interface Command {
  readme: string;
  line: string;
}

/** The commands of a README: lines of ```sh blocks, and `$ ` lines of ```console blocks. */
function commandsOf(readme: string): Command[] {
  const text = readFileSync(`${root}${readme}`, 'utf8');
  const commands: Command[] = [];
  for (const [, language, body] of text.matchAll(/```(sh|console)\n([\s\S]*?)```/g)) {
    for (const raw of (body as string).split('\n')) {
      const line = language === 'console' ? (raw.startsWith('$ ') ? raw.slice(2) : '') : raw;
      const command = line.replace(/\s+#.*$/, '').trim();
      if (!command || command.startsWith('#')) continue;
      // `a && b` is two commands, each of which must be runnable.
      for (const part of command.split('&&')) commands.push({ readme, line: part.trim() });
    }
  }
  return commands;
}

const commands = readmes.flatMap(commandsOf);

/** The environment of a fresh shell: nothing that answers npx's question for it. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'CI' || key.startsWith('VITEST') || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return env;
}

/** Words of a command that look like repository files (they contain a `/` and an extension). */
function filesNamed(line: string): string[] {
  return line
    .split(/\s+/)
    .filter((word) => /^[\w.-]+(\/[\w.-]+)+\.(json|txt|mjs|js|ts)$/.test(word) && !word.startsWith('http'));
}

describe('README commands', () => {
  it('finds the set-up commands of the root README', () => {
    const lines = commands.filter(({ readme }) => readme === 'README.md').map(({ line }) => line);
    expect(lines).toEqual(
      expect.arrayContaining(['npx -y pnpm@10 install', 'npx -y pnpm@10 start', 'npx -y pnpm@10 test']),
    );
  });

  it.each(commands.map((command) => [`${command.readme}: ${command.line}`, command] as const))(
    'is runnable as written: %s',
    (_name, { line }) => {
      expect(line, 'a bare pnpm needs a global install; write `npx -y pnpm@10 …`').not.toMatch(/^pnpm\b/);
      expect(line, 'npx without -y stops to ask; write `npx -y pnpm@10 …`').not.toMatch(/^npx (?!-y )pnpm/);
      expect(line, 'pin the major version: `npx -y pnpm@10`').not.toMatch(/^npx -y pnpm(?!@10\b)/);
      for (const file of filesNamed(line)) {
        expect(existsSync(`${root}${file}`), `${file} exists`).toBe(true);
      }
    },
  );

  it('runs the package manager unattended, without npm_config_yes', { timeout: 120_000 }, () => {
    const run = spawnSync('npx', ['-y', 'pnpm@10', '--version'], {
      cwd: root,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/canceled|Ok to proceed/i);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^10\.\d+\.\d+$/);
  });

  const touchpointCommands = commands.filter(({ line }) => line.startsWith('npx touchpoint '));

  it('shows the touchpoint command', () => {
    expect(touchpointCommands.length).toBeGreaterThan(3);
  });

  it.each(touchpointCommands.map((command) => [command.line, command] as const))(
    'runs `%s` from the repository root',
    { timeout: 60_000 },
    (_name, { line }) => {
      expect(existsSync(`${root}packages/cli/dist/cli.js`), 'build first: npx -y pnpm@10 build').toBe(true);
      const run = spawnSync('npx', line.split(' ').slice(1), {
        cwd: root,
        env: cleanEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      // 0 (fine) or 1 (the example has errors on purpose); 2 would be a command line the tool refuses.
      expect(run.stderr).not.toMatch(/usage:|canceled|not found/i);
      expect([0, 1]).toContain(run.status);
      expect(run.stdout.length).toBeGreaterThan(0);
    },
  );
});
