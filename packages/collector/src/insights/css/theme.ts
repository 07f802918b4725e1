// The page's colours, light and dark, and its base type: custom properties every chart uses.
export const THEME_CSS = `/* The insights page's one stylesheet: same-origin, so \`default-src 'self'\` needs no
   'unsafe-inline'. Charts are SVG coloured by these classes, so one set of custom
   properties switches every chart between light and dark. */
:root {
  color-scheme: light dark;
  --bg: #f7f5f0;
  --surface: #ffffff;
  --text: #1d2321;
  --muted: #5b6662;
  --line: #e3dfd6;
  --accent: #2f6d4f;
  --low: #c0412f;
  --mid: #c99a1c;
  --high: #2f7d55;
  --empty: #e3dfd6;
  font-family:
    ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
}

@media (prefers-color-scheme: dark) {
  :root {
    --bg: #141816;
    --surface: #1d2320;
    --text: #eef2ef;
    --muted: #a3b0aa;
    --line: #34403a;
    --accent: #6fc79a;
    --low: #f08b7c;
    --mid: #e8c25a;
    --high: #6fc79a;
    --empty: #2e3733;
  }
}

* {
  box-sizing: border-box;
}

body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
}

a {
  color: var(--accent);
}

code {
  font-size: 0.9em;
  overflow-wrap: anywhere;
}

`;
