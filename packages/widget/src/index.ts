export { band } from './band.js';
export { LOCALES } from './locales/all.js';
export { ar } from './locales/ar.js';
export { de } from './locales/de.js';
export { en, type StringKey, type Strings } from './locales/en.js';
export { es } from './locales/es.js';
export { fr } from './locales/fr.js';
export { mountWidget, WIDGET_DEFAULTS, type Widget, type WidgetOptions } from './mount.js';
export { SCALES } from './scales.js';
