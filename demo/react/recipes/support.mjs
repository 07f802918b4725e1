// What the by-hand recipe checks share: the workspace's packages packed as npm would publish
// them, the README's recipes as written, an install without scripts, a static server, and
// Chromium driving the app with every history call and every delivered event recorded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../../bench/chromium.mjs';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

export const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

/** The fenced code blocks under a `### heading` of packages/react/README.md, in order. */
export function recipe(heading) {
  const readme = readFileSync(join(root, 'packages/react/README.md'), 'utf8');
  const section = readme.split(/^### /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`README has no "### ${heading}"`);
  return [...section.matchAll(/```\w+\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Writes `files` (path → text) under `dir`. */
export function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Packs core, adapter, widget and react into `dir`/packs and installs them with `deps`, no install scripts. */
export function install(dir, deps) {
  mkdirSync(join(dir, 'packs'), { recursive: true });
  for (const pkg of ['core', 'adapter', 'widget', 'react'])
    run(
      'npx',
      ['-y', 'pnpm@10', 'pack', '--pack-destination', join(dir, 'packs')],
      join(root, 'packages', pkg),
    );
  const packs = readdirSync(join(dir, 'packs')).map((file) => `./packs/${file}`);
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', ...deps, ...packs], dir);
}

/** The installed version of `name` in `dir`. */
export const version = (dir, name) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `dir` on 127.0.0.1 with index.html for paths without a file (the history-API fallback). */
export async function serveStatic(dir) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = extname(path) ? join(dir, path) : join(dir, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** A tab of the system Chromium; `received` fills with what reaches `/collect`, `history()` lists the history calls. */
export async function openTab() {
  const browser = await launch();
  const tab = await browser.newPage();
  const received = [];
  await tab.route('**/collect', async (route) => {
    received.push(...JSON.parse(route.request().postData() ?? '{"events":[]}').events);
    await route.fulfill({ status: 200, body: '{}' });
  });
  await tab.addInitScript(() => {
    window.__history = [];
    const where = (url) => {
      if (url === undefined || url === null) return '(same URL)';
      const { pathname, search } = new URL(String(url), location.href);
      return pathname + search;
    };
    for (const method of ['pushState', 'replaceState']) {
      const original = history[method];
      history[method] = function (...args) {
        window.__history.push(`${method} ${where(args[2])}`);
        return original.apply(this, args);
      };
    }
    addEventListener('popstate', () => window.__history.push(`popstate ${location.pathname}`));
  });
  const pages = () =>
    received.filter((e) => e.type === 'page').map((e) => e.page.path + new URL(e.page.url).search);
  return {
    tab,
    received,
    heading: (name) => tab.getByRole('heading', { name }).waitFor(),
    /**
     * Opens `url` (its heading `first`), follows each link of `links` (a page's heading is its
     * link's text), goes back once (to the heading `back`), then opens the NPS by the "Give
     * feedback" button.
     */
    async tour(url, first, links, back) {
      await tab.goto(url);
      await this.heading(first);
      for (const name of links) {
        await tab.getByRole('link', { name }).click();
        await this.heading(name);
      }
      await tab.goBack();
      await this.heading(back);
      await tab.getByRole('button', { name: 'Give feedback' }).click();
      await tab.getByRole('dialog', { name: 'How likely are you to recommend us?' }).waitFor();
    },
    /** Waits (the adapter sends a partial batch every 5 s) and reports what was measured. */
    async report(want, extra = {}) {
      for (let i = 0; i < 75 && pages().length < want.length; i++)
        await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 1000));
      const result = {
        ...extra,
        history: await tab.evaluate(() => window.__history),
        pages: pages(),
        stages: received.filter((e) => e.type === 'stage').map((e) => `${e.stage} ${e.page.path}`),
        surveysShown: received.filter((e) => e.type === 'survey_shown').length,
      };
      await browser.close();
      console.log(JSON.stringify(result, null, 2));
      return JSON.stringify(result.pages) === JSON.stringify(want);
    },
  };
}
