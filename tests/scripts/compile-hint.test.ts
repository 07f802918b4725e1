// dist/touchpoint.js asks Chromium to compile it while it streams (rollup.config.mjs,
// `compileEagerly`): the hint must be the file's first line, and the source map must still
// point each name at its place in the sources after the line it adds. Reads the built files
// (`pnpm test` builds first).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');

describe('dist/touchpoint.js', () => {
  const lines = read('touchpoint.js').split('\n');

  it('starts with the compile hint, on a line of its own', () => {
    expect(lines[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(lines[1]).toMatch(/^!function\(\)\{/);
  });

  it('maps through its source map to the sources, one line down', () => {
    const map = new SourceMap(JSON.parse(read('touchpoint.js.map')));
    const column = lines[1]?.indexOf('localStorage') ?? -1;
    expect(column).toBeGreaterThan(0);
    const entry = map.findEntry(1, column) as { originalSource?: string; name?: string };
    expect(entry.originalSource).toMatch(/packages\/core\/src\/store\.ts$/);
    expect(entry.name).toBe('localStorage');
  });

  it('is the only shipped file that carries it', () => {
    for (const file of ['touchpoint-widget.js', 'touchpoint-debug.js', 'touchpoint.dev.js'])
      expect(read(file)).not.toContain('allFunctionsCalledOnLoad');
  });
});
