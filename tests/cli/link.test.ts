// `touchpoint link`: a signed URL the collector accepts, and the e-mail snippet.
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../packages/cli/src/io';
import { parseExpiry } from '../../packages/cli/src/link';
import { readLink } from '../../packages/collector/src/links/link-params';
import { verifyLink } from '../../packages/collector/src/links/signature';
import { runInMemory } from './memory-io';

const SECRET = 'cli-test-secret';
const NOW = Date.UTC(2027, 0, 1);
const config = JSON.stringify({
  version: 1,
  surveys: [
    {
      id: 'support-csat',
      metric: 'csat',
      question: 'How did we do with "your" ticket?',
      when: { pages: ['/help'] },
    },
    {
      id: 'support-nps',
      metric: 'nps',
      question: { en: 'Recommend us?', de: 'Empfehlen?' },
      when: { pages: ['/'] },
    },
    { id: 'support-ces', metric: 'ces', question: 'Easy?', when: { pages: ['/'] } },
  ],
});

const FILES = { 'config.json': config, 'secret.txt': 'file-secret\n' };
const run = (argv: string[], env: Record<string, string | undefined> = { TOUCHPOINT_LINK_SECRET: SECRET }) =>
  runInMemory(argv, FILES, NOW, env);

/** The collector's own verdict on a printed URL. */
const verdict = (url: string, secret = SECRET, now = NOW) => {
  const parsed = new URL(url);
  const read = readLink(parsed.pathname.split('/').pop() as string, parsed.searchParams);
  if (!read.ok) return read.problem;
  return verifyLink(read.params, read.sig, secret, Math.floor(now / 1000));
};

const BASE = [
  'link',
  '--survey',
  'support-csat',
  '--ref',
  'T-123',
  '--user',
  'u-7',
  '--base',
  'https://collect.example.com',
];

describe('touchpoint link', () => {
  it('prints one signed URL that the collector accepts', () => {
    const { code, out } = run([...BASE, '--channel', 'email']);
    expect(code).toBe(EXIT.ok);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^https:\/\/collect\.example\.com\/s\/support-csat\?ref=T-123&u=u-7&ch=email&sig=[\w-]{43}$/,
    );
    expect(verdict(out[0] as string)).toBe('ok');
    expect(verdict(out[0] as string, 'another-secret')).toBe('tampered');
  });

  it('keeps a path on the base URL', () => {
    const { out } = run([...BASE.slice(0, -1), 'https://example.com/touchpoint']);
    expect(out[0]).toMatch(/^https:\/\/example\.com\/touchpoint\/s\/support-csat\?/);
  });

  it('signs the expiry: valid until then, expired after', () => {
    const { out } = run([...BASE, '--expires', '14d']);
    const url = out[0] as string;
    expect(new URL(url).searchParams.get('exp')).toBe(String(NOW / 1000 + 14 * 86_400));
    expect(verdict(url, SECRET, NOW + 14 * 86_400_000 - 1000)).toBe('ok');
    expect(verdict(url, SECRET, NOW + 14 * 86_400_000)).toBe('expired');
  });

  it('reads the secret from --secret-file instead of the environment', () => {
    const { out } = run([...BASE, '--secret-file', 'secret.txt'], {});
    expect(verdict(out[0] as string, 'file-secret')).toBe('ok');
  });

  it.each([
    [['link', '--ref', 'T-1', '--base', 'https://c.example'], '--survey is missing'],
    [['link', '--survey', 's', '--ref', 'T-1'], '--base (the collector URL'],
    [['link', '--survey', 's', '--ref', 'T-1', '--base', 'ftp://c.example'], 'expected an http(s) URL'],
    [['link', '--survey', 's', '--base', 'https://c.example'], 'a link needs a ref'],
    [
      ['link', '--survey', 's', '--ref', 'T-1', '--base', 'https://c.example', '--expires', 'soon'],
      '--expires soon',
    ],
    [
      ['link', '--survey', 's', '--ref', 'T-1', '--base', 'https://c.example', '--channel', 'E Mail'],
      'ch "E Mail"',
    ],
    [
      ['link', '--survey', 's', '--ref', 'T-1', '--base', 'https://c.example', '--html'],
      '--html needs the configuration',
    ],
    [
      ['link', 'config.json', '--survey', 'gone', '--ref', 'T-1', '--base', 'https://c.example'],
      'no survey "gone"',
    ],
  ])('refuses %j with the usage (exit 2)', (argv, message) => {
    const { code, err } = run(argv);
    expect(code).toBe(EXIT.usage);
    expect(err[0]).toContain(message);
  });

  it('refuses to sign without a secret', () => {
    const { code, err } = run(BASE, {});
    expect(code).toBe(EXIT.usage);
    expect(err[0]).toContain('TOUCHPOINT_LINK_SECRET');
  });

  it('reports a secret file it cannot read (exit 1)', () => {
    const { code, err } = run([...BASE, '--secret-file', 'missing.txt']);
    expect(code).toBe(EXIT.problems);
    expect(err).toEqual(['error missing.txt: cannot read the secret file (ENOENT)']);
  });
});

describe('touchpoint link --html', () => {
  const html = (survey: string) =>
    run(['link', 'config.json', ...BASE.slice(1).map((a) => (a === 'support-csat' ? survey : a)), '--html']);
  const part = (out: string[], which: 'HTML' | 'Plain-text') => {
    const start = out.findIndex((line) => line.startsWith(`<!-- ${which} part`));
    const end = out.findIndex((line, i) => i > start && line.startsWith('<!-- '));
    return out.slice(start + 1, end === -1 ? undefined : end);
  };

  it.each([
    ['support-nps', 0, 10],
    ['support-csat', 1, 5],
    ['support-ces', 1, 7],
  ])('%s: one button per score, %i to %i, each a signed link with its score', (survey, min, max) => {
    const { code, out } = html(survey);
    expect(code).toBe(EXIT.ok);
    const links = [
      ...part(out, 'HTML')
        .join('\n')
        .matchAll(/<a href="([^"]+)"[^>]*>(\d+)<\/a>/g),
    ];
    expect(links.map(([, , label]) => Number(label))).toEqual(
      Array.from({ length: max - min + 1 }, (_, i) => min + i),
    );
    for (const [, href, label] of links) {
      const url = (href as string).replaceAll('&amp;', '&');
      expect(new URL(url).searchParams.get('score')).toBe(label);
      expect(verdict(url)).toBe('ok');
    }
  });

  it('shows the question, escaped, with inline styles only and no image', () => {
    const snippet = part(html('support-csat').out, 'HTML').join('\n');
    expect(snippet).toContain('How did we do with &quot;your&quot; ticket?');
    expect(snippet).not.toMatch(/<style|<img|background-image|url\(|class=/);
    expect(snippet.match(/<td [^>]*>/g)?.every((td) => td.includes('style='))).toBe(true);
    expect(snippet).toContain('bgcolor=');
  });

  it('picks the English question from a localized one', () => {
    expect(part(html('support-nps').out, 'HTML').join('\n')).toContain('Recommend us?');
  });

  it('adds a plain-text alternative: the question, then one line per score with its link', () => {
    const text = part(html('support-csat').out, 'Plain-text');
    expect(text[0]).toBe('How did we do with "your" ticket?');
    expect(text.slice(2).map((line) => line.split(': ')[0])).toEqual(['1', '2', '3', '4', '5']);
    for (const line of text.slice(2)) expect(verdict(line.split(': ')[1] as string)).toBe('ok');
  });
});

describe('parseExpiry', () => {
  const now = Date.UTC(2027, 0, 1, 12);
  it.each([
    ['90m', now / 1000 + 5400],
    ['12h', now / 1000 + 43_200],
    ['14d', now / 1000 + 14 * 86_400],
    ['2027-06-30', Date.UTC(2027, 6, 1) / 1000],
    ['2027-06-30T09:00:00Z', Date.UTC(2027, 5, 30, 9) / 1000],
    ['2027-06-30T09:00+02:00', Date.UTC(2027, 5, 30, 7) / 1000],
    ['2027-06-30T09:00', undefined],
    ['2027-02-31', undefined],
    ['14 days', undefined],
    ['', undefined],
  ])('%j → %s', (text, seconds) => {
    expect(parseExpiry(text, now)).toBe(seconds);
  });
});
