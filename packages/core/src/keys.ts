// Storage keys of the core, defined once (STYLE.md 14); the store prefixes them with `tp_`.
export const ANONYMOUS_ID_KEY = 'aid';
export const USER_ID_KEY = 'uid';
export const SESSION_KEY = 'session';
export const CONSENT_KEY = 'consent';
