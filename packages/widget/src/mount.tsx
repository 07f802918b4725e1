/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: h() calls use Preact's createElement, which render() already ships, instead of
// bundling preact/jsx-runtime as well, and pass children as arguments, not `children:` props.
import { signal } from '@preact/signals';
import type { Survey, SurveyDue, Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: h is what the JSX pragma above compiles to
import { h, render } from 'preact';
import { checkSurvey } from './check-survey.js';
import { followUpCss } from './FollowUp.css.js';
import { resolveLocale } from './locale.js';
import { en, type Strings } from './locales/en.js';
import { promptCss } from './Prompt.css.js';
import { Root } from './Root.js';
import { scoreScaleCss } from './ScoreScale.css.js';
import { applyStyles } from './stylesheet.js';
import { refuse, warnOnce } from './warn.js';

/** Options of {@link mountWidget}; every default is in {@link WIDGET_DEFAULTS}. */
export interface WidgetOptions {
  /** `auto` follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'auto';
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
  locale: '',
  locales: { en },
  position: 'bottom-right',
  container: null,
  nonce: '',
};

/** What {@link mountWidget} returns. */
export interface Widget {
  /** Removes the host element, its listener and timers; a prompt on screen goes without an event. */
  destroy(): void;
}

const POSITIONS: Record<string, string> = {
  'bottom-right': 'br',
  'bottom-left': 'bl',
  center: 'c',
  inline: 'i',
};
const THEMES = ['light', 'dark', 'auto'];

/**
 * Shows NPS / CSAT / CES prompts when the core says a survey is due, one at a time, and
 * records what people answer through `tp.record`. Never throws into the host page.
 */
export function mountWidget(tp: Pick<Touchpoint, 'on' | 'record'>, options: WidgetOptions = {}): Widget {
  try {
    const o = { ...WIDGET_DEFAULTS, ...options };
    let theme = o.theme;
    if (!THEMES.includes(theme)) {
      refuse('theme', theme, 'auto', __DEV__ && 'light|dark|auto');
      theme = 'auto';
    }
    let position = POSITIONS[o.position];
    if (!position || (position === 'i' && !o.container)) {
      refuse(
        'position',
        o.position,
        'bottom-right',
        __DEV__ && 'bottom-right|bottom-left|center, or inline with a container',
      );
      position = 'br';
    }
    // A custom element name: unknown to the page's CSS, inline and empty, so it takes no space.
    const host = document.createElement('touchpoint-widget');
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(shadow, promptCss() + scoreScaleCss() + followUpCss(), o.nonce);
    // Preact removes children it did not render from its parent, so it gets a node of its own
    // next to a fallback <style>.
    const root = document.createElement('div');
    shadow.append(root);
    ((position === 'i' && o.container) || document.body).append(host);

    const current = signal<Survey | null>(null);
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
      current.value = checkSurvey(due?.survey);
    });
    render(
      <Root
        current={current}
        locale={resolveLocale(o.locale, o.locales)}
        look={`${theme} ${position}`}
        record={record}
      />,
      root,
    );

    let destroyed = false;
    return {
      destroy() {
        if (destroyed) return;
        destroyed = true;
        off();
        render(null, root);
        host.remove();
      },
    };
  } catch (error) {
    warnOnce('mount', `widget not started: ${error}`);
    return { destroy() {} };
  }
}
