export { band } from './band';
export { LOCALES } from './locales/all';
export { ar } from './locales/ar';
export { de } from './locales/de';
export { en, type StringKey, type Strings } from './locales/en';
export { es } from './locales/es';
export { fr } from './locales/fr';
export { mountWidget, WIDGET_DEFAULTS, type Widget, type WidgetOptions } from './mount';
export { SCALES } from './scales';
