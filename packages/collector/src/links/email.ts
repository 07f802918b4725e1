// The e-mail snippet of a link survey: the question and one button per score, each a signed
// link with its score, and its plain-text alternative. Here, beside the signing rule, so a
// help desk's own signing webhook can build the same snippet as `touchpoint link --html`.
import { escapeHtml } from '../insights/escape.js';
import { SCORE_RANGE } from './answer-event.js';

/** What the e-mail snippet needs of a survey. */
export interface EmailSurvey {
  id: string;
  metric: keyof typeof SCORE_RANGE;
  question: string | Record<string, string>;
}

/** The question in English, else the configuration's first language. */
const questionText = (question: EmailSurvey['question']) =>
  typeof question === 'string' ? question : (question.en ?? Object.values(question)[0] ?? '');

/**
 * The e-mail snippet: the question and one button per score, each a signed link with its
 * `score`. Tables and inline styles, as e-mail clients drop `<style>` and ignore flexbox; no
 * images, so it reads the same with images off; `bgcolor` besides `background` for Outlook.
 */
export function emailHtml(survey: EmailSurvey, urlFor: (score: number) => string): string[] {
  const [min, max] = SCORE_RANGE[survey.metric];
  const cells: string[] = [];
  for (let score = min; score <= max; score++) {
    cells.push(
      `    <td bgcolor="#4f46e5" style="background:#4f46e5;border-radius:6px;text-align:center;"><a href="${escapeHtml(urlFor(score))}" style="display:inline-block;min-width:20px;padding:10px 8px;font:bold 16px Arial,sans-serif;color:#ffffff;text-decoration:none;">${score}</a></td>`,
    );
  }
  return [
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:separate;">',
    `  <tr><td colspan="${max - min + 1}" style="padding:0 0 12px;font:16px Arial,sans-serif;color:#1f2328;">${escapeHtml(questionText(survey.question))}</td></tr>`,
    '  <tr>',
    ...cells,
    '  </tr>',
    '</table>',
  ];
}

/** The plain-text alternative: the question, then one line per score with its link. */
export function emailText(survey: EmailSurvey, urlFor: (score: number) => string): string[] {
  const [min, max] = SCORE_RANGE[survey.metric];
  const lines = [questionText(survey.question), ''];
  for (let score = min; score <= max; score++) lines.push(`${score}: ${urlFor(score)}`);
  return lines;
}
