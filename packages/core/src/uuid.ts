/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost)
 * and embedding sites are not all HTTPS, so fall back to `getRandomValues`, which exists
 * everywhere (the well-known one-line v4 template).
 */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) =>
    (+d ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+d / 4)))).toString(16),
  );
