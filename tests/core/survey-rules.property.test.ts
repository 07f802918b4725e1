import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matchPages } from '../../packages/core/src/glob';
import { createStore } from '../../packages/core/src/store';
import type { TriggerHost } from '../../packages/core/src/survey-seam';
import { DAY_MS } from '../../packages/core/src/time';
import { createTriggers } from '../../packages/core/src/triggers';
import type {
  EventType,
  JourneyEvent,
  Survey,
  SurveyDue,
  TouchpointConfig,
} from '../../packages/core/src/types';

// The survey rules as a whole, against invariants, over random journeys: two tabs of one site
// sharing localStorage (two real stores, as two pages have), each with its triggers and a
// widget that shows what is due when nothing is open in its tab. Steps: page views, events,
// dismissals, answers, show(), reloads, tab switches (a task boundary, where the stores write)
// and clock moves. A model of what the visitor has seen, kept apart from the code under test,
// says what must and must not show.

const MAX_PER_SESSION = 2;
const SESSION_MS = 30 * 60 * 1000;
const SURVEYS: Survey[] = [
  { id: 'pv-a', metric: 'nps', question: 'A?', when: { pages: ['/a'] }, cooldownDays: 1 },
  { id: 'pv-b', metric: 'csat', question: 'B?', when: { pages: ['/b'] }, cooldownDays: 2 },
  { id: 'ev-click', metric: 'ces', question: 'Click?', when: { event: 'clicked' }, cooldownDays: 1 },
  {
    id: 'ev-buy',
    metric: 'csat',
    question: 'Buy?',
    when: { pages: ['/b'], event: 'bought' },
    cooldownDays: 3,
  },
  // Last in order, so it never hides another survey's immediate due from the liveness check.
  {
    id: 'pv-c-later',
    metric: 'nps',
    question: 'C?',
    when: { pages: ['/c'], delayMs: 5000 },
    cooldownDays: 1,
  },
];
const CONFIG: TouchpointConfig = { version: 1, surveys: SURVEYS, limits: { maxPerSession: MAX_PER_SESSION } };
const PATHS = ['/a', '/b', '/c'];
const EVENTS = ['clicked', 'bought', 'noise'];

type Step =
  | { kind: 'view'; tab: number; path: string }
  | { kind: 'track'; tab: number; name: string }
  | { kind: 'dismiss' | 'answer' | 'reload' | 'switch'; tab: number }
  | { kind: 'show'; tab: number; id: string }
  | { kind: 'clock'; ms: number };

const tab = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('view' as const), tab, path: fc.constantFrom(...PATHS) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('track' as const), tab, name: fc.constantFrom(...EVENTS) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('dismiss' as const, 'answer' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('reload' as const, 'switch' as const), tab }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('show' as const),
      tab,
      id: fc.constantFrom(...SURVEYS.map((s) => s.id)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      ms: fc.constantFrom(1000, 6000, 10 * 60 * 1000, 31 * 60 * 1000, DAY_MS, 2 * DAY_MS + 1),
    }),
  },
);

/** What the visitor has seen, as the model keeps it: the truth the invariants are checked against. */
interface Model {
  shown: Record<string, number>;
  dismissed: Record<string, number>;
  answered: Record<string, number>;
  /** Automatic prompts per session id. */
  automatic: Record<string, number>;
  session: { id: string; last: number; n: number };
}

interface Tab {
  path: string;
  open: string | undefined;
  triggers: ReturnType<typeof createTriggers>;
  dues: SurveyDue[];
}

async function run(steps: Step[]) {
  // Nothing of the last run may leak in: its delays, its stores' pending writes.
  vi.clearAllTimers();
  await Promise.resolve();
  localStorage.clear();
  const model: Model = {
    shown: {},
    dismissed: {},
    answered: {},
    automatic: {},
    session: { id: 'sess-0', last: Date.now(), n: 0 },
  };
  const problems: string[] = [];

  const sessionNow = () => {
    const now = Date.now();
    if (now - model.session.last >= SESSION_MS)
      model.session = { id: `sess-${++model.session.n}`, last: now, n: model.session.n };
    model.session.last = now;
    return model.session.id;
  };
  const inCooldown = (survey: Survey, now: number) => {
    const last = Math.max(model.shown[survey.id] ?? 0, model.dismissed[survey.id] ?? 0);
    return !!last && now - last < (survey.cooldownDays ?? 0) * DAY_MS;
  };
  /** The model's answer: may `survey` show automatically now, at a moment of `eventName` on `path`? */
  const mayShow = (survey: Survey, path: string, eventName: string | undefined) => {
    const when = survey.when ?? {};
    if (when.pages && !matchPages(when.pages, path).ok) return false;
    if ((when.event ?? undefined) !== eventName || when.delayMs) return false;
    if (model.answered[survey.id]) return false;
    if (inCooldown(survey, Date.now())) return false;
    return (model.automatic[model.session.id] ?? 0) < MAX_PER_SESSION;
  };

  const tabs: Tab[] = [];
  const event = (t: Tab, type: EventType, extra: Partial<JourneyEvent> = {}) =>
    t.triggers._onEvent({
      id: `e${Math.random()}`,
      type,
      ts: Date.now(),
      anonymousId: 'anon',
      sessionId: sessionNow(),
      page: { url: `https://shop.example${t.path}`, path: t.path },
      ...extra,
    });
  const open = (index: number): Tab => {
    const t = { path: '/', open: undefined, dues: [] } as unknown as Tab;
    const host: TriggerHost = {
      _config: CONFIG,
      _where: () => ({ path: t.path, stage: undefined }),
      _anonymousId: () => 'anon',
      _consented: () => true,
      // The widget: shows what is due when nothing is open in its tab, and reports it.
      _signal: (type, payload) => {
        if (type !== 'survey_due') return;
        const due = payload as SurveyDue;
        t.dues.push(due);
        if (t.open !== undefined) {
          if (!due.forced) problems.push(`${due.survey.id} due while ${t.open} is open in tab ${index}`);
          return;
        }
        const now = Date.now();
        if (!due.forced) {
          if (model.answered[due.survey.id]) problems.push(`${due.survey.id} due again after its answer`);
          if (inCooldown(due.survey, now)) problems.push(`${due.survey.id} due inside its cooldown`);
          const count = (model.automatic[model.session.id] ?? 0) + 1;
          model.automatic[model.session.id] = count;
          if (count > MAX_PER_SESSION) problems.push(`${count} automatic prompts in one session`);
        }
        model.shown[due.survey.id] = now;
        t.open = due.survey.id;
        event(t, 'survey_shown', { props: { surveyId: due.survey.id, metric: due.survey.metric } });
      },
      _record: () => {},
      _store: createStore(() => {}, true),
      _warn: () => {},
    };
    t.triggers = createTriggers(host);
    return t;
  };
  tabs.push(open(0), open(1));

  for (const s of steps) {
    if (s.kind === 'clock') {
      // Timers due meanwhile fire (the delayed survey), judged by the invariants like any due.
      // Each timer is a task of its own, as in a browser: the stores write between them.
      await vi.advanceTimersByTimeAsync(s.ms);
      continue;
    }
    const t = tabs[s.tab] as Tab;
    const before = t.dues.length;
    const wasOpen = t.open;
    switch (s.kind) {
      case 'view': {
        t.path = s.path;
        // Liveness, judged before the page view: the first survey the rules allow must show.
        const expected =
          wasOpen === undefined && SURVEYS.some((survey) => mayShow(survey, s.path, undefined));
        event(t, 'page');
        if (expected && t.dues.length === before)
          problems.push(
            `nothing shown on a page view of ${s.path} where a survey may show (step ${steps.indexOf(s)}) ${JSON.stringify(t.triggers._explain().map((e) => [e.id, e.reasons.filter((r) => !r.ok)]))}`,
          );
        break;
      }
      case 'track': {
        const expected = wasOpen === undefined && SURVEYS.some((survey) => mayShow(survey, t.path, s.name));
        event(t, 'track', { name: s.name });
        if (expected && t.dues.length === before) problems.push(`nothing shown on ${s.name} at ${t.path}`);
        break;
      }
      case 'dismiss':
        if (t.open === undefined) break;
        model.dismissed[t.open] = Date.now();
        event(t, 'survey_dismissed', { props: { surveyId: t.open, metric: 'nps' } });
        t.open = undefined;
        break;
      case 'answer':
        if (t.open === undefined) break;
        model.answered[t.open] = Date.now();
        event(t, 'survey_answered', { props: { surveyId: t.open, metric: 'nps', score: 9 } });
        // An empty follow-up: the widget says the prompt closed.
        t.triggers._closed(t.open);
        t.open = undefined;
        break;
      case 'show':
        t.triggers._show(s.id);
        break;
      case 'reload':
        await Promise.resolve();
        tabs[s.tab] = open(s.tab);
        (tabs[s.tab] as Tab).path = t.path;
        break;
      case 'switch':
        break;
    }
    // Every step ends its task: the stores write behind, and the other tab may run next.
    await Promise.resolve();
  }
  return problems;
}

describe('survey rules, property-based, two tabs sharing storage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(Date.UTC(2026, 0, 1));
  });
  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('never two prompts at once in a tab, never inside a cooldown or after an answer, never over maxPerSession, and always shows what may show', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        vi.setSystemTime(Date.UTC(2026, 0, 1));
        expect(await run(steps)).toEqual([]);
      }),
      {
        numRuns: 300,
        examples: [
          [
            [
              { kind: 'clock', ms: DAY_MS },
              { kind: 'track', tab: 1, name: 'noise' },
              { kind: 'view', tab: 0, path: '/b' },
              { kind: 'dismiss', tab: 0 },
              { kind: 'clock', ms: DAY_MS },
              { kind: 'dismiss', tab: 1 },
              { kind: 'view', tab: 0, path: '/b' },
            ],
          ],
        ],
      },
    );
  }, 30_000);
});
