// The demo's settings: the prompt's language, theme and position, from the query string
// (`?lang=ar&theme=dark&position=bottom-left`, as the footer's switcher links) and kept for the
// rest of the visit, so every option can be seen without editing HTML. Loaded without `defer`
// before /touchpoint.js: the script tag reads its data-* attributes when it runs, and this sets
// them as the parser adds the tag, before it can run.
(() => {
  const CHOICES = {
    lang: ['en', 'ar', 'de', 'es', 'fr'],
    theme: ['auto', 'light', 'dark'],
    position: ['bottom-right', 'bottom-left', 'center'],
  };
  const KEY = 'fieldnote-settings';
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) || '{}');
  } catch {}
  const query = new URLSearchParams(location.search);
  const settings = {};
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = query.get(name) ?? saved[name];
    settings[name] = allowed.includes(value) ? value : allowed[0];
  }
  try {
    sessionStorage.setItem(KEY, JSON.stringify(settings));
  } catch {}

  // The shop's own texts stay English; Arabic mirrors its layout, as an Arabic site would be.
  const html = document.documentElement;
  html.dir = settings.lang === 'ar' ? 'rtl' : 'ltr';
  html.dataset.theme = settings.theme;

  const apply = (tag) => {
    tag.dataset.locale = settings.lang;
    tag.dataset.theme = settings.theme;
    tag.dataset.position = settings.position;
  };
  const find = () => document.querySelector('script[src="/touchpoint.js"]');
  if (find()) apply(find());
  else
    new MutationObserver((_records, observer) => {
      const tag = find();
      if (!tag) return;
      apply(tag);
      observer.disconnect();
    }).observe(html, { childList: true, subtree: true });

  window.fieldnoteSettings = { choices: CHOICES, current: settings };
})();
