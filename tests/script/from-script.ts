/**
 * Imports a module of script/ by path. script/ is its own tsconfig project, which tests/ does
 * not reference (a noEmit project cannot be referenced), so each test states the shape it uses.
 */
export const fromScript = <T>(file: string): Promise<T> =>
  import(/* @vite-ignore */ new URL(`../../script/${file}`, import.meta.url).pathname) as Promise<T>;
