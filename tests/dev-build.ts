// The sources read `__DEV__` (types/dev.d.ts), which rollup replaces in the builds.
// Unit tests run them as the development build: every developer diagnostic is asserted.
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
