// Preview of a draft configuration on the real page: `?tp_preview=<draft URL>`
// puts this tab in preview until Exit. The draft's URL is kept in sessionStorage, so preview
// survives navigation within the tab but never reaches another tab or a later visit (never
// localStorage). What preview changes (sampling, cooldowns and limits bypassed, no history,
// no survey event to collectors) is decided by the triggers and the instance; this file only
// knows where the draft comes from and whether it may be used.
//
// Opt-in, through `previewConfig(source)`: the script tag wraps its configuration in it, and
// an npm app does so when its product team previews drafts. An app that never previews
// carries none of this file.
import type { KeyValue } from './history.js';
import { PREVIEW_KEY } from './keys.js';
import { type ConfigLoader, loadConfig } from './load-config.js';
import type { TouchpointConfig } from './types.js';

/**
 * Pure: the origin of the draft at `draft`, when it is an http(s) URL (absolute or relative
 * to `page`). Never for text starting with `{`: `new URL` resolves inline JSON as a path of
 * the page's own origin, and loadConfig would then parse it, so a crafted link could show
 * any question without hosting anything.
 */
export function draftOrigin(draft: string, page: string): string | undefined {
  try {
    const url = new URL(draft, page);
    if (draft.trim()[0] !== '{' && /^https?:$/.test(url.protocol)) return url.origin;
  } catch {}
}

/**
 * Pure: may the page at `page` preview the draft at `draft`? Only an http(s) URL from the
 * page's own origin, or from an origin the published configuration lists in `previewOrigins`
 * (a CMS, a staging bucket): anyone can craft a link, so a draft from anywhere else could
 * show any question.
 */
export function previewAllowed(draft: string, page: string, origins: unknown): boolean {
  const origin = draftOrigin(draft, page);
  try {
    return (
      !!origin && (origin === new URL(page).origin || (Array.isArray(origins) && origins.includes(origin)))
    );
  } catch {
    return false;
  }
}

/**
 * This tab's draft URL: `?tp_preview=`, else the one remembered for the tab. Not remembered
 * here: only a draft the published configuration allows is (see {@link rememberPreview}).
 */
export function readPreview(): string | undefined {
  let url = new URLSearchParams(location.search).get(PREVIEW_KEY);
  // Sandboxed frames and some privacy modes throw on sessionStorage: the parameter still works.
  try {
    url ||= sessionStorage.getItem(PREVIEW_KEY);
  } catch {}
  return url || undefined;
}

/** Remembers an allowed draft for this tab, so preview survives navigation within it. */
export function rememberPreview(url: string): void {
  try {
    sessionStorage.setItem(PREVIEW_KEY, url);
  } catch {}
}

/** Forgets this tab's preview. */
export function forgetPreview(): void {
  try {
    sessionStorage.removeItem(PREVIEW_KEY);
  } catch {}
}

/** A draft is never kept as the last good copy of the published configuration. */
const NO_CACHE: KeyValue = { _get: () => undefined, _set() {} };

/**
 * `createTouchpoint({ config: previewConfig('/touchpoint.config.json') })`: the configuration
 * source, made able to preview a draft. Outside preview it is `source` itself; while this tab
 * previews (`?tp_preview=<url>`, or remembered for the tab) it is a {@link ConfigLoader}, which
 * loads the published configuration, then the draft if the published one allows it.
 */
export function previewConfig(source?: TouchpointConfig | string): TouchpointConfig | string | undefined {
  const draft = typeof location === 'object' ? readPreview() : undefined;
  if (!draft) return source;
  const load: ConfigLoader = ({ _store: store, _warn: warn, _setPreview: setPreview }) => {
    // Claimed at once, so the page knows it is in preview; the published configuration then
    // says whether the draft's origin is allowed.
    setPreview(draft);
    return Promise.resolve(loadConfig(source, store, warn)).then((published) => {
      if (previewAllowed(draft, location.href, (published as TouchpointConfig | undefined)?.previewOrigins)) {
        rememberPreview(draft);
        return loadConfig(draft, NO_CACHE, warn);
      }
      warn(
        `preview ${draft}: ${draftOrigin(draft, location.href) ? 'origin not in previewOrigins' : 'not an http(s) URL'}; published config runs`,
      );
      setPreview(undefined);
      forgetPreview();
      return published;
    });
  };
  // Typed as what createTouchpoint takes: it is only ever passed on as `config`.
  return load as never;
}

/**
 * Leaves preview: forgets this tab's draft and reloads the page without `?tp_preview`, on the
 * published configuration. A function of its own, not a method, so instances that never
 * preview do not carry it.
 */
export function exitPreview(): void {
  // Server rendering: no page to leave.
  if (typeof location === 'undefined') return;
  forgetPreview();
  const url = new URL(location.href);
  url.searchParams.delete(PREVIEW_KEY);
  // replace() to the same URL with a #fragment would only scroll, not reload.
  url.href === location.href ? location.reload() : location.replace(url.href);
}
