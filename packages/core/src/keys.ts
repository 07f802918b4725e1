// Every storage key of the core, defined once (STYLE.md 14). The store prefixes the
// localStorage keys with `tp_` (STORE_PREFIX); the preview's sessionStorage key is used as is.

/** Every key the core keeps in localStorage starts with this. */
export const STORE_PREFIX = 'tp_';

/** The visitor's anonymous id. */
export const ANONYMOUS_ID_KEY = 'aid';
/** The id given to `identify()`. */
export const USER_ID_KEY = 'uid';
/** The session record: id, last activity, page views and the journey trail. */
export const SESSION_KEY = 'session';
/** The visitor's consent decision: true, false, or absent when none was given. */
export const CONSENT_KEY = 'consent';
/** What the visitor has seen of the surveys (history.ts). */
export const HISTORY_KEY = 'history';
/** The `identify()` traits that the configuration's `when.user` names (trait-store.ts). */
export const TRAITS_KEY = 'traits';
/** The last good fetched configuration, with its URL (load-config.ts). */
export const CONFIG_KEY = 'config';

/** The URL parameter that starts a preview; also this tab's sessionStorage key for it. */
export const PREVIEW_KEY = 'tp_preview';
