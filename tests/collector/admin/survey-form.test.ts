import { fieldOf } from '../../../packages/collector/src/admin/problem-fields.js';
import { settingsFields, settingsFromForm } from '../../../packages/collector/src/admin/settings-form.js';
import { surveyFields, surveyFromForm } from '../../../packages/collector/src/admin/survey-form.js';
import { formatProblem, validateConfig } from '../../../packages/core/src/rules';

const full = {
  id: 'checkout-csat',
  metric: 'csat',
  question: 'How satisfied are you with checkout today?',
  when: {
    pages: ['/checkout/done', '!/checkout/test'],
    event: 'order_completed',
    stage: 'purchase',
    delayMs: 1500,
    afterPageViews: 2,
  },
  sample: 0.5,
  cooldownDays: 30,
  repeatAfterDays: 90,
  followUp: { low: 'What went wrong?', mid: 'What would make it a 5?', high: 'What did we do well?' },
  links: { low: { label: 'Contact support', url: '/help' } },
  strings: { thanks: 'Merci!' },
};

describe('the survey form', () => {
  it('reads back every field it shows, so an unchanged form saves the same survey', () => {
    const form = new URLSearchParams(surveyFields(full));
    expect(surveyFromForm(form)).toEqual(full);
    expect(validateConfig({ version: 1, surveys: [surveyFromForm(form)] }).problems).toEqual([]);
  });

  it('leaves out empty fields, so the SDK defaults apply', () => {
    const form = new URLSearchParams({
      id: 'a',
      metric: 'nps',
      question: 'Q?',
      sample: ' ',
      'when.pages': '\n\n',
      'links.low.label': '',
    });
    expect(surveyFromForm(form)).toEqual({ id: 'a', metric: 'nps', question: 'Q?' });
  });

  it('keeps text typed into a number field, so the validator names that field', () => {
    const survey = surveyFromForm(
      new URLSearchParams({ id: 'a', metric: 'nps', question: 'Q?', sample: 'half' }),
    );
    expect(survey.sample).toBe('half');
    expect(validateConfig({ version: 1, surveys: [survey] }).problems.map(formatProblem)).toEqual([
      'surveys[0].sample: expected a number from 0 to 1',
    ]);
  });

  it('keeps fields the form does not show from the survey being edited', () => {
    const base = { ...full, when: { ...full.when, user: { plan: 'pro' } }, priority: 3 };
    const edited = surveyFromForm(new URLSearchParams({ ...surveyFields(base), question: 'New?' }), base);
    expect(edited).toMatchObject({ priority: 3, question: 'New?', when: { user: { plan: 'pro' } } });
  });

  it('keeps half a link, so the validator says which half is missing', () => {
    const survey = surveyFromForm(
      new URLSearchParams({ id: 'a', metric: 'nps', question: 'Q?', 'links.high.url': '/review' }),
    );
    expect(validateConfig({ version: 1, surveys: [survey] }).problems.map(formatProblem)).toEqual([
      'surveys[0].links.high.label: expected a non-empty string',
    ]);
  });
});

describe('the settings form', () => {
  it('reads back the stages, limits and preview origins it shows, and keeps the surveys', () => {
    const config = {
      version: 1,
      stages: { '/': 'touchpoint', '/checkout/**': 'purchase' },
      surveys: [full],
      limits: { maxPerSession: 1, minDaysBetweenSurveys: 7 },
      previewOrigins: ['http://127.0.0.1:8080'],
    };
    expect(settingsFromForm(new URLSearchParams(settingsFields(config)), config)).toEqual(config);
  });
});

describe('fieldOf', () => {
  it.each([
    ['surveys[2].metric', 'surveys[2]', 'metric'],
    ['surveys[2].when.pages[1]', 'surveys[2]', 'when.pages'],
    ['surveys[2].links.low.url', 'surveys[2]', 'links.low.url'],
    ['surveys[2].strings["thanks"]', 'surveys[2]', 'strings'],
    ['surveys[2]', 'surveys[2]', ''],
    ['surveys[12].metric', 'surveys[1]', undefined],
    ['surveys[3].metric', 'surveys[2]', undefined],
    ['stages["/x"]', '', 'stages'],
    ['limits.maxPerSession', '', 'limits.maxPerSession'],
    ['previewOrigins[0]', '', 'previewOrigins'],
    ['config', '', ''],
  ])('%s in %s → %s', (path, prefix, field) => {
    expect(fieldOf(path, prefix)).toBe(field);
  });
});
