// The SPA example: Touchpoint from npm (core, adapter, widget) in a single-page app with a
// history-API router. Built by rollup into demo/spa/dist/app.js; the demo server serves it
// at /spa/ with the collector at /collect.
import { connect } from '@touchpoint/adapter';
import { createTouchpoint } from '@touchpoint/core';
import { mountWidget } from '@touchpoint/widget';
import { CONFIG } from './config.js';
import { type Navigate, startRouter } from './router.js';
import { ROUTES, type RouteName } from './routes.js';
import { type Actions, PRODUCT, VIEWS } from './views.js';

// The router records each page view itself, once the view is on screen: events the view
// records (order_completed) then follow their page view, which is what the survey's
// `pages` + `event` condition is judged on.
const tp = createTouchpoint({ config: CONFIG, autoPageviews: false });
connect(tp, { endpoint: '/collect' });
mountWidget(tp, { position: 'bottom-right' });

const outlet = document.getElementById('app') ?? document.body;
let navigate: Navigate = () => {};
let placed: string | undefined;
let fresh = false;

const actions: Actions = {
  navigate: (name) => navigate(name),
  addToCart() {
    tp.track('add_to_cart', { sku: PRODUCT.sku, price: PRODUCT.price });
    navigate('checkout');
  },
  placeOrder() {
    placed = `A-${Date.now().toString(36).toUpperCase()}`;
    fresh = true;
    navigate('done');
  },
  orderId: () => placed,
};

const show = (name: RouteName) => {
  document.title = ROUTES[name].title;
  outlet.replaceChildren(VIEWS[name](actions));
  tp.page();
  // Once per order: back and forward to the confirmation do not complete it again.
  if (name === 'done' && fresh) {
    fresh = false;
    tp.track('order_completed', { stage: 'purchase', orderId: placed ?? '', total: PRODUCT.price });
  }
};

navigate = startRouter(show);
