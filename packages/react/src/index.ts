// The public API of @touchpoint/react: exactly what this file exports (STYLE.md 1).
export { FeedbackButton, type FeedbackButtonProps } from './FeedbackButton.js';
export type { Parts } from './start-parts.js';
export { TouchpointProvider, type TouchpointProviderProps } from './TouchpointProvider.js';
export { useStage } from './use-stage.js';
export { useTouchpoint } from './use-touchpoint.js';
