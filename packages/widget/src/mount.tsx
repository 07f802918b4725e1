/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: h() calls use Preact's createElement, which render() already ships, instead of
// bundling preact/jsx-runtime as well, and pass children as arguments, not `children:` props.
import { signal } from '@preact/signals';
import type { SurveyDue, Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: h is what the JSX pragma above compiles to
import { h, render } from 'preact';
import { checkAccent } from './accent.js';
import { checkSurvey } from './check-survey.js';
import { followUpCss } from './FollowUp.css.js';
import { resolveLocale } from './locale.js';
import { en, type Strings } from './locales/en.js';
import { promptCss } from './Prompt.css.js';
import { Root, type Showing } from './Root.js';
import { scoreScaleCss } from './ScoreScale.css.js';
import { applyStyles } from './stylesheet.js';
import { thankYouCss } from './ThankYou.css.js';
import { themeCss } from './theme.css.js';
import { refuse, warnOnce } from './warn.js';

/** Options of {@link mountWidget}; every default is in {@link WIDGET_DEFAULTS}. */
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

/** What {@link mountWidget} returns. */
export interface Widget {
  /**
   * Removes the host element, its listener and timers. A prompt on screen closes as if
   * dismissed (`survey_dismissed`, unless only its thank-you was left), so the core knows.
   */
  destroy(): void;
}

const POSITIONS = ['bottom-right', 'bottom-left', 'center', 'inline'];
const THEMES = ['light', 'dark', 'auto'];

/** The widget mounted on each instance: a second mountWidget() returns it instead of stacking prompts. */
const mounted = new WeakMap<object, Widget>();

/** The focused element, looking into shadow roots (the page's own widgets may use them). */
function focusedElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/**
 * A survey forced with `show()` while the page has a user activation (a click or key press on
 * "Give feedback" moments ago) was opened by the person. Where the browser cannot tell
 * (no `navigator.userActivation`), a forced survey counts as opened by the person.
 */
function openedByPerson(due: SurveyDue): boolean {
  const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
  return !!due?.forced && (activation?.isActive ?? true);
}

/**
 * Shows NPS / CSAT / CES prompts when the core says a survey is due, one at a time, and
 * records what people answer through `tp.record`. Never throws into the host page. Mounted
 * twice on one instance, it warns once and returns the first widget.
 */
export function mountWidget(
  tp: Pick<Touchpoint, 'on' | 'record'> & Partial<Pick<Touchpoint, 'closed'>>,
  options: WidgetOptions = {},
): Widget {
  // Server rendering: nothing to mount on, and nothing to say about it.
  if (typeof document === 'undefined') return { destroy() {} };
  try {
    const existing = mounted.get(tp);
    if (existing) {
      warnOnce('mounted', 'mountWidget: already mounted on this instance; the first widget is returned.');
      return existing;
    }
    const settings = { ...WIDGET_DEFAULTS, ...options };
    let theme = settings.theme;
    if (!THEMES.includes(theme)) {
      refuse('theme', theme, 'auto', __DEV__ && 'light|dark|auto');
      theme = 'auto';
    }
    let position = settings.position;
    if (!POSITIONS.includes(position) || (position === 'inline' && !settings.container)) {
      refuse(
        'position',
        position,
        'bottom-right',
        __DEV__ && 'bottom-right|bottom-left|center, or inline with a container',
      );
      position = 'bottom-right';
    }
    const accent = checkAccent(settings.accent);
    // A custom element name: unknown to the page's CSS, inline and empty, so it takes no space.
    const host = document.createElement('touchpoint-widget');
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(
      shadow,
      themeCss(accent) + promptCss() + scoreScaleCss() + followUpCss() + thankYouCss(),
      settings.nonce,
    );
    // Preact removes children it did not render from its parent, so it gets a node of its own
    // next to a fallback <style>.
    const root = document.createElement('div');
    shadow.append(root);
    ((position === 'inline' && settings.container) || document.body).append(host);

    const locale = resolveLocale(settings.locale, settings.locales);
    const current = signal<Showing | null>(null);
    // Every way a prompt leaves the screen (Close, Escape, Send with an empty follow-up, the
    // thank-you closing, destroy()) tells the core, which holds other surveys while one is open.
    // A prompt done asking (only its thank-you left) counts as closed too.
    let onScreen: string | undefined;
    const closed = (surveyId: string) => {
      if (onScreen !== surveyId) return;
      onScreen = undefined;
      try {
        // An older core has no closed(): it learns of the close from the survey events alone.
        tp.closed?.(surveyId);
      } catch (error) {
        warnOnce('closed', `close not reported: ${error}`);
      }
    };
    const unwatch = current.subscribe((showing) => {
      if (onScreen !== undefined && onScreen !== showing?.survey.id) closed(onScreen);
      onScreen = showing?.survey.id;
    });
    const record: Touchpoint['record'] = (type, props) => {
      try {
        tp.record(type, props);
      } catch (error) {
        warnOnce(`record:${type}`, `${type} not recorded: ${error}`);
      }
    };
    const off = tp.on('survey_due', (due: SurveyDue) => {
      // One prompt at a time. A survey due while another is open is dropped, not queued: two
      // prompts in a row is the fatigue the limits exist to prevent, and since it was never
      // shown the core can offer it again at its next eligible moment.
      if (current.value) {
        if (due?.forced)
          warnOnce(`busy:${due.survey?.id}`, `survey "${due.survey?.id}" not shown: a prompt is open.`);
        return;
      }
      const survey = checkSurvey(due?.survey, locale.tag);
      const byPerson = openedByPerson(due);
      current.value = survey && { survey, byPerson, opener: byPerson ? focusedElement() : undefined };
    });
    render(
      <Root
        current={current}
        locale={locale}
        look={`tp-${theme} tp-${position}`}
        record={record}
        closed={closed}
      />,
      root,
    );

    let destroyed = false;
    const widget: Widget = {
      destroy() {
        if (destroyed) return;
        destroyed = true;
        mounted.delete(tp);
        off();
        render(null, root);
        current.value = null;
        unwatch();
        host.remove();
      },
    };
    mounted.set(tp, widget);
    return widget;
  } catch (error) {
    warnOnce('mount', `widget not started: ${error}`);
    return { destroy() {} };
  }
}
