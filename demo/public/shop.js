// The demo shop's only script, served from the shop's own origin so every page runs under
// `Content-Security-Policy: default-src 'self'` with no inline script. It loads (deferred)
// before /touchpoint.js has necessarily arrived, so it talks to Touchpoint only through
// `Touchpoint.push([...])`, which works both before and after the script tag loads.
(() => {
  // The pre-load queue (SPEC "Script tag"): calls pushed before /touchpoint.js loads wait
  // in this array and are replayed in order; afterwards push() reaches the live instance.
  window.Touchpoint = window.Touchpoint || [];
  // Always read window.Touchpoint at call time: the array is replaced by the live instance.
  const push = (call) => window.Touchpoint.push(call);

  // A page that is itself an outcome (the order confirmation) records it on load, which is
  // what the checkout CSAT waits for. Props are JSON in `data-shop-props`.
  const { shopTrack, shopProps, tpStage } = document.body.dataset;
  if (shopTrack) {
    let props = {};
    try {
      props = JSON.parse(shopProps || '{}');
    } catch {
      console.warn(`[shop] data-shop-props on this page is not JSON; "${shopTrack}" is sent without props`);
    }
    push(['track', shopTrack, { ...(tpStage && { stage: tpStage }), ...props }]);
  }

  // "Give feedback": any element with data-shop-feedback="<survey id>" forces that survey.
  document.addEventListener('click', (event) => {
    const trigger = event.target instanceof Element && event.target.closest('[data-shop-feedback]');
    if (trigger) push(['show', trigger.getAttribute('data-shop-feedback')]);
  });

  // The footer's switcher (settings.js reads what it links to): one select per setting; a
  // change reloads the page with the new choice in its query.
  const footer = document.querySelector('.site-footer');
  const settings = window.fieldnoteSettings;
  if (footer && settings) {
    const LABELS = {
      lang: {
        label: 'Prompt language',
        en: 'English',
        ar: 'العربية',
        de: 'Deutsch',
        es: 'Español',
        fr: 'Français',
      },
      theme: { label: 'Theme', auto: 'Auto', light: 'Light', dark: 'Dark' },
      position: {
        label: 'Prompt position',
        'bottom-right': 'Bottom right',
        'bottom-left': 'Bottom left',
        center: 'Center',
      },
    };
    const form = document.createElement('form');
    form.className = 'settings';
    form.setAttribute('aria-label', 'Demo settings');
    for (const [name, allowed] of Object.entries(settings.choices)) {
      const label = document.createElement('label');
      const select = document.createElement('select');
      select.name = name;
      for (const value of allowed) {
        const option = new Option(LABELS[name][value], value, false, value === settings.current[name]);
        if (name === 'lang') option.lang = value;
        select.append(option);
      }
      select.addEventListener('change', () => {
        const url = new URL(location.href);
        url.searchParams.set(name, select.value);
        location.assign(url);
      });
      label.append(LABELS[name].label, select);
      form.append(label);
    }
    footer.append(form);
  }
})();
