/** A touchpoint.js (or touchpoint.dev.js) URL, versioned or not: `/touchpoint.js`, `…/touchpoint.js?v=3`. */
const OWN_SRC = /touchpoint(\.dev)?\.js([?#]|$)/;

/**
 * The `<script>` element this file was loaded by, whose data-* attributes configure it.
 * `document.currentScript` is it while a classic script runs; when it is null (the code was
 * bundled into another script, or ran later), the last tag whose src names touchpoint.js.
 */
export function findTag(): HTMLScriptElement | null {
  const current = document.currentScript;
  // An SVG <script> has no src or nonce of the kind we read.
  if (current instanceof HTMLScriptElement) return current;
  const tags = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  return tags.reverse().find((tag) => OWN_SRC.test(tag.src)) ?? null;
}
