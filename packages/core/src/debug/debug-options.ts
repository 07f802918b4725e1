import type { Touchpoint } from '../types.js';

/** Options of {@link MountDebug}; the script tag passes all three. */
export interface DebugOptions {
  /** Show the overlay (as `?tp_debug=1` does); without it only the preview banner shows. Default true. */
  overlay?: boolean | undefined;
  /** The nonce of a strict CSP, for the `<style>` of browsers without constructable stylesheets. */
  nonce?: string | undefined;
  /** What the preview banner's Exit does. Default `exitPreview` of `@touchpoint/core`. */
  exitPreview?: (() => void) | undefined;
}

/** Mounts the preview banner and the debug overlay; `destroy()` removes them. */
export type MountDebug = (
  tp: Pick<Touchpoint, 'on' | 'explain' | 'preview' | 'configHash'>,
  options?: DebugOptions,
) => { destroy(): void };
