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
  showsNow: 'Shows now: ',
  next: 'Next: ',
  onEvent: ', on event ',
  none: 'No survey would show here now',
  noSurveys: 'No surveys configured (yet)',
};
