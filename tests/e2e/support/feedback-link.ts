import type { Page } from 'playwright-core';

/**
 * Adds a "Give feedback" link (`#feedback`) to the page's `<main>`, as a site would: a click (or
 * Enter on it) calls `method` of a page global (`'Touchpoint.show'`) with `args`, inside the
 * person's gesture.
 */
export async function addFeedbackLink(page: Page, method: string, args: unknown[]): Promise<void> {
  await page.evaluate(
    ([method, args]) => {
      const link = document.createElement('a');
      link.href = '#feedback';
      link.id = 'feedback';
      link.textContent = 'Give feedback';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        const [global, name] = method.split('.') as [string, string];
        const target = (window as unknown as Record<string, Record<string, (...a: unknown[]) => void>>)[
          global
        ];
        target?.[name]?.(...args);
      });
      document.querySelector('main')?.append(link);
    },
    [method, args] as const,
  );
}
