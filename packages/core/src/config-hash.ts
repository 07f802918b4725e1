// A short name for one version of the survey configuration, so answers can be split by the
// configuration that produced them. Computed over canonical JSON (keys sorted at every
// depth), so re-indenting or reordering keys keeps the hash and any real edit changes it.
import { hash32 } from './hash32.js';

/**
 * JSON with object keys sorted at every depth, the way `JSON.stringify` would write the
 * value otherwise (`undefined` and functions left out of objects, `null` in arrays; `toJSON`
 * honoured). `JSON.stringify` itself does the writing (less code than a writer of our own):
 * its replacer hands over each object's entries sorted. A cycle is written as `null` rather than thrown on, as this
 * may run on a host page's object; an object used twice elsewhere (two surveys sharing one
 * `when`) is written both times, as its JSON would be, so an object config and its JSON file
 * get the same hash.
 */
export function canonicalJson(value: unknown): string {
  // The objects being written, as [what the replacer returned, the original]: the replacer's
  // `this` is the holder, so everything above it on the stack is finished and popped.
  const open: [unknown, unknown][] = [];
  return (
    JSON.stringify(value, function (_, v) {
      while (open.length && open[open.length - 1]?.[0] !== this) open.pop();
      if (typeof v !== 'object' || v === null) return v;
      if (open.some((pair) => pair[1] === v)) return null;
      const out = Array.isArray(v)
        ? v
        : Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, v[k]]),
          );
      open.push([out, v]);
      return out;
    }) ?? 'null'
  );
}

/**
 * Eight hex digits naming a configuration: {@link hash32} (as sampling uses) of its canonical
 * JSON, whose finalizer makes a one-character edit change every digit. 32 bits is plenty to
 * tell a site's configuration versions apart; it is not a checksum.
 *
 * Pass the validated configuration (`validateConfig(raw).config`), as the triggers do for
 * `props.configHash` and `touchpoint lint` does for its summary: what the page runs is what
 * is named, so a `$schema` key, an ignored unknown key or a skipped survey never changes it.
 */
export function configHash(config: unknown): string {
  return hash32(canonicalJson(config)).toString(16).padStart(8, '0');
}
