// A short name for one version of the survey configuration, so answers can be split by the
// configuration that produced them. Computed over canonical JSON (keys sorted at every
// depth), so re-indenting or reordering keys keeps the hash and any real edit changes it.
import { hash32 } from './hash32.js';

/**
 * JSON with object keys sorted at every depth, the way `JSON.stringify` would write the
 * value otherwise (`undefined` and functions left out of objects, `null` in arrays).
 * A cycle is written as `null` rather than thrown: this may run on a host page's object.
 */
export function canonicalJson(value: unknown): string {
  const ancestors: object[] = [];
  const write = (v: unknown): string | undefined => {
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
      v = (v as { toJSON: () => unknown }).toJSON();
    if (typeof v !== 'object' || v === null) return JSON.stringify(v);
    if (ancestors.includes(v)) return 'null';
    ancestors.push(v);
    const out = Array.isArray(v)
      ? `[${v.map((x) => write(x) ?? 'null').join(',')}]`
      : `{${Object.keys(v)
          .sort()
          .flatMap((k) => {
            const x = write((v as Record<string, unknown>)[k]);
            return x === undefined ? [] : [`${JSON.stringify(k)}:${x}`];
          })
          .join(',')}}`;
    ancestors.pop();
    return out;
  };
  return write(value) ?? 'null';
}

/**
 * Eight hex digits naming a configuration: {@link hash32} (as sampling uses) of its canonical
 * JSON, whose finalizer makes a one-character edit change every digit. 32 bits is plenty to
 * tell a site's configuration versions apart; it is not a checksum.
 */
export function configHash(config: unknown): string {
  return hash32(canonicalJson(config)).toString(16).padStart(8, '0');
}
