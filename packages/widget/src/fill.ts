/**
 * Puts values into a locale string's `{name}` placeholders, so translators can move them
 * around a sentence (STYLE.md 12: no sentence is built by concatenation).
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all));
}
