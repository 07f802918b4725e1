import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Unit tests run against the TypeScript sources; the size check and the e2e suite run
// against the built files, so what ships is also what is measured and driven.
// `@touchpoint/<pkg>` → its src/index.ts; `@touchpoint/<pkg>/<entry>` → src/<entry>.ts
// (core/rules, adapter/segment, adapter/posthog).
const alias = [
  { find: /^@touchpoint\/([a-z]+)$/, replacement: here('./packages/$1/src/index.ts') },
  { find: /^@touchpoint\/([a-z]+)\/([a-z-]+)$/, replacement: here('./packages/$1/src/$2.ts') },
];

// Tests run the development build of the sources, developer diagnostics included (types/dev.d.ts):
// a global set before each file, as Vite 8 leaves `define` unreplaced in the modules vitest runs.
const setupFiles = [here('./tests/dev-build.ts')];

// The SDK's own console messages (`[touchpoint] …`, some with an error and its stack) are what
// many tests provoke on purpose, and they assert them through spies; printed, they would bury a
// real failure. TOUCHPOINT_TEST_LOGS=1 shows them.
const showSdkLogs = process.env.TOUCHPOINT_TEST_LOGS === '1';

export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    restoreMocks: true,
    onConsoleLog: (log) => (showSdkLogs || !log.includes('[touchpoint]') ? undefined : false),
    projects: [
      {
        resolve: { alias },
        test: {
          setupFiles,
          name: 'dom',
          globals: true,
          environment: 'happy-dom',
          include: ['tests/{core,widget,script,react}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', 'tests/core/**/*.node.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          setupFiles,
          name: 'node',
          globals: true,
          environment: 'node',
          // Some files open an embedded PostgreSQL (PGlite) or start a server before their tests.
          hookTimeout: 60_000,
          include: [
            'tests/{adapter,demo,cli,collector,docs,scripts}/**/*.test.{ts,tsx}',
            'tests/core/**/*.node.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'e2e',
          globals: true,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
