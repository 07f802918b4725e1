import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rollBack } from '../../../packages/collector/src/admin/rollback.js';
import { publishDraft, saveDraft } from '../../../packages/collector/src/admin/versions.js';
import { createInsights } from '../../../packages/collector/src/insights/route.js';
import { versionChoices } from '../../../packages/collector/src/insights/version-filter.js';
import { type EventStore, openEventStore } from '../../../packages/collector/src/store.js';
import { freshDataDir } from '../../demo/data-dir.js';

// Three configurations answered under: version 1 (and its rollback, version 3), version 2,
// and one a page read from a file, which the editor never published.
const T0 = Date.UTC(2026, 0, 10, 12);
const FILE_HASH = 'abcdef12';
const survey = (question: string) => ({ id: 'checkout-csat', metric: 'csat', question });

let store: EventStore;
let data: { dir: string; remove(): void };
let server: Server;
let url: string;
const hashes: Record<number, string> = {};

let seq = 0;
function event(type: string, configHash: string, props: object) {
  seq += 1;
  return {
    id: `vf-${seq}`,
    type,
    ts: T0 + seq * 60_000,
    anonymousId: `v${seq}`,
    sessionId: `s${seq}`,
    stage: 'purchase',
    page: { url: 'https://shop.example/checkout/done', path: '/checkout/done' },
    props: { surveyId: 'checkout-csat', metric: 'csat', configHash, ...props },
  };
}

beforeAll(async () => {
  data = await freshDataDir();
  store = await openEventStore(data.dir);
  await saveDraft(store, { version: 1, surveys: [survey('First?')] }, 0, 'test');
  const v1 = await publishDraft(store, 1, 'Ana', 'first');
  await saveDraft(store, { version: 1, surveys: [survey('Second?')] }, 1, 'test');
  const v2 = await publishDraft(store, 2, 'Ben', 'second');
  const v3 = await rollBack(store, 1, 'Cy');
  if (!v1.ok || !v2.ok || !v3) throw new Error('could not publish');
  Object.assign(hashes, { 1: v1.version.configHash, 2: v2.version.configHash, 3: v3.version.configHash });
  const answered = (hash: string, score: number, comment: string) => [
    event('survey_answered', hash, { score }),
    event('survey_comment', hash, { score, comment }),
  ];
  await store.insert(
    {
      sentAt: T0,
      events: [
        ...answered(hashes[1] as string, 5, 'under version 1'),
        ...answered(hashes[2] as string, 1, 'under version 2'),
        ...answered(hashes[2] as string, 2, 'under version 2 again'),
        ...answered(FILE_HASH, 3, 'under the file'),
      ],
      dropped: 0,
      rejected: 0,
    },
    'application/json',
  );
  const insights = createInsights(store);
  server = createServer(async (req, res) => {
    if (!(await insights(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  await store?.close();
  data?.remove();
});

async function report(query: string) {
  const json = await (await fetch(`${url}/insights/report.json?${query}`)).json();
  return {
    csat: json.overall.csat.n as number,
    comments: (json.comments.rows as { comment: string }[]).map((r) => r.comment),
    problems: json.filters.problems as string[],
    configHash: json.configHash as string | null,
  };
}

describe('insights by configuration version', () => {
  it('counts every answer without a version filter', async () => {
    expect(await report('')).toMatchObject({ csat: 4, configHash: null, problems: [] });
  });

  it('counts only the scores and comments asked under the version asked for', async () => {
    expect(await report('version=2')).toEqual({
      csat: 2,
      comments: ['under version 2 again', 'under version 2'],
      problems: [],
      configHash: hashes[2],
    });
  });

  it('gives a rollback the answers of the version it repeats: they share the hash', async () => {
    expect(hashes[3]).toBe(hashes[1]);
    for (const version of ['1', '3'])
      expect(await report(`version=${version}`)).toMatchObject({ csat: 1, comments: ['under version 1'] });
  });

  it('takes a configuration hash for a configuration the editor did not publish', async () => {
    expect(await report(`version=${FILE_HASH.toUpperCase()}`)).toMatchObject({
      csat: 1,
      comments: ['under the file'],
      configHash: FILE_HASH,
    });
  });

  it('shows everything, and says why, for a version never published or a value that is none', async () => {
    expect(await report('version=9')).toMatchObject({
      csat: 4,
      problems: ['version: no version 9 was published; showing every version'],
    });
    expect(await report('version=%27%20or%201=1--')).toMatchObject({
      csat: 4,
      problems: [
        'version: expected a version number such as 3, or a configuration hash such as 1a2b3c4d; showing every version',
      ],
    });
  });

  it('offers every published version, newest first, then the other configurations answers name', async () => {
    expect((await versionChoices(store)).map((c) => [c.value, c.label])).toEqual([
      ['3', `Version 3 (${hashes[1]}, repeats 1)`],
      ['2', `Version 2 (${hashes[2]})`],
      ['1', `Version 1 (${hashes[1]})`],
      [FILE_HASH, `Configuration ${FILE_HASH} (not published here)`],
    ]);
  });

  it('offers the filter on the page, keeps it chosen, and keeps it in the comment filters', async () => {
    const page = await (await fetch(`${url}/insights?version=2`)).text();
    expect(page).toContain('<option value="2" selected>');
    expect(page).toContain('Scores and comments asked under this configuration only.');
    expect(page).toContain('<input type="hidden" name="version" value="2">');
    const filtered = await (await fetch(`${url}/insights?version=2&band=low`)).text();
    expect(filtered).toContain('<a href="/insights?version=2#comments">Clear</a>');
    expect(page).toContain('under version 2');
    expect(page).not.toContain('under version 1');
  });
});
