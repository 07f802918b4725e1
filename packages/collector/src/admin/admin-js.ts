// The editor's one script, served same-origin at <admin>/admin.js (no inline script under
// the CSP). An enhancement only: while page globs are typed, it asks <admin>/api/matches
// which recent paths they match and rewrites the list under the field with text nodes.
// Without it, "Check without saving" shows the same list.
export const ADMIN_JS = `(() => {
  const pages = document.querySelector('textarea[name="when.pages"]');
  const out = document.getElementById('matches');
  if (!pages || !out) return;
  const base = location.pathname.replace(/\\/surveys\\/.*$/, '');
  let timer;
  let asked = 0;
  const render = (answer) => {
    const summary = document.createElement('p');
    if (!answer.globs) summary.textContent = 'No pages: the survey may show on every page.';
    else {
      summary.append('Matches ');
      const count = document.createElement('strong');
      count.textContent = String(answer.count);
      summary.append(count, ' of the ' + answer.seen + ' paths seen in the last 30 days' + (answer.count ? ':' : '.'));
    }
    const list = document.createElement('ul');
    list.className = 'matches';
    for (const match of answer.matched) {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = match.path;
      item.append(code, ' (' + match.views + ' views)');
      list.append(item);
    }
    out.replaceChildren(summary, ...(answer.matched.length ? [list] : []));
  };
  pages.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const response = await fetch(base + '/api/matches?' + new URLSearchParams({ pages: pages.value }), { credentials: 'same-origin' });
        if (response.ok && mine === asked) render(await response.json());
      } catch {
        // Offline or signed out: the list keeps its last state; "Check" still works.
      }
    }, 250);
  });
})();
`;
