// The e2e test page: the widget (from the built package) on a tiny fake core, driven from the
// test through window.__tp. Bundled by esbuild in tests/e2e/widget.test.ts.
import type { ListenerMap, Survey } from '@touchpoint/core';
import { LOCALES, mountWidget, type WidgetOptions } from '@touchpoint/widget';

type Due = ListenerMap['survey_due'];
const listeners = new Set<Due>();
const records: { type: string; props: unknown }[] = [];
let widget: { destroy(): void } | undefined;

const tp = {
  on: ((type: string, fn: Due) => {
    if (type === 'survey_due') listeners.add(fn);
    return () => listeners.delete(fn);
  }) as never,
  record: (type: string, props: unknown) => {
    records.push({ type, props });
  },
};

Object.assign(window, {
  __tp: {
    records,
    mount(options: WidgetOptions = {}) {
      widget?.destroy();
      const container = document.getElementById('inline');
      widget = mountWidget(tp, {
        locales: LOCALES,
        ...options,
        ...(options.position === 'inline' && { container }),
      });
    },
    show(survey: Survey, forced = false) {
      for (const fn of listeners) fn({ survey, forced });
    },
  },
});
