import type { ListenerMap, SurveyDue, Touchpoint } from '@touchpoint/core';
import type { WidgetOptions } from '@touchpoint/widget';
import type { MountWidget } from '../handshake';

/**
 * Loads the widget only when a survey is first due, so pages without a prompt never pay for
 * Preact. The survey that triggered the load is not lost: the widget's own `survey_due`
 * subscription receives it as soon as it subscribes. A failed load is reported once and the
 * page carries on without prompts.
 */
export function lazyWidget(tp: Touchpoint, load: () => Promise<MountWidget>, options: WidgetOptions): void {
  let pending: SurveyDue | undefined;
  let started = false;
  const off = tp.on('survey_due', (due) => {
    // Surveys due while the file loads are dropped, as the widget drops one due while another
    // is open; the core offers them again at their next eligible moment.
    if (started) return;
    started = true;
    pending = due;
    load()
      .then((mount) => {
        off();
        mount(
          {
            record: (type, props) => tp.record(type, props),
            on: <K extends keyof ListenerMap>(type: K, fn: ListenerMap[K]) => {
              const unsubscribe = tp.on(type, fn);
              if (type === 'survey_due' && pending) {
                const replay = pending;
                pending = undefined;
                (fn as ListenerMap['survey_due'])(replay);
              }
              return unsubscribe;
            },
          },
          options,
        );
      })
      .catch((error) => {
        off();
        console.error('[touchpoint] the survey widget could not load; no surveys show on this page', error);
      });
  });
}
