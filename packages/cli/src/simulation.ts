// What `touchpoint simulate` counts, per survey and visitor, and the table it prints.
import type { RuleName } from '@touchpoint/core/rules';

/** Why a survey that was due did not show. */
export type Suppression = 'sample' | 'cooldown' | 'limits' | 'other';

/**
 * Counts of visitors, per survey. `eligible`: its page, event, stage and page-view
 * conditions held at least once. `shown`: shown at least once. `suppressed.<rule>`: at
 * least once held back by that rule while otherwise due, so one visitor may count under
 * several rules and under `shown` too (shown once, then held back by its cooldown).
 */
export interface SurveyTotals {
  id: string;
  eligible: number;
  shown: number;
  suppressed: Record<Suppression, number>;
}

/** The `--json` output: exactly this shape, which scripts may rely on. */
export interface Simulation {
  surveys: SurveyTotals[];
}

/** Rules that say whether the survey's moment has come at all (not counted as suppression). */
export const MOMENT = new Set<RuleName>([
  'consent',
  'pages',
  'event',
  'stage',
  'afterPageViews',
  'user',
  'startsAt',
  'endsAt',
]);
/** The other rules, by what the summary calls them; any rule not listed counts as `other`. */
export const SUPPRESSION: Partial<Record<RuleName, Suppression>> = {
  sample: 'sample',
  answered: 'cooldown',
  cooldown: 'cooldown',
  maxPerSession: 'limits',
  minDaysBetweenSurveys: 'limits',
};

/** The terminal table: one row per survey, counts of visitors. */
export function formatSimulation(result: Simulation): string[] {
  const head = ['survey', 'eligible', 'shown', 'sample', 'cooldown', 'limits', 'other'];
  const rows = result.surveys.map((s) => [
    s.id,
    ...[
      s.eligible,
      s.shown,
      s.suppressed.sample,
      s.suppressed.cooldown,
      s.suppressed.limits,
      s.suppressed.other,
    ].map(String),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number)))
      .join('  ');
  return [
    line(head),
    ...rows.map(line),
    '',
    'counts of visitors; sample … other: held back at least once by that rule (other: another survey first)',
  ];
}
