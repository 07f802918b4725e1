/** @jsxRuntime classic */
/** @jsx h */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above compiles to these
import { h } from 'preact';
import { useEffect } from 'preact/hooks';

/** How long the thank-you stays before the prompt closes by itself. */
export const THANKS_MS = 4000;

export interface ThankYouProps {
  text: string;
  onDone: () => void;
}

/** The last step; its timer is cleared when the prompt is dismissed or the widget destroyed. */
export function ThankYou({ text, onDone }: ThankYouProps) {
  useEffect(() => {
    const timer = setTimeout(onDone, THANKS_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p id="tp-heading" class="tp-heading tp-thanks" tabIndex={-1}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="11" fill="currentColor" opacity=".2" />
        <path
          d="m7 12.5 3 3 7-7"
          fill="none"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
        />
      </svg>
      <span>{text}</span>
    </p>
  );
}
