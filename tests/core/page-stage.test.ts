import { describe, expect, it } from 'vitest';
import {
  NO_STAGE,
  type StageState,
  stageCalled,
  stageNavigated,
  stageOfConfig,
  stageOfRoute,
  stageOfView,
} from '../../packages/core/src/page-stage';

const globs = () => 'from-globs';
const state = (name: string | undefined, explicit: boolean, fromGlobs: boolean): StageState => ({
  _name: name,
  _explicit: explicit,
  _fromGlobs: fromGlobs,
});

describe('stageOfView', () => {
  it.each<[string, StageState, string | null, StageState]>([
    ['takes a valid body tag', NO_STAGE, 'purchase', state('purchase', false, false)],
    ['falls back to the globs without a tag', NO_STAGE, null, state('from-globs', false, true)],
    ['falls back to the globs for an invalid tag', NO_STAGE, 'Not A Stage', state('from-globs', false, true)],
    ['keeps what stage() set on this page', state('use', true, false), 'purchase', state('use', true, false)],
  ])('%s', (_, before, tagged, after) => {
    expect(stageOfView(before, tagged, globs)).toEqual(after);
  });
});

describe('stageOfConfig', () => {
  it.each<[string, StageState, StageState]>([
    [
      'maps a stage that came from the globs again',
      state('old', false, true),
      state('from-globs', false, true),
    ],
    ['keeps a tagged stage', state('purchase', false, false), state('purchase', false, false)],
    ['keeps what stage() set', state('use', true, true), state('use', true, true)],
  ])('%s', (_, before, after) => {
    expect(stageOfConfig(before, globs)).toEqual(after);
  });
});

describe('stage() and navigation', () => {
  it('lets stage() win until the next navigation, then the page decides again', () => {
    const called = stageCalled(state('from-globs', false, true), 'use');
    expect(called).toEqual(state('use', true, true));
    expect(stageOfView(called, 'purchase', globs)._name).toBe('use');
    const navigated = stageNavigated(called);
    expect(navigated).toEqual(state('use', false, true));
    expect(stageOfView(navigated, 'purchase', globs)._name).toBe('purchase');
  });
});

describe('stageOfRoute', () => {
  it.each<[string, StageState, StageState]>([
    ["maps the new route's path", state('interest', false, true), state('from-globs', false, true)],
    [
      'replaces a tagged stage of the page before',
      state('purchase', false, false),
      state('from-globs', false, true),
    ],
    ['ends what stage() set on the page before', state('use', true, false), state('from-globs', false, true)],
  ])('%s', (_, before, after) => {
    expect(stageOfRoute(before, globs)).toEqual(after);
  });
});
