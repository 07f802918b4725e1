// Whether two page globs can match the same path, and one such path. Globs are sequences
// of segments (`**` = any number of segments) and each segment a pattern where `*` is any
// run of characters; both levels are intersected the same way, by a breadth-first search
// over pairs of positions, as one would walk the product of two automata. The proposed
// path is only a candidate: callers confirm it with the real `matchPages`, so a corner
// this search treats loosely (a bare `*` needs at least one character) never yields a
// false overlap, only, at worst, a missed one.
import { normalizePath } from './glob.js';

type Move<T> = [i: number, j: number, emit: T | undefined];

/** Shortest sequence of emitted values leading from (0, 0) to (a, b), if any. */
function search<T>(a: number, b: number, moves: (i: number, j: number) => Move<T>[]): T[] | undefined {
  const parent = new Map<number, [from: number, emit: T | undefined]>();
  const key = (i: number, j: number) => i * (b + 1) + j;
  const queue = [0];
  parent.set(0, [-1, undefined]);
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q] as number;
    const i = Math.floor(at / (b + 1));
    const j = at % (b + 1);
    if (i === a && j === b) {
      const out: T[] = [];
      for (let k = at; k > 0; ) {
        const [from, emit] = parent.get(k) as [number, T | undefined];
        if (emit !== undefined) out.unshift(emit);
        k = from;
      }
      return out;
    }
    for (const [ni, nj, emit] of moves(i, j)) {
      const next = key(ni, nj);
      if (!parent.has(next)) {
        parent.set(next, [at, emit]);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * A string matched by both segment patterns (`*` any characters), if there is one; `filler`
 * stands for a wildcard that must match something.
 */
export function commonSegment(p: string, q: string, filler = 'x'): string | undefined {
  const chars = search<string>(p.length, q.length, (i, j) => {
    const x = p[i];
    const y = q[j];
    const moves: Move<string>[] = [];
    if (x === '*') moves.push([i + 1, j, undefined]);
    if (y === '*') moves.push([i, j + 1, undefined]);
    if (x !== undefined && y !== undefined) {
      if (x !== '*' && y !== '*' && x === y) moves.push([i + 1, j + 1, x]);
      else if (x !== '*' && y === '*') moves.push([i + 1, j, x]);
      else if (x === '*' && y !== '*') moves.push([i, j + 1, y]);
    }
    return moves;
  });
  if (!chars) return undefined;
  // Two bare wildcards meet in the empty string, but a path segment is never empty.
  return chars.length || !p || !q ? chars.join('') : filler;
}

const segments = (glob: string) => normalizePath(glob).slice(1).split('/');
const fill = (segment: string, filler: string) => segment.replace(/\*+/g, filler);

/**
 * A path both globs (without `!`) may match, or undefined when they cannot overlap. Wildcards
 * are filled with `filler`, so a second call with another one gives another path.
 */
export function commonPath(a: string, b: string, filler = 'x'): string | undefined {
  const A = segments(a);
  const B = segments(b);
  const path = search<string>(A.length, B.length, (i, j) => {
    const x = A[i];
    const y = B[j];
    const moves: Move<string>[] = [];
    if (x === '**') moves.push([i + 1, j, undefined]);
    if (y === '**') moves.push([i, j + 1, undefined]);
    if (x !== undefined && y !== undefined) {
      if (x !== '**' && y !== '**') {
        const s = commonSegment(x, y, filler);
        if (s !== undefined) moves.push([i + 1, j + 1, s]);
      } else if (x !== '**') moves.push([i + 1, j, fill(x, filler)]);
      else if (y !== '**') moves.push([i, j + 1, fill(y, filler)]);
    }
    return moves;
  });
  return path && `/${path.join('/')}`;
}
