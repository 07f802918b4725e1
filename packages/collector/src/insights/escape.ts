// Every string the insights page did not write itself (comments, paths, survey ids,
// stage names: all sent by browsers) goes through this before it reaches HTML.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text safe inside an element and inside a quoted attribute value. Non-strings are
 * stringified first, so a number from a hostile client's props cannot slip through raw.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
