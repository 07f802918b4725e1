import { join } from 'node:path';

/**
 * Imports a module of script/ by its path there (`tag/push.ts`). script/ is its own tsconfig
 * project, which tests/ does not reference (a noEmit project cannot be referenced), so each
 * test states the shape it uses. A path joined here, not `new URL(…, import.meta.url)`, which
 * Vite rewrites into a lookup of one folder level only.
 */
export const fromScript = <T>(file: string): Promise<T> =>
  import(/* @vite-ignore */ join(import.meta.dirname, '../../script', file)) as Promise<T>;
