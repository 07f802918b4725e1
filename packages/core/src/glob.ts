// Page globs of the survey configuration (SPEC "Survey configuration"): `*` is one path
// segment, `**` any depth (zero segments included, so `/checkout/**` also matches
// `/checkout`), a leading `!` excludes. A glob compiles once to a RegExp; an object without
// a prototype holds the compiled ones (a glob such as `constructor` finds nothing inherited),
// marked pure so the import stays free of side effects.

/** A compiled page glob. */
export interface Glob {
  re: RegExp;
  /** Higher is more specific: literal segments beat `*`, `*` beats `**`. */
  score: number;
}

const compiled: Record<string, Glob> = /* @__PURE__ */ Object.create(null);

/**
 * `/a//b/` → `/a/b`; percent-encoded characters decoded, except reserved ones such as
 * `%2F`, which `decodeURI` leaves alone so a segment never splits in two.
 */
export function normalizePath(path: string): string {
  let p = path;
  try {
    p = decodeURI(p);
  } catch {
    // A malformed escape (`%E0%A4%A`) is compared as written rather than thrown.
  }
  p = `/${p}`.replace(/\/+/g, '/');
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

/** Compiles a glob (without its `!`) once; later calls return the same object. */
export function compileGlob(glob: string): Glob {
  let g = compiled[glob];
  if (!g) {
    let score = 0;
    let source = '^';
    for (const segment of normalizePath(glob).slice(1).split('/')) {
      if (segment === '**') {
        source += '(?:/[^/]+)*';
        continue;
      }
      const literal = segment.replace(/\*/g, '');
      // Each literal segment weighs 3, a partial wildcard (`*.html`) 2, a bare `*` 1;
      // literal characters break ties between equal shapes.
      score += (segment === literal ? 3 : literal ? 2 : 1) * 1000 + literal.length;
      source += `/${segment
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join(segment === '*' ? '[^/]+' : '[^/]*')}`;
    }
    g = compiled[glob] = { re: new RegExp(`${source}/?$`), score };
  }
  return g;
}

/** The first glob of `globs` that decides `path`: an exclusion that matches, else an inclusion. */
export function matchPages(globs: readonly string[], path: string): { ok: boolean; by?: string } {
  const p = normalizePath(path);
  let included: string | undefined;
  let inclusions = 0;
  for (const glob of globs) {
    const negated = glob[0] === '!';
    if (negated) {
      if (compileGlob(glob.slice(1)).re.test(p)) return { ok: false, by: glob };
    } else {
      inclusions++;
      if (included === undefined && compileGlob(glob).re.test(p)) included = glob;
    }
  }
  // Only exclusions (`["!/admin/**"]`) means every other page.
  return included !== undefined ? { ok: true, by: included } : { ok: inclusions === 0 };
}

/** The stage of the most specific glob of `stages` that matches `path`; the first wins ties. */
export function stageFor(
  stages: Readonly<Record<string, string>> | undefined,
  path: string,
): string | undefined {
  const p = normalizePath(path);
  let best: string | undefined;
  let bestScore = -1;
  for (const glob in stages) {
    const g = compileGlob(glob);
    if (g.score > bestScore && g.re.test(p)) {
      best = stages[glob];
      bestScore = g.score;
    }
  }
  return best;
}
