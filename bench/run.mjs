// Runs every bench/*.bench.mjs in turn (each exports `run()` returning a row or rows of
// figures) and prints one table per bench. `pnpm bench` builds first.
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();

for (const file of files) {
  const { run } = await import(new URL(file, dir).href);
  const result = await run();
  const rows = Array.isArray(result) ? result : [result];
  console.log(`\n${file}`);
  console.table(Object.fromEntries(rows.map(({ name, ...figures }) => [name, figures])));
}
