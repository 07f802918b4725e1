import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Unit tests run against the TypeScript sources; the size check and the e2e suite run
// against the built files, so what ships is also what is measured and driven.
const alias = {
  // Before '@touchpoint/core', which would otherwise claim its subpath too.
  '@touchpoint/core/rules': fileURLToPath(new URL('./packages/core/src/rules.ts', import.meta.url)),
  '@touchpoint/core': src('core'),
  '@touchpoint/adapter': src('adapter'),
  '@touchpoint/widget': src('widget'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    restoreMocks: true,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'dom',
          globals: true,
          environment: 'happy-dom',
          include: ['tests/{core,widget,script}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', 'tests/core/**/*.node.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'node',
          globals: true,
          environment: 'node',
          include: ['tests/{adapter,demo,cli}/**/*.test.{ts,tsx}', 'tests/core/**/*.node.test.ts'],
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
