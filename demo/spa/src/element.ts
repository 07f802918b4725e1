type Child = Node | string;

/**
 * Builds an element from a tag, attributes and children: the pages are made with the DOM
 * API, never from HTML strings, so nothing here needs escaping or `'unsafe-inline'`.
 */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
