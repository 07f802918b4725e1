// Types of html.mjs for the TypeScript tests.
declare const MARKUP: unique symbol;
export interface Markup {
  [MARKUP]: string;
}
export declare function raw(markup: string): Markup;
export declare function html(strings: TemplateStringsArray, ...values: unknown[]): Markup;
export declare function markupText(markup: Markup): string;
