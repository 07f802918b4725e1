// The one language table built into a widget file. This module is dist/touchpoint-widget.js's
// (English); rollup.config.mjs replaces it in each dist/touchpoint-widget.<lang>.js with that
// language's table, so a page downloads the strings it shows and no others.
import { en, type Strings } from '@touchpoint/widget';

export const lang: string = 'en';
export const table: Partial<Strings> = en;
