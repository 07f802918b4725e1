import { fieldOf } from '../../../packages/collector/src/admin/problem-fields.js';
import { settingsFields, settingsFromForm } from '../../../packages/collector/src/admin/settings-form.js';
import {
  readSurveyForm,
  surveyFields,
  surveyFromForm,
} from '../../../packages/collector/src/admin/survey-form.js';
import { traitLines, traitsOf } from '../../../packages/collector/src/admin/trait-field.js';
import { validateConfig } from '../../../packages/core/src/rules';

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
    user: { plan: ['pro', 'team'], orders: { gte: 3, lt: 10 }, beta: true, code: '42' },
  },
  startsAt: '2027-01-15',
  endsAt: '2027-02-01T09:00:00+01:00',
  priority: 2,
  sample: 0.5,
  cooldownDays: 30,
  repeatAfterDays: 90,
  followUp: {
    low: { en: 'What went wrong?', fr: 'Qu’est-ce qui n’a pas marché ?' },
    mid: 'What would make it a 5?',
    high: 'What did we do well?',
  },
  links: { low: { label: { en: 'Contact support', ar: 'اتصل بالدعم' }, url: '/help' } },
  strings: { thanks: { en: 'Thanks!', fr: 'Merci !' }, close: 'Close' },
};

/** A form as a person fills it: every field of `full`, then these. */
const typed = (fields: Record<string, string>) =>
  new URLSearchParams({ ...surveyFields({ id: 'a', metric: 'nps', question: 'Q?' }), ...fields });

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
    expect(validateConfig({ version: 1, surveys: [survey] }).problems).toEqual([
      'surveys[0].sample: expected a number from 0 to 1',
    ]);
  });

  it('keeps fields the form does not show from the survey being edited', () => {
    const base = { ...full, futureField: { x: 1 } };
    const edited = surveyFromForm(new URLSearchParams({ ...surveyFields(base), question: 'New?' }), base);
    expect(edited).toMatchObject({ futureField: { x: 1 }, question: 'New?', priority: 2 });
  });

  it('shows the schedule, the priority and each text by language in fields of their own', () => {
    const fields = surveyFields(full);
    expect(fields).toMatchObject({
      startsAt: '2027-01-15',
      endsAt: '2027-02-01T09:00:00+01:00',
      priority: '2',
      'followUp.low': 'What went wrong?',
      'followUp.low.languages': 'fr = Qu’est-ce qui n’a pas marché ?',
      'followUp.mid.languages': '',
      'links.low.label.languages': 'ar = اتصل بالدعم',
      strings: 'thanks = Thanks!\nthanks.fr = Merci !\nclose = Close',
      'when.user': 'plan = pro | team\norders >= 3\norders < 10\nbeta = true\ncode = "42"',
    });
  });

  it('saves a text with other languages as a map whose first entry is English, and one without as a string', () => {
    expect(
      surveyFromForm(
        typed({ question: 'How was it?', 'question.languages': 'ar = كيف كانت؟\npt-BR = Como foi?' }),
      ).question,
    ).toEqual({
      en: 'How was it?',
      ar: 'كيف كانت؟',
      'pt-BR': 'Como foi?',
    });
    // A map without English stays one: nothing is invented for the first input.
    const noEnglish = { id: 'a', metric: 'nps', question: { fr: 'Alors ?', de: 'Also?' } };
    expect(surveyFields(noEnglish).question).toBe('');
    expect(surveyFromForm(new URLSearchParams(surveyFields(noEnglish)))).toEqual(noEnglish);
  });

  it('refuses the English text given twice, or a language given twice, naming the languages field', () => {
    expect(readSurveyForm(typed({ question: 'Q?', 'question.languages': 'en = Other?' })).problems).toEqual([
      {
        level: 'error',
        path: 'question.languages',
        message: 'the English text is given twice: above and as an "en =" line',
      },
    ]);
    expect(readSurveyForm(typed({ 'followUp.high.languages': 'fr = A\nfr = B' })).problems).toEqual([
      { level: 'error', path: 'followUp.high.languages', message: '"fr" is given twice' },
    ]);
  });

  it('leaves a bad language tag to the validator, which names that language', () => {
    const survey = surveyFromForm(typed({ 'question.languages': 'not a tag = x' }));
    expect(validateConfig({ version: 1, surveys: [survey] }).problems).toEqual([
      'surveys[0].question["not a tag"]: expected a language tag',
    ]);
    expect(fieldOf('surveys[0].question["not a tag"]', 'surveys[0]')).toBe('question.languages');
  });

  it('keeps a date the validator refuses as typed, so it names the field', () => {
    const survey = surveyFromForm(typed({ startsAt: '2027-01-15T09:00', priority: 'high' }));
    expect(validateConfig({ version: 1, surveys: [survey] }).problems).toEqual([
      'surveys[0].startsAt: expected an ISO 8601 date, or date-time with its zone',
      'surveys[0].priority: expected a number',
    ]);
  });

  it('keeps half a link, so the validator says which half is missing', () => {
    const survey = surveyFromForm(
      new URLSearchParams({ id: 'a', metric: 'nps', question: 'Q?', 'links.high.url': '/review' }),
    );
    expect(validateConfig({ version: 1, surveys: [survey] }).problems).toEqual([
      'surveys[0].links.high.label: expected a non-empty string',
    ]);
  });
});

describe('visitor trait lines', () => {
  it.each([
    [['plan = pro'], { plan: 'pro' }],
    [['plan = pro | team', 'plan = free'], { plan: ['pro', 'team', 'free'] }],
    [['orders >= 3', 'orders < 10'], { orders: { gte: 3, lt: 10 } }],
    [['orders ≥ 3', 'orders ≤ 9', 'age > 17'], { orders: { gte: 3, lte: 9 }, age: { gt: 17 } }],
    [['beta = true', 'seats = 5'], { beta: true, seats: 5 }],
    [['code = "42"', 'motto = "a | b" | c'], { code: '42', motto: ['a | b', 'c'] }],
    [['orders > lots'], { orders: { gt: 'lots' } }],
    [[], undefined],
  ])('%j → %j, and back', (lines, user) => {
    expect(traitsOf(lines)).toEqual({ value: user });
    if (user) expect(traitsOf(traitLines(user).split('\n'))).toEqual({ value: user });
  });

  it.each([
    [['plan'], '"plan": expected "trait = value" or "trait >= number"'],
    [['orders = 3', 'orders > 1'], '"orders": a value and a range cannot combine'],
    [['orders > 1', 'orders = 3'], '"orders": a value and a range cannot combine'],
  ])('%j is refused: %s', (lines, problem) => {
    expect(traitsOf(lines)).toEqual({ value: undefined, problem });
  });

  it('shows a line the form cannot read as an error on the traits field, keeping the saved conditions', () => {
    const base = { ...full };
    const read = readSurveyForm(
      new URLSearchParams({ ...surveyFields(base), 'when.user': 'plan pro' }),
      base,
    );
    expect(read.problems).toEqual([
      {
        level: 'error',
        path: 'when.user',
        message: '"plan pro": expected "trait = value" or "trait >= number"',
      },
    ]);
    expect(read.survey.when).toMatchObject({ user: full.when.user });
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
    ['surveys[2].strings["thanks"]["fr"]', 'surveys[2]', 'strings'],
    ['surveys[2].question["ar"]', 'surveys[2]', 'question.languages'],
    ['surveys[2].links.low.label["ar"]', 'surveys[2]', 'links.low.label.languages'],
    ['surveys[2].links.low.label', 'surveys[2]', 'links.low.label'],
    ['surveys[2].when.user["orders"].gte', 'surveys[2]', 'when.user'],
    ['surveys[2].startsAt', 'surveys[2]', 'startsAt'],
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
