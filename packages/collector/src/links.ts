// The entry `@touchpoint/collector/links` (its own file, as the package's other entries are).
export * from './links/index.js';
