// Every sentence the preview banner and the debug overlay show, in one table (STYLE.md 12).
// English only: the audience is the site's own product team, not its visitors.
export const DEBUG_TEXT = {
  banner: 'Touchpoint preview — answers are not recorded',
  exit: 'Exit preview',
  title: 'Touchpoint debug',
  close: 'Close debug overlay',
  config: 'configuration',
  draft: 'draft',
  eligible: 'eligible',
  notEligible: 'not eligible',
  ok: 'passes: ',
  fails: 'fails: ',
  showsNow: (id: string) => `${id} shows now`,
  afterDelay: (id: string, seconds: string) => `${id} shows after its delay (${seconds} s)`,
  onEvent: (id: string, event: string) => `${id} shows on the next matching event \`${event}\``,
  onEventWithStage: (id: string, event: string, stage: string) =>
    `${id} shows on the next matching event \`${event}\` with stage \`${stage}\``,
  onEventWithOtherStage: (id: string, event: string, stages: string) =>
    `${id} shows on the next matching event \`${event}\` with a stage other than ${stages}`,
  onPageView: (id: string) => `${id} shows on the next page view`,
  decided: 'this page view has picked its survey',
  none: 'No survey would show here now',
  noSurveys: 'No surveys configured (yet)',
};
