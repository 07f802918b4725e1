// The text of a configuration file, as JSON. One function for the browser's inline
// configuration and the `touchpoint` command, so a file one accepts the other accepts too.

/**
 * Parses configuration text: surrounding whitespace and a UTF-8 byte-order mark are ignored
 * (`trim()` removes U+FEFF, as `Response.json()` does for a fetched file); anything else is
 * `JSON.parse`'s to judge. Throws `JSON.parse`'s `SyntaxError` on text that is not JSON.
 */
export const parseConfigText = (text: string): unknown => JSON.parse(text.trim());
