// The survey list (`GET /admin`) and publishing the draft from it (`POST /admin/publish`).
import { canonicalJson } from '@touchpoint/core/rules';
import type { Markup } from '../insights/html.js';
import { idOf, surveysOf } from './draft-surveys.js';
import { type AdminRequest, type Editor, findings, type Handler, traffic } from './editor.js';
import { objectAt, textOf } from './form-values.js';
import { type ListedSurvey, renderListPage } from './list-page.js';
import { localizedLines } from './localized-field.js';
import { publishable } from './paused.js';
import { notice, redirect, stale } from './replies.js';
import { surveyState } from './survey-state.js';
import { answersBySurvey } from './traffic.js';
import { latestVersion, publishDraft, readDraft } from './versions.js';

/** The question as the list shows it: the English (or first) text, and the other languages' tags. */
function listedQuestion(question: unknown): Pick<ListedSurvey, 'question' | 'languages'> {
  const { text, languages } = localizedLines(question);
  const [first] = languages;
  return text !== '' || !first
    ? { question: text, languages: languages.map(([tag]) => tag) }
    : { question: first[1], languages: languages.slice(1).map(([tag]) => tag) };
}

export async function showList(
  editor: Editor,
  { db, res }: AdminRequest,
  extra: { notice?: Markup; status?: number } = {},
) {
  const draft = await readDraft(db);
  const live = await latestVersion(db);
  const answers = await answersBySurvey(db);
  const liveSurveys = new Map(surveysOf(live?.config).map((s) => [idOf(s), s]));
  const draftIds = new Set(surveysOf(draft.config).map(idOf));
  const surveys: ListedSurvey[] = surveysOf(draft.config).map((s) => {
    const survey = objectAt(s);
    const id = String(survey.id ?? '');
    return {
      id,
      metric: String(survey.metric ?? ''),
      ...listedQuestion(survey.question),
      state: surveyState(s, liveSurveys.get(survey.id), editor.now()),
      answers: answers.get(id) ?? 0,
    };
  });
  const { pathList } = await traffic(editor, db);
  renderListPage(res, editor.ctx, {
    surveys,
    removed: [...liveSurveys.keys()].filter((id) => !draftIds.has(id)).map(String),
    revision: draft.revision,
    live,
    unpublished: !live || canonicalJson(live.config) !== canonicalJson(publishable(draft.config)),
    problems: findings(draft.config, pathList),
    publishedUrl: `${editor.configPath}/published.json`,
    ...extra,
  });
}

/** What the list says after a change made from it. */
const DONE: [param: string, text: (value: string) => string][] = [
  ['published', (v) => `Published version ${v}.`],
  ['deleted', (v) => `Deleted ${v} from the draft.`],
  ['paused', (v) => `Paused ${v} in the draft: publish to take it off the site.`],
  ['resumed', (v) => `Resumed ${v} in the draft: publish to put it back on the site.`],
];

export const list: Handler = (editor, request) => {
  const q = request.url.searchParams;
  const done = DONE.find(([param]) => q.get(param));
  return showList(editor, request, done ? { notice: notice(done[1](q.get(done[0]) as string)) } : {});
};

export const publish: Handler = async (editor, request) => {
  const { db, res, form } = request;
  const author = textOf(form.get('author'));
  if (!author)
    return showList(editor, request, {
      status: 422,
      notice: notice('Not published: give your name, so the history says who published.', true),
    });
  const result = await publishDraft(db, Number(form.get('revision')), author, textOf(form.get('note')) ?? '');
  if (result.ok) return redirect(res, `${editor.base}?published=${result.version.number}`);
  if (result.reason === 'stale')
    return showList(editor, request, { status: 409, notice: stale(result.current) });
  return showList(editor, request, {
    status: 422,
    notice: notice('Not published: the draft has errors (listed below).', true),
  });
};
