// The core README's size figure is measured, not copied: this keeps it equal to what
// scripts/size.mjs measures for the same import. Needs the packages built (`pnpm test` builds
// first); skipped when nothing is built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const built = existsSync(join(root, 'packages/core/dist/index.js'));
const NAME = '@touchpoint/core { createTouchpoint, STAGES }';

describe.skipIf(!built)('packages/core/README.md', () => {
  it('states the brotli size that scripts/size.mjs measures for { createTouchpoint, STAGES }', async () => {
    const { measure, sizeBudgets } = await import(/* @vite-ignore */ join(root, 'scripts/size.mjs'));
    const budget = sizeBudgets.find((b: { name: string }) => b.name === NAME);
    const { brotli } = await measure(budget);
    const readme = readFileSync(join(root, 'packages/core/README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.includes('`{ createTouchpoint, STAGES }`'));
    expect(row?.match(/([\d,]+) B/)?.[1]).toBe(brotli.toLocaleString('en-US'));
  });
});
