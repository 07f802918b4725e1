// The public API of @touchpoint/core: exactly what this file exports (STYLE.md 1).
export { CREATE_DEFAULTS, type CreateOptions } from './create-options.js';
export { CONSENT_BUFFER_LIMIT, createTouchpoint } from './create-touchpoint.js';
export { exitPreview, previewConfig } from './preview.js';
export { REDACTED, redactUrl } from './redact.js';
export { SANITIZE_LIMITS } from './sanitize.js';
export { SESSION_TIMEOUT_MS } from './session.js';
export { STAGES, type Stage } from './stages.js';
export { TRAIL_LENGTH } from './trail.js';
export type * from './types.js';
