// `@touchpoint/core/dom`: the page helpers an npm app shares with the script tag.
export { trackClicks } from './track-clicks.js';
