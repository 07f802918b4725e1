import { csvCell, csvRow } from '../../../packages/collector/src/insights/csv.js';
import { escapeHtml } from '../../../packages/collector/src/insights/escape.js';
import { CSV_COLUMNS, csvCells } from '../../../packages/collector/src/insights/export.js';
import { parseFilters } from '../../../packages/collector/src/insights/filters.js';
import { html, markupText, raw } from '../../../packages/collector/src/insights/html.js';
import { ladder } from '../../../packages/collector/src/insights/ladder.js';
import { formatValue, renderPage } from '../../../packages/collector/src/insights/page.js';
import type { Report } from '../../../packages/collector/src/insights/report.js';
import { retention } from '../../../packages/collector/src/insights/retention.js';
import { noAnswers } from '../../../packages/collector/src/insights/rollup.js';
import { summarizeService } from '../../../packages/collector/src/insights/service.js';
import { bandSplit, barChart, lineChart } from '../../../packages/collector/src/insights/svg.js';

const HOSTILE = `<script>alert(1)</script><img src=x onerror='alert(2)'> & "x"`;

describe('escapeHtml', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('stringifies what is not a string, and makes nothing of null', () => {
    expect(escapeHtml(42)).toBe('42');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml({ toString: () => '<b>' })).toBe('&lt;b&gt;');
  });
});

describe('html', () => {
  it('escapes every interpolated value unless it is markup made by html or raw', () => {
    const comment = HOSTILE;
    const out = markupText(html`<p title="${comment}">${comment}${html`<b>${'<i>'}</b>`}${raw('<hr>')}</p>`);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<b>&lt;i&gt;</b><hr></p>');
  });

  it('joins arrays and drops null, undefined and false', () => {
    expect(
      markupText(html`<ul>${['<a>', 'b'].map((x) => html`<li>${x}</li>`)}${null}${undefined}${false}</ul>`),
    ).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [-5, '-5'],
    [Number.NaN, ''],
    [{ a: 'b,c' }, '"{""a"":""b,c""}"'],
    // A spreadsheet would run these as formulas (CSV injection): kept as text.
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes %j as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends rows with CRLF, as RFC 4180 asks', () => {
    expect(csvRow(['a', 'b,c', 1])).toBe('a,"b,c",1\r\n');
  });

  it('writes an event in the header order, props as JSON and the time in ISO', () => {
    const cells = csvCells({
      id: 'e1',
      type: 'survey_comment',
      stage: 'service',
      ts: Date.UTC(2026, 0, 2, 3, 4, 5),
      anonymousId: 'a',
      sessionId: 's',
      page: { url: 'https://x.example/help', path: '/help' },
      props: { comment: 'Slow, "very" slow' },
    });
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(csvRow(cells)).toBe(
      `e1,survey_comment,,service,${Date.UTC(2026, 0, 2, 3, 4, 5)},2026-01-02T03:04:05.000Z,a,s,,/help,https://x.example/help,"{""comment"":""Slow, \\""very\\"" slow""}"\r\n`,
    );
    expect(csvCells({ id: 'e2', ts: 1e300, page: {} })[5]).toBe('');
  });
});

describe('parseFilters', () => {
  it.each([
    ['', { stage: null, band: null, metric: null, version: null, problems: [] }],
    [
      'stage=purchase&band=low&metric=nps',
      { stage: 'purchase', band: 'low', metric: 'nps', version: null, problems: [] },
    ],
    ['band=detractor', { stage: null, band: 'low', metric: null, version: null, problems: [] }],
    [
      'band=Promoter&stage=Service',
      { stage: 'service', band: 'high', metric: null, version: null, problems: [] },
    ],
    ['stage=&band=&version=', { stage: null, band: null, metric: null, version: null, problems: [] }],
    ['version=3', { stage: null, band: null, metric: null, version: '3', problems: [] }],
    ['version=1A2B3C4D', { stage: null, band: null, metric: null, version: '1a2b3c4d', problems: [] }],
  ])('reads %j', (query, expected) => {
    expect(parseFilters(new URLSearchParams(query))).toEqual(expected);
  });

  it('ignores bad values and says which and why, without throwing', () => {
    const f = parseFilters(new URLSearchParams('stage=<script>&band=awful&metric=xyz&version=0'));
    expect(f).toMatchObject({ stage: null, band: null, metric: null, version: null });
    expect(f.problems).toEqual([
      'stage: expected a stage name such as "purchase"; showing every stage',
      'band: expected low, mid or high (or detractor, passive, promoter); showing every band',
      'metric: expected nps, csat or ces; showing every metric',
      'version: expected a version number such as 3, or a configuration hash such as 1a2b3c4d; showing every version',
    ]);
    for (const bad of ['1a2b3c4', '1a2b3c4d5', '12345678901', '-1', '<b>'])
      expect(parseFilters(new URLSearchParams({ version: bad })).version).toBeNull();
  });
});

describe('SVG charts', () => {
  it('draws one bar per row with a value, "no data" for null, and escapes labels', () => {
    const svg = barChart({
      title: 'T <x>',
      rows: [
        { label: HOSTILE, value: 50 },
        { label: 'empty', value: null },
        { label: 'neg', value: -20, tone: 'low' },
      ],
      min: -100,
      max: 100,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg.match(/<rect class="bar/g)).toHaveLength(2);
    expect(svg).toContain('no data');
    expect(svg).toContain('<line class="axis"'); // zero line, because min < 0
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('splits a bar into bands as wide as their shares', () => {
    const svg = bandSplit({ title: 'split', low: 1, mid: 1, high: 2 });
    expect(svg).toContain('class="bar low" x="0.0" y="0" width="75.0"');
    expect(svg).toContain('class="bar mid" x="75.0" y="0" width="75.0"');
    expect(svg).toContain('class="bar high" x="150.0" y="0" width="150.0"');
    expect(bandSplit({ title: 'none', low: 0, mid: 0, high: 0 })).toContain('class="empty"');
  });

  it('breaks the line over days without answers instead of drawing them as zero', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'];
    const p = (value: number | null) => ({ value, n: value === null ? 0 : 3 });
    const svg = lineChart({
      title: 'NPS',
      days,
      points: { '2026-01-01': p(10), '2026-01-02': p(20), '2026-01-04': p(-30), '2026-01-05': p(null) },
      min: -100,
      max: 100,
    });
    expect(svg.match(/<polyline/g)).toHaveLength(1); // 01-01→01-02; 01-04 stands alone
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).not.toMatch(/NaN/);
    expect(lineChart({ title: 'none', days: [], points: {}, min: 1, max: 7 })).toContain('no data');
  });
});

/** A report with nothing in it: the page of a new database. */
function emptyReport(): Report {
  return {
    totals: {
      events: 0,
      visitors: 0,
      answers: 0,
      comments: 0,
      first: null,
      last: null,
      pending: 0,
      skipped: 0,
    },
    overall: noAnswers(),
    bySurvey: [],
    byStage: [],
    byPage: [],
    days: [],
    daily: new Map(),
    trend: new Map(),
    funnel: [],
    churn: [],
    markers: [],
    drivers: [],
    ladder: ladder([], Number.NaN, Number.NaN),
    retention: retention([], 0),
    service: { ...summarizeService([]), byChannel: [] },
    comments: { total: 0, rows: [] },
    commentStages: [],
    filters: { stage: null, band: null, metric: null, version: null, step: null, page: 1, problems: [] },
    versions: [],
    configHash: null,
  } as Report;
}

describe('renderPage', () => {
  it('shows "no data" and how to get some on an empty database, never NaN', () => {
    const page = renderPage(emptyReport());
    expect(page).toContain('No events yet');
    expect(page).toContain('seed-demo');
    expect(page.match(/class="big none">no data</g)).toHaveLength(3);
    expect(page).not.toMatch(/NaN|undefined|\[object/);
  });

  it('escapes a hostile comment, path, stage and survey id', () => {
    const report = emptyReport();
    report.comments = {
      total: 1,
      rows: [
        {
          id: 'c1',
          ts: Date.UTC(2026, 0, 2),
          stage: '"><svg onload=alert(1)>',
          path: '/<script>',
          surveyId: '<b>s</b>',
          metric: 'nps',
          score: 3,
          band: 'low',
          comment: HOSTILE,
          trail: [{ type: 'page', stage: '<i>use</i>', path: '/a"b' }, 'junk', null],
        },
      ],
    };
    const page = renderPage(report);
    expect(page).not.toMatch(/<script>|<img|<svg onload|<b>s<\/b>|<i>use/);
    expect(page).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt;',
    );
    expect(page).toContain('<span class="score low">3</span>');
    expect(page).toContain('detractor');
  });

  it('keeps the chosen filters selected and reports ignored ones', () => {
    const report = emptyReport();
    report.commentStages = ['purchase', 'service'];
    report.filters = {
      stage: 'service',
      band: 'high',
      metric: null,
      version: null,
      step: null,
      page: 1,
      problems: ['metric: expected nps'],
    };
    const page = renderPage(report);
    expect(page).toContain('<option value="service" selected>');
    expect(page).toContain('<option value="high" selected>');
    expect(page).toContain('<p class="problem" role="status">metric: expected nps</p>');
    expect(page).toContain('href="/insights#comments">Clear</a>');
  });

  it.each([
    ['nps', 23, '+23'],
    ['nps', -7, '−7'],
    ['nps', 0, '0'],
    ['csat', 81, '81%'],
    ['ces', 5, '5.0'],
    ['ces', null, 'no data'],
  ])('formats %s %s as %s', (metric, value, text) => {
    expect(formatValue(metric, value)).toBe(text);
  });
});
