// Server rendering, proved on what ships: a child Node process with no DOM globals imports the
// production build of every browser package and calls everything (tests/core/ssr/every-package.mjs).
// Within 2 s of its calls no request reaches a local server, the process exits on its own (no
// timer or socket keeps it alive), and it prints nothing. Needs the packages built (`pnpm test`
// builds first); skipped when nothing is built.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const built = ['core', 'adapter', 'widget', 'react'].every((pkg) =>
  existsSync(join(root, `packages/${pkg}/dist/index.js`)),
);
const QUIET_MS = 2000;

describe.skipIf(!built)('every package in Node, without window (production build)', () => {
  it('sends nothing within 2 s, exits on its own and prints nothing', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const child = spawn(process.execPath, [join(import.meta.dirname, 'ssr/every-package.mjs'), base], {
        cwd: root,
        env: { PATH: process.env.PATH, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      // Importing takes a while on a loaded machine: the 2 s count from the end of the calls.
      const called = new Promise<void>((resolve) =>
        child.stdout.on('data', () => stdout.includes('called') && resolve()),
      );
      await Promise.race([called, exited]);
      const quiet = new Promise<'still running'>((resolve) =>
        setTimeout(() => resolve('still running'), QUIET_MS),
      );
      const outcome = await Promise.race([exited, quiet]);
      if (outcome === 'still running') child.kill();
      // Let the server take any request already on its way.
      await new Promise((resolve) => setImmediate(resolve));
      expect({ outcome, stdout, stderr, requests }).toEqual({
        outcome: 0,
        stdout: 'called\n',
        stderr: '',
        requests: [],
      });
    } finally {
      server.close();
    }
  }, 60_000);
});
