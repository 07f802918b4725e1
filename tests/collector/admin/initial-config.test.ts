import { publishInitialConfig } from '../../../packages/collector/src/admin/initial-config.js';
import { latestVersion, listVersions } from '../../../packages/collector/src/admin/versions.js';
import { createCollector } from '../../../packages/collector/src/collector.js';
import { serve } from '../support/serve.js';
import { configStore } from './config-store.js';

const FILE = {
  version: 1,
  surveys: [{ id: 'site-nps', metric: 'nps', question: 'Recommend us?', when: { pages: ['/account/**'] } }],
};

const store = configStore();

describe('the initial configuration', () => {
  it('is published as version 1 when nothing is published, and only then', async () => {
    const log = vi.fn();
    await publishInitialConfig(store, FILE, log);
    await publishInitialConfig(store, { version: 1, surveys: [] }, log);
    const versions = await listVersions(store);
    expect(versions.map((v) => [v.number, v.config])).toEqual([[1, FILE]]);
    expect(versions[0]?.author).toBe('initialConfig');
    expect(log).not.toHaveBeenCalled();
  });

  it('publishes once when two collectors start at the same moment', async () => {
    await Promise.all([
      publishInitialConfig(store, FILE, vi.fn()),
      publishInitialConfig(store, FILE, vi.fn()),
    ]);
    expect((await listVersions(store)).map((v) => v.number)).toEqual([1]);
  });

  it('is not published when the validator refuses any of it, and the log says why', async () => {
    const log = vi.fn();
    await publishInitialConfig(
      store,
      { version: 1, surveys: [{ id: 'x', metric: 'stars', question: 'Q?' }] },
      log,
    );
    expect(await latestVersion(store)).toBeUndefined();
    expect(log).toHaveBeenCalledWith(
      '[touchpoint] initialConfig: surveys[0].metric: expected "nps" | "csat" | "ces"; not published, fix it or publish from the editor',
    );
  });

  it('is served at the published URL from the first request of a collector given it', async () => {
    const server = await serve(
      createCollector({ database: store.open(), initialConfig: FILE, rateLimit: false, log: () => {} }),
    );
    try {
      const response = await fetch(`${server.url}/config/published.json`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(FILE);
    } finally {
      await server.close();
    }
  });
});
