// A readable difference between two configurations: one line per field that changed, named
// by a path a product team reads (`surveys["checkout-csat"].when.pages`), with the value
// before and after. Surveys are matched by id, not position, so moving one is not reported
// as every survey changing; other lists (pages, origins) are compared whole.

export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** Absent for `added`. */
  before?: unknown;
  /** Absent for `removed`. */
  after?: unknown;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const join = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/** Surveys keyed by id (a survey without a usable id keeps its position as its key). */
const byId = (list: unknown[]): Map<string, unknown> =>
  new Map(
    list.map((survey, i) => {
      const id = isObject(survey) && typeof survey.id === 'string' ? survey.id : `#${i}`;
      return [id, survey];
    }),
  );

function walk(before: unknown, after: unknown, path: string, out: Change[]) {
  if (same(before, after)) return;
  if (before === undefined) return void out.push({ path, kind: 'added', after });
  if (after === undefined) return void out.push({ path, kind: 'removed', before });
  if (path === 'surveys' && Array.isArray(before) && Array.isArray(after)) {
    const a = byId(before);
    const b = byId(after);
    for (const id of new Set([...a.keys(), ...b.keys()]))
      walk(a.get(id), b.get(id), `surveys[${JSON.stringify(id)}]`, out);
    const order = (m: Map<string, unknown>) => [...m.keys()].filter((id) => a.has(id) && b.has(id));
    if (!same(order(a), order(b)))
      out.push({ path: 'surveys (order)', kind: 'changed', before: order(a), after: order(b) });
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      walk(before[key], after[key], join(path, key), out);
    return;
  }
  out.push({ path, kind: 'changed', before, after });
}

/** Every change from `before` to `after`, in the order of the fields. */
export function diffConfigs(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, '', out);
  return out;
}
