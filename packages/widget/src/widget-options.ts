// The widget's options: what each means, every default in one constant, and the check that
// replaces a value the widget cannot use by its default, saying so.
import { checkAccent } from './accent.js';
import { en, type Strings } from './locales/en.js';
import { refuse } from './warn.js';

/** Options of `mountWidget`; every default is in {@link WIDGET_DEFAULTS}. */
export interface WidgetOptions {
  /** `auto` follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'auto';
  /**
   * The prompt's brand colour, any CSS colour (`#1a7f4b`, `rgb(26 127 75)`). Empty: the page's
   * `--tp-accent` custom property, else indigo. The dark theme derives a lighter shade from it,
   * and text on it is white or black, whichever contrasts more.
   */
  accent?: string;
  /** BCP 47 tag (`ar`, `es-MX`); empty: the page's `<html lang>`, then the browser's language. */
  locale?: string;
  /**
   * The string tables `locale` picks from, by language (`{ ar }`, or `LOCALES` for all built-in
   * ones); English is always there. Import only the languages the site needs.
   */
  locales?: Record<string, Partial<Strings>>;
  /** `inline` renders in `container`, in the page's flow, instead of floating. */
  position?: 'bottom-right' | 'bottom-left' | 'center' | 'inline';
  /** The element an `inline` prompt renders in. */
  container?: Element | null;
  /** CSP nonce for the `<style>` fallback where constructable stylesheets are missing. */
  nonce?: string;
}

export const WIDGET_DEFAULTS: Required<WidgetOptions> = {
  theme: 'auto',
  accent: '',
  locale: '',
  locales: { en },
  position: 'bottom-right',
  container: null,
  nonce: '',
};

/** What `mountWidget` returns. */
export interface Widget {
  /**
   * Removes the host element, its listener and timers. A prompt on screen closes as if
   * dismissed (`survey_dismissed`, unless only its thank-you was left), so the core knows.
   */
  destroy(): void;
}

const POSITIONS = ['bottom-right', 'bottom-left', 'center', 'inline'];
const THEMES = ['light', 'dark', 'auto'];

/**
 * The options with their defaults, a theme or position the widget does not know replaced by the
 * default (with a warning), and the accent checked (`checkAccent`).
 */
export function readOptions(options: WidgetOptions): Required<WidgetOptions> {
  const settings = { ...WIDGET_DEFAULTS, ...options };
  if (!THEMES.includes(settings.theme)) {
    refuse('theme', settings.theme, 'auto', __DEV__ && 'light|dark|auto');
    settings.theme = 'auto';
  }
  const { position } = settings;
  if (!POSITIONS.includes(position) || (position === 'inline' && !settings.container)) {
    refuse(
      'position',
      position,
      'bottom-right',
      __DEV__ && 'bottom-right|bottom-left|center, or inline with a container',
    );
    settings.position = 'bottom-right';
  }
  settings.accent = checkAccent(settings.accent);
  return settings;
}
