// The surveys of a configuration as the editor reads them: a list whatever the value holds.
import { objectAt } from './form-values.js';

export const surveysOf = (config: unknown): unknown[] => {
  const surveys = objectAt(config).surveys;
  return Array.isArray(surveys) ? surveys : [];
};

export const idOf = (survey: unknown) => objectAt(survey).id;

/** `config` with `surveys` in place of its surveys. */
export const withSurveys = (config: unknown, surveys: unknown[]) => ({ ...objectAt(config), surveys });
