import { readFileSync } from 'node:fs';
import { startServer } from '../../demo/server.mjs';
import { publishDraft, saveDraft } from '../../packages/collector/src/admin/versions.js';
import { freshDataDir } from './data-dir.js';

const SHOP_CONFIG = JSON.parse(
  readFileSync(new URL('../../demo/public/touchpoint.config.json', import.meta.url), 'utf8'),
);

let dataDir: string;
let remove: () => void;

beforeEach(async () => {
  ({ dir: dataDir, remove } = await freshDataDir());
}, 120_000);

afterEach(() => remove());

const batch = (ids: string[]) => ({
  sentAt: Date.now(),
  events: ids.map((id) => ({
    id,
    type: 'survey_answered',
    stage: 'use',
    props: { surveyId: 'site-nps', metric: 'nps', score: 9 },
    ts: Date.now(),
    anonymousId: 'anon-1',
    sessionId: 'session-1',
    page: { url: 'http://127.0.0.1/account', path: '/account' },
  })),
});

const post = (url: string, body: unknown) =>
  fetch(`${url}/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('startServer', () => {
  it('serves the shop’s configuration as the published version 1 on a first start, and what the editor publishes after', async () => {
    const first = await startServer({ port: 0, dataDir });
    try {
      const response = await fetch(`${first.url}/config/published.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toMatch(/^"v1-[0-9a-f]{8}"$/);
      expect(await response.json()).toEqual(SHOP_CONFIG);
      // A product team publishes a change in /admin: the same URL serves it, with a new ETag.
      const changed = { ...SHOP_CONFIG, surveys: SHOP_CONFIG.surveys.slice(1) };
      await saveDraft(first.store, changed, 0, 'test');
      expect((await publishDraft(first.store, 1, 'Ana', 'one survey fewer')).ok).toBe(true);
      const after = await fetch(`${first.url}/config/published.json`, {
        headers: { 'if-none-match': response.headers.get('etag') ?? '' },
      });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).toMatch(/^"v2-/);
      expect(await after.json()).toEqual(changed);
    } finally {
      await first.close();
    }
    // A restart keeps the editor's versions: the file is not published again.
    const second = await startServer({ port: 0, dataDir });
    try {
      expect((await fetch(`${second.url}/config/published.json`)).headers.get('etag')).toMatch(/^"v2-/);
      const { rows } = await second.store.query('select count(*)::int as n from config_versions');
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('listens on 127.0.0.1 on the port it was given, 0 picking a free one', async () => {
    const app = await startServer({ port: 0, dataDir });
    try {
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(app.port).toBeGreaterThan(0);
      expect((await fetch(`${app.url}/collect/stats`)).status).toBe(200);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('keeps stored events across a restart on the same data directory, and still de-duplicates them', async () => {
    const first = await startServer({ port: 0, dataDir });
    expect((await post(first.url, batch(['a', 'b']))).status).toBe(200);
    await first.close();

    const second = await startServer({ port: 0, dataDir });
    try {
      const stats = await (await fetch(`${second.url}/collect/stats`)).json();
      expect(stats).toMatchObject({ events: 2, batches: 1, byType: { survey_answered: 2 } });
      // A client retrying after the restart must not double the scores.
      expect(await (await post(second.url, batch(['b', 'c']))).json()).toMatchObject({
        stored: 1,
        duplicates: 1,
      });
      const { rows } = await second.store.query('select count(*)::int as n from survey_scores');
      expect(rows).toEqual([{ n: 3 }]);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('refuses a second server on a data directory in use, naming the process, and leaves the first working', async () => {
    const first = await startServer({ port: 0, dataDir });
    try {
      await expect(startServer({ port: 0, dataDir })).rejects.toThrow(
        new RegExp(`in use by process ${process.pid}`),
      );
      expect((await post(first.url, batch(['x']))).status).toBe(200);
    } finally {
      await first.close();
    }
  }, 120_000);

  it('releases the data directory when the port is taken, so a retry on another port works', async () => {
    const first = await startServer({ port: 0, dataDir });
    const other = await freshDataDir();
    const otherDir = other.dir;
    try {
      await expect(startServer({ port: first.port, dataDir: otherDir })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
      const retry = await startServer({ port: 0, dataDir: otherDir });
      await retry.close();
    } finally {
      await first.close();
      other.remove();
    }
  }, 120_000);

  it('sends a strict Content-Security-Policy and nosniff with pages and collector answers', async () => {
    const app = await startServer({ port: 0, dataDir });
    try {
      for (const path of ['/', '/checkout/done', '/collect/stats', '/missing']) {
        const res = await fetch(`${app.url}${path}`);
        expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'(;|$)/);
        expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    } finally {
      await app.close();
    }
  }, 120_000);
});
