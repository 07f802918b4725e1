/** A survey text: one string for every language, or one per language (`{ "en": "…", "ar": "…" }`). */
export type Localized = string | Readonly<Record<string, string>>;

/**
 * The text of `text` for the language tag `lang`, or undefined when there is none: a string as
 * it is; from a map, the exact tag (`ar-EG`), then its language (`ar`), then English, then the
 * first text given. Tags compare without regard to case or `-`/`_`. Non-text entries are skipped.
 */
export function pickText(text: unknown, lang: string): string | undefined {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return undefined;
  const texts = new Map<string, string>();
  for (const [tag, value] of Object.entries(text))
    if (typeof value === 'string') texts.set(normalTag(tag), value);
  const tag = normalTag(lang);
  return (
    texts.get(tag) ?? texts.get(tag.split('-')[0] as string) ?? texts.get('en') ?? texts.values().next().value
  );
}

const normalTag = (tag: string) => tag.toLowerCase().replace(/_/g, '-');
