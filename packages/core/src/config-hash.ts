// A short name for one version of the survey configuration, so answers can be split by the
// configuration that produced them. Computed over canonical JSON (keys sorted at every
// depth), so re-indenting or reordering keys keeps the hash and any real edit changes it.
import { hash32 } from './hash32.js';

/**
 * JSON with object keys sorted at every depth, the way `JSON.stringify` would write the
 * value otherwise (`undefined` and functions left out of objects, `null` in arrays; `toJSON`
 * honoured). `JSON.stringify` itself does the writing, for bytes: its replacer hands over
 * each object's entries sorted. An object met a second time is written as `null` rather
 * than thrown on: this may run on a host page's object, and a cycle is one. (A configuration
 * never holds the same object twice: its JSON cannot.)
 */
export function canonicalJson(value: unknown): string {
  const seen = new WeakSet();
  return (
    JSON.stringify(value, (_, v) => {
      if (typeof v !== 'object' || v === null) return v;
      if (seen.has(v)) return null;
      seen.add(v);
      return Array.isArray(v)
        ? v
        : Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          );
    }) ?? 'null'
  );
}

/**
 * Eight hex digits naming a configuration: {@link hash32} (as sampling uses) of its canonical
 * JSON, whose finalizer makes a one-character edit change every digit. 32 bits is plenty to
 * tell a site's configuration versions apart; it is not a checksum.
 */
export function configHash(config: unknown): string {
  return hash32(canonicalJson(config)).toString(16).padStart(8, '0');
}
