import { describe, expect, it } from 'vitest';
import { EXIT } from '../../packages/cli/src/io';
import { runInMemory } from './memory-io';

const demo = JSON.stringify({
  version: 1,
  stages: { '/checkout/**': 'purchase' },
  surveys: [
    {
      id: 'checkout-csat',
      metric: 'csat',
      question: 'How was checkout?',
      when: { pages: ['/checkout/done'], event: 'order_completed', stage: 'purchase' },
      sample: 0.5,
    },
    {
      id: 'site-nps',
      metric: 'nps',
      question: 'Recommend us?',
      when: { pages: ['/account/**'] },
      cooldownDays: 30,
    },
  ],
});

/** Runs the command on in-memory files; returns its exit status and what it printed. */
const run = (argv: string[], files: Record<string, string> = {}) =>
  runInMemory(argv, files, Date.UTC(2025, 0, 1));

const pages = '/\n/checkout/done order_completed\n/account/\n';

describe('touchpoint lint', () => {
  it('exits 0 and prints only the summary for a clean configuration', () => {
    const { code, out } = run(['lint', 'c.json'], { 'c.json': demo });
    expect(code).toBe(EXIT.ok);
    expect(out).toEqual([
      expect.stringMatching(/^c\.json: config [0-9a-f]{8}, 0 error\(s\), 0 warning\(s\)$/),
    ]);
  });

  it('exits 1 with one line per error', () => {
    const bad = JSON.stringify({ version: 1, surveys: [{ id: 'a', metric: 'stars', question: 'q' }] });
    const { code, out } = run(['lint', 'c.json'], { 'c.json': bad });
    expect(code).toBe(EXIT.problems);
    expect(out[0]).toBe('error surveys[0].metric: expected "nps" | "csat" | "ces"');
  });

  it('exits 0 on warnings alone', () => {
    const { code, out } = run(['lint', 'c.json', '--pages', 'p.txt'], { 'c.json': demo, 'p.txt': '/\n' });
    expect(code).toBe(EXIT.ok);
    expect(out.filter((l) => l.startsWith('warning '))).toHaveLength(3);
  });

  it('exits 1 on a configuration that is not JSON, and on a file it cannot read', () => {
    expect(run(['lint', 'c.json'], { 'c.json': '{ "version": 1, }' })).toMatchObject({
      code: EXIT.problems,
      out: [expect.stringMatching(/^error config: not valid JSON/)],
    });
    expect(run(['lint', 'missing.json'])).toMatchObject({
      code: EXIT.problems,
      err: ['error missing.json: cannot read the configuration (ENOENT)'],
    });
  });
});

describe('touchpoint simulate', () => {
  const files = { 'c.json': demo, 'p.txt': pages };

  it('prints exactly {"surveys":[{"id","eligible","shown","suppressed":{…}}]} with --json', () => {
    const { code, out } = run(
      ['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '500', '--days', '30', '--json'],
      files,
    );
    expect(code).toBe(EXIT.ok);
    expect(out).toHaveLength(1);
    const result = JSON.parse(out[0] as string);
    expect(Object.keys(result)).toEqual(['surveys']);
    expect(result.surveys.map((s: { id: string }) => s.id)).toEqual(['checkout-csat', 'site-nps']);
    for (const s of result.surveys) {
      expect(Object.keys(s)).toEqual(['id', 'eligible', 'shown', 'suppressed']);
      expect(Object.keys(s.suppressed)).toEqual(['sample', 'cooldown', 'limits', 'other']);
      for (const n of [s.eligible, s.shown, ...Object.values(s.suppressed)])
        expect(Number.isInteger(n)).toBe(true);
    }
  });

  it('gives the same output for the same --seed and another for another', () => {
    const args = ['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '300', '--json'];
    const a = run([...args, '--seed', '5'], files).out;
    expect(run([...args, '--seed', '5'], files).out).toEqual(a);
    expect(run([...args, '--seed', '6'], files).out).not.toEqual(a);
  });

  it('prints a table with a header line by default', () => {
    const { out } = run(
      ['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '100', '--days', '5'],
      files,
    );
    expect(out[0]).toBe('100 visitors, 5 days, seed 1, 3 pages from p.txt');
    expect(out[1]).toMatch(/^survey\s+eligible\s+shown\s+sample\s+cooldown\s+limits\s+other$/);
    expect(out[2]).toMatch(/^checkout-csat\s+\d+/);
  });

  it.each([
    [['simulate', 'c.json'], '--pages is missing'],
    [
      ['simulate', 'c.json', '--pages', 'p.txt', '--visitors', 'many'],
      '--visitors many: expected an integer',
    ],
    [
      ['simulate', 'c.json', '--pages', 'p.txt', '--answer-rate', '2'],
      '--answer-rate 2: expected a number from 0 to 1',
    ],
    [['simulate', 'c.json', '--pages', 'p.txt', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage for %j', (argv, message) => {
    const { code, err } = run(argv, files);
    expect(code).toBe(EXIT.usage);
    expect(err[0]).toContain(message);
    expect(err[1]).toMatch(/^Usage:/);
  });
});

describe('touchpoint explain', () => {
  it('explains a URL for an event and exits 0', () => {
    const { code, out } = run(
      ['explain', 'c.json', '--url', '/checkout/done', '--event', 'order_completed'],
      {
        'c.json': demo,
      },
    );
    expect(code).toBe(EXIT.ok);
    expect(out[0]).toBe('/checkout/done  stage purchase  event order_completed  visitor cli-visitor');
    expect(out).toContain('site-nps: not eligible');
  });

  it('runs the valid surveys of an invalid configuration, as the browser does, and says so', () => {
    const mixed = JSON.stringify({
      version: 1,
      surveys: [
        { id: 'bad', metric: 'x', question: 'q' },
        { id: 'ok', metric: 'nps', question: 'q' },
      ],
    });
    const { code, out, err } = run(['explain', 'c.json', '--url', '/'], { 'c.json': mixed });
    // Errors make every command exit 1, as lint does; the valid surveys are still explained.
    expect(code).toBe(EXIT.problems);
    expect(err[0]).toContain('1 problem(s), run `touchpoint lint c.json`');
    expect(out).toContain('ok: eligible');
    expect(out).not.toContain('bad: eligible');
  });

  it('exits 2 without --url', () => {
    expect(run(['explain', 'c.json'], { 'c.json': demo }).code).toBe(EXIT.usage);
  });
});

describe('touchpoint', () => {
  it.each([
    [[], EXIT.usage],
    [['--help'], EXIT.ok],
    [['publish', 'c.json'], EXIT.usage],
    [['lint'], EXIT.usage],
    [['lint', 'a.json', 'b.json'], EXIT.usage],
  ])('exits %j with status %i', (argv, code) => {
    expect(run(argv, { 'a.json': demo }).code).toBe(code);
  });
});

describe('every command, on the same files', () => {
  const broken = JSON.stringify({
    version: 1,
    surveys: [
      { id: 'bad', metric: 'stars', question: 'q' },
      { id: 'ok', metric: 'nps', question: 'q', when: { pages: ['/'] } },
    ],
  });
  const warned = JSON.stringify({
    version: 1,
    theme: 'dark',
    surveys: [{ id: 'ok', metric: 'nps', question: 'q', when: { pages: ['/'] } }],
  });

  it.each([
    [['lint', 'c.json']],
    [['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '10']],
    [['explain', 'c.json', '--url', '/']],
  ])('%j exits 1 on a configuration with errors and 0 on one with warnings only', (argv) => {
    expect(run(argv, { 'c.json': broken, 'p.txt': '/\n' }).code).toBe(EXIT.problems);
    expect(run(argv, { 'c.json': warned, 'p.txt': '/\n' }).code).toBe(EXIT.ok);
  });

  it.each([
    [['lint', 'c.json']],
    [['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '10']],
    [['explain', 'c.json', '--url', '/']],
  ])('%j accepts a configuration that starts with a UTF-8 byte-order mark, as the browser does', (argv) => {
    expect(run(argv, { 'c.json': `\uFEFF${demo}`, 'p.txt': '/\n' }).code).toBe(EXIT.ok);
  });

  it('counts a page listed on two lines once, in lint and in simulate', () => {
    const files = {
      'c.json': JSON.stringify({
        version: 1,
        surveys: [{ id: 'a', metric: 'nps', question: 'q', when: { pages: ['/nowhere'] } }],
      }),
      'p.txt': '/\n/help/ help_resolved\n/help/ help_unresolved\n',
    };
    const linted = run(['lint', 'c.json', '--pages', 'p.txt'], files);
    expect(linted.out[0]).toBe(
      'warning surveys[0].when.pages[0]: "/nowhere" matches none of the 2 listed pages',
    );
    const simulated = run(['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '10'], files);
    expect(simulated.out[0]).toBe('10 visitors, 90 days, seed 1, 2 pages (3 lines) from p.txt');
  });

  it('matches a --pages line with a query string as explain --url does', () => {
    const files = {
      'c.json': demo,
      'p.txt': '/checkout/done?order=123 order_completed\n/account/?tab=orders\n',
    };
    const linted = run(['lint', 'c.json', '--pages', 'p.txt'], files);
    expect(linted.out.filter((l) => l.includes('matches none'))).toEqual([]);
    const explained = run(
      ['explain', 'c.json', '--url', '/checkout/done?order=123', '--event', 'order_completed'],
      files,
    );
    expect(explained.out).toContain('checkout-csat: eligible');
    const simulated = JSON.parse(
      run(['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '200', '--json'], files).out[0] as string,
    );
    expect(simulated.surveys.map((s: { eligible: number }) => s.eligible > 0)).toEqual([true, true]);
  });
});

describe('touchpoint lint --json', () => {
  it('prints one JSON object: the file, its hash, the counts and every problem', () => {
    const bad = JSON.stringify({ version: 1, surveys: [{ id: 'a', metric: 'stars', question: 'q' }] });
    const { code, out } = run(['lint', 'c.json', '--json'], { 'c.json': bad });
    expect(code).toBe(EXIT.problems);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] as string)).toEqual({
      file: 'c.json',
      hash: expect.stringMatching(/^[0-9a-f]{8}$/),
      errors: 1,
      warnings: 0,
      problems: [{ level: 'error', path: 'surveys[0].metric', message: 'expected "nps" | "csat" | "ces"' }],
    });
  });

  it('prints JSON for a file that is not JSON too, with no hash', () => {
    const { code, out } = run(['lint', 'c.json', '--json'], { 'c.json': '{ "version": 1, }' });
    expect(code).toBe(EXIT.problems);
    expect(JSON.parse(out[0] as string)).toMatchObject({
      file: 'c.json',
      hash: null,
      errors: 1,
      problems: [{ level: 'error', path: 'config', message: expect.stringMatching(/^not valid JSON/) }],
    });
  });
});

describe('touchpoint explain and simulate: --date and --traits', () => {
  const targeted = JSON.stringify({
    version: 1,
    surveys: [
      {
        id: 'pro-nps',
        metric: 'nps',
        question: 'Recommend us?',
        when: { pages: ['/account'], user: { plan: ['pro', 'team'], orders: { gte: 3 } } },
        startsAt: '2027-01-15',
        endsAt: '2027-02-01',
      },
    ],
  });

  it('explains each new gate with what it saw and what it needed', () => {
    const { code, out } = run(
      ['explain', 'c.json', '--url', '/account', '--date', '2027-01-14T23:00Z', '--traits', 't.json'],
      { 'c.json': targeted, 't.json': '{ "plan": "free" }' },
    );
    expect(code).toBe(EXIT.ok);
    expect(out).toEqual([
      '/account  stage (none)  page view  visitor cli-visitor  traits {"plan":"free"}',
      '',
      'pro-nps: not eligible',
      '  ✓ consent: given, needs given',
      '  ✓ pages: /account, needs /account',
      '  ✗ user: plan "free", needs "pro" | "team"',
      '  ✗ user: orders absent, needs ≥ 3',
      '  ✗ startsAt: 2027-01-14T23:00:00Z, needs from 2027-01-15T00:00:00Z',
      '  ✓ endsAt: 2027-01-14T23:00:00Z, needs before 2027-02-01T00:00:00Z',
      '  ✓ maxPerSession: 0 shown, needs < 1',
      '',
      'shows: none',
    ]);
  });

  it('shows the survey to a visitor with the traits inside the window', () => {
    const { out } = run(
      ['explain', 'c.json', '--url', '/account', '--date', '2027-01-20', '--traits', 't.json'],
      {
        'c.json': targeted,
        't.json': '{ "plan": "team", "orders": 3 }',
      },
    );
    expect(out.at(-1)).toBe('shows: pro-nps (the first eligible survey in config order)');
  });

  it.each([
    [['--date', '15/01/2027'], /--date 15\/01\/2027: expected an ISO 8601 date/],
    [['--traits', 'mix.json'], /explain: mix.json is a distribution/],
  ])('refuses %j with the usage', (flags, message) => {
    const { code, err } = run(['explain', 'c.json', '--url', '/account', ...flags], {
      'c.json': targeted,
      'mix.json': '[{ "share": 0.5, "traits": { "plan": "pro" } }]',
    });
    expect(code).toBe(EXIT.usage);
    expect(err[0]).toMatch(message);
  });

  it('reports a broken traits file as a problem of the input', () => {
    const { code, err } = run(['explain', 'c.json', '--url', '/account', '--traits', 't.json'], {
      'c.json': targeted,
      't.json': '[1]',
    });
    expect(code).toBe(EXIT.problems);
    expect(err).toEqual(['error t.json: [0]: expected { "share": a number from 0 to 1, "traits": { … } }']);
  });

  it('simulates the schedule from --date and the traits from --traits', () => {
    const files = {
      'c.json': targeted,
      'p.txt': '/account\n',
      't.json': '[{ "share": 0.5, "traits": { "plan": "pro", "orders": 5 } }]',
    };
    const shown = (...flags: string[]) => {
      const { out } = run(
        ['simulate', 'c.json', '--pages', 'p.txt', '--visitors', '200', '--days', '10', '--json', ...flags],
        files,
      );
      return JSON.parse(out[0] as string).surveys[0].shown as number;
    };
    expect(shown('--date', '2027-01-15', '--traits', 't.json')).toBeGreaterThan(50);
    expect(shown('--date', '2027-01-15')).toBe(0);
    expect(shown('--date', '2027-03-01', '--traits', 't.json')).toBe(0);
    // Without --date the simulation starts today (the test's clock: 2025-01-01), before the window.
    expect(shown('--traits', 't.json')).toBe(0);
  });
});
