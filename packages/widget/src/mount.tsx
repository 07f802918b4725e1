/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: h() calls use Preact's createElement, which render() already ships, instead of
// bundling preact/jsx-runtime as well, and pass children as arguments, not `children:` props.
import { signal } from '@preact/signals';
import type { SurveyDue, Touchpoint } from '@touchpoint/core';
// biome-ignore lint/correctness/noUnusedImports: h is what the JSX pragma above compiles to
import { h, render } from 'preact';
import { checkSurvey } from './check-survey.js';
import { followUpCss } from './FollowUp.css.js';
import { resolveLocale } from './locale.js';
import { focusedElement, openedByPerson } from './opener.js';
import { promptCss } from './Prompt.css.js';
import { Root, type Showing } from './Root.js';
import { scoreScaleCss } from './ScoreScale.css.js';
import { applyStyles } from './stylesheet.js';
import { thankYouCss } from './ThankYou.css.js';
import { themeCss } from './theme.css.js';
import { warnOnce } from './warn.js';
import { readOptions, type Widget, type WidgetOptions } from './widget-options.js';

/** The widget mounted on each instance: a second mountWidget() returns it instead of stacking prompts. */
const mounted = new WeakMap<object, Widget>();

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
    const settings = readOptions(options);
    const { theme, position, accent } = settings;
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
