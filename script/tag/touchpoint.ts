// The entry of dist/touchpoint.js, the script tag (SPEC "Script tag"): the only place where
// the core, the adapter and the widget are wired together (STYLE.md 4). It creates the
// instance from the tag's data-* attributes, sends its events to data-endpoint, loads the
// widget when a survey is first due, tags clicks, replays the calls queued before it loaded
// and becomes window.Touchpoint.
import { connect } from '@touchpoint/adapter';
import { createTouchpoint, previewConfig } from '@touchpoint/core';
import { trackClicks } from '@touchpoint/core/dom';
import { hasDebugParam } from '@touchpoint/core/rules';
import { DEBUG_GLOBAL } from '../handshake';
import { lazyWidget } from '../widget-loader/lazy-widget';
import { loadWidget } from '../widget-loader/load-widget';
import { prefetchWidget } from '../widget-loader/prefetch-widget';
import { widgetUrl } from '../widget-loader/widget-url';
import { findTag } from './find-tag';
import { type Call, type ScriptTouchpoint, withPush } from './push';
import { readTag } from './tag-options';

declare global {
  interface Window {
    Touchpoint?: ScriptTouchpoint | Call[];
  }
}

const warn = (message: string) => console.warn(`[touchpoint] ${message}`);

const start = () => {
  let queued: unknown = window.Touchpoint;
  // A page element with id="Touchpoint" is window.Touchpoint too (named access): neither a
  // queue nor an instance. The instance takes the name; the element stays in the page.
  if (queued instanceof Element || queued instanceof HTMLCollection) {
    warn(
      'a page element has id="Touchpoint", which is also window.Touchpoint; the instance replaces it there (give the element another id)',
    );
    queued = undefined;
  }
  if (queued && !Array.isArray(queued))
    return warn('touchpoint.js was loaded twice; the first instance stays and this copy does nothing');
  const tag = readTag(findTag(), document.baseURI, warn);
  // The script tag previews drafts (`?tp_preview=`) for product teams; see previewConfig.
  const tp = createTouchpoint({ ...tag.create, config: previewConfig(tag.create.config) });
  // Wired before the queue replays, so queued events are delivered and a queued show() prompts.
  if (tag.endpoint) connect(tp, { endpoint: tag.endpoint });
  else warn('no data-endpoint on the script tag; events are recorded on this page but not sent');
  // The page's language file, else the English one: a site that serves only touchpoint-widget.js
  // still shows its prompts (in English) rather than none.
  lazyWidget(
    tp,
    () => {
      const url = widgetUrl(tag.widgetUrl, tag.widget.locale);
      const english = () => loadWidget(tag.widgetUrl, tag.nonce);
      return url === tag.widgetUrl
        ? english()
        : loadWidget(url, tag.nonce).catch(() => {
            warn(`${url} did not load; the English widget file is used`);
            return english();
          });
    },
    tag.widget,
  );
  // Where a survey waits for an event or a stage on this page, the file is fetched ahead.
  prefetchWidget(tp, () => widgetUrl(tag.widgetUrl, tag.widget.locale));
  trackClicks(tp);
  const live = withPush(tp);
  window.Touchpoint = live;
  live.push(...((queued as Call[] | undefined) ?? []));
  // The preview banner and the overlay live in their own file, fetched only when asked for.
  const overlay = hasDebugParam(location.search);
  if (overlay || tp.preview)
    // catch() after then(), so a mount that throws is reported too, not an unhandled rejection.
    loadWidget(tag.debugUrl, tag.nonce, DEBUG_GLOBAL)
      .then((mount) => mount(tp, { nonce: tag.nonce, overlay }))
      .catch((error) => console.error('[touchpoint] debug file: not loaded', error));
};

// Nothing throws into the host page, even a bug here.
try {
  start();
} catch (error) {
  console.error('[touchpoint] the script tag could not start', error);
}
