// The shapes of the survey configuration product teams edit (schema/touchpoint.config.schema.json),
// part of the public types of @touchpoint/core (types.ts re-exports them).

/** The survey metrics and their conventional scales: NPS 0–10, CSAT 1–5, CES 1–7. */
export type Metric = 'nps' | 'csat' | 'ces';

/** Score bands: NPS detractor / passive / promoter, CSAT and CES low / mid / high. */
export type Band = 'low' | 'mid' | 'high';

/** A survey text: one string for every language, or one per language tag (`{ "en": "…", "ar": "…" }`). */
export type Localized = string | Record<string, string>;

/**
 * A condition on one `identify()` trait: equal to a value, equal to any value of a list, or a
 * number inside every given bound. An absent trait never matches.
 */
export type TraitCondition =
  | string
  | number
  | boolean
  | (string | number | boolean)[]
  | { gt?: number; gte?: number; lt?: number; lte?: number };

/** `when.user`: trait key → condition; every condition must hold. */
export type UserConditions = Record<string, TraitCondition>;

/** One survey of the configuration (schema/touchpoint.config.schema.json). */
export interface Survey {
  id: string;
  metric: Metric;
  question: Localized;
  when?: {
    pages?: string[];
    event?: string;
    stage?: string;
    delayMs?: number;
    afterPageViews?: number;
    /** Conditions on the traits given to `identify()`. */
    user?: UserConditions;
  };
  /** ISO 8601; a date without a time is midnight UTC. The survey runs from this instant on. */
  startsAt?: string;
  /** ISO 8601; a date without a time is midnight UTC. The survey runs until just before this instant. */
  endsAt?: string;
  /** When several surveys are due at once, the highest wins; equal priorities keep file order (default 0). */
  priority?: number;
  /** Share of eligible visitors who see it, 0–1 (default 1). */
  sample?: number;
  /** Days before a dismissed (or shown) survey may show again. */
  cooldownDays?: number;
  /** Days before an answered survey may show again; never when absent. */
  repeatAfterDays?: number;
  followUp?: Partial<Record<Band, Localized>>;
  links?: Partial<Record<Band, { label: Localized; url: string }>>;
  /** Overrides of any built-in text of the prompt, for this survey (keys of the widget's locale table). */
  strings?: Record<string, Localized>;
}

/** The configuration product teams edit (schema/touchpoint.config.schema.json). */
export interface TouchpointConfig {
  version: 1;
  /** Page globs → stage; the most specific match wins. */
  stages?: Record<string, string>;
  surveys?: Survey[];
  limits?: { maxPerSession?: number; minDaysBetweenSurveys?: number };
  /**
   * Origins besides the page's own that may serve a draft for `?tp_preview=<url>`
   * (`https://cms.example.com`); read from the published configuration only.
   */
  previewOrigins?: string[];
}
