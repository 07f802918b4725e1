// The entry of dist/touchpoint-widget.js (and of each dist/touchpoint-widget.<lang>.js), loaded
// by dist/touchpoint.js when a survey is first due. It bundles Preact and the widget but not the
// core: the widget needs only the core's types, and the instance it drives comes from the first
// script (rollup.config.mjs refuses a value import of @touchpoint/core here, so a second copy
// can never slip in).
import { mountWidget } from '@touchpoint/widget';
import { WIDGET_GLOBAL } from '../handshake';
import { lang, table } from './widget-locale';

// The loader picked this file for the page's language (script/widget-loader/widget-url.ts), so that language
// is the default; a data-locale on the tag still comes through `options`.
window[WIDGET_GLOBAL] = (tp, options) =>
  mountWidget(tp, { locale: lang, locales: { [lang]: table }, ...options });
