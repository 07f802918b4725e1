/**
 * An element with attributes and children, made with createElement and text nodes: the debug
 * UI never builds DOM from strings (STYLE.md 13), so a survey id or a path can never become markup.
 */
export function el(
  tag: string,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElement {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name] as string);
  node.append(...children);
  return node;
}
