// The hosted page's own script, served same-origin as /s/_/link.js (the page's CSP allows
// no inline script). Plain ES2020 written as text: it runs in the person's browser, not in
// Node, and is small enough not to need a build of its own.
//
// It mounts the widget file's prompt in the page, shows the link's survey, and posts each
// score and comment back to the link's own URL, where the collector checks the signature
// again. A pre-chosen score (an e-mail button) is chosen by the script once the prompt is
// on screen, so a mail scanner's GET records nothing, and the person sees the score chosen
// with the widget's "Change" button next to it.
export const LINK_SCRIPT = `(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('tp-link-data').textContent);
  const container = document.getElementById('tp-link-prompt');
  const status = document.getElementById('tp-link-status');
  const mount = window.__touchpointWidget;
  if (typeof mount !== 'function') {
    status.textContent = data.unavailable;
    console.warn('[touchpoint] link survey: the widget file did not load; nothing was recorded.');
    return;
  }
  let saved = 0;
  const send = (answer) =>
    fetch(location.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(answer),
      credentials: 'omit',
      keepalive: true,
    }).then(
      (response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        saved += 1;
        document.body.dataset.tpSaved = String(saved);
      },
    ).catch((error) => {
      status.textContent = data.unavailable;
      console.warn('[touchpoint] link survey: the answer was not recorded (' + error.message + ').');
    });
  let due;
  const tp = {
    on(type, listener) {
      if (type === 'survey_due') due = listener;
      return () => {};
    },
    record(type, props) {
      if (type === 'survey_answered') send({ type, score: props.score });
      else if (type === 'survey_comment') send({ type, score: props.score, comment: props.comment });
    },
  };
  mount(tp, { position: 'inline', container, locale: data.lang, theme: 'auto' });
  if (due) due({ survey: data.survey, forced: true });
  if (typeof data.score !== 'number') return;
  // The prompt renders on the next frames; choose the score once its button is there.
  const label = String(data.score);
  let frames = 0;
  const choose = () => {
    const root = container.querySelector('touchpoint-widget')?.shadowRoot;
    const option = [...(root?.querySelectorAll('[role="radio"]') ?? [])].find((element) => {
      const name = element.getAttribute('aria-label') ?? '';
      return name === label || name.startsWith(label + ' ');
    });
    if (option) option.click();
    else if (++frames < 120) requestAnimationFrame(choose);
    else console.warn('[touchpoint] link survey: score ' + label + ' could not be chosen; choose it by hand.');
  };
  requestAnimationFrame(choose);
})();
`;

/** The hosted page's stylesheet: the page around the prompt, light and dark. */
export const LINK_CSS = `:root { color-scheme: light dark; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 16px/1.5 system-ui, sans-serif;
  background: #f6f7f9; color: #1f2328; }
main { width: min(32rem, 100% - 2rem); padding: 1rem 0; }
.tp-link-message { background: #fff; border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
.tp-link-status:empty { display: none; }
@media (prefers-color-scheme: dark) {
  body { background: #16181d; color: #e6e8eb; }
  .tp-link-message { background: #22252b; box-shadow: none; }
}
`;
