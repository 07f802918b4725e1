import { h } from './element.js';
import type { Navigate } from './router.js';
import { ROUTES, type RouteName } from './routes.js';

/** The one product of the demo, and what the cart holds. */
export const PRODUCT = { sku: 'TR-1', name: 'Trail Runner', price: 129 };

/** What a view may do: move on, add to the cart, place the order. */
export interface Actions {
  navigate: Navigate;
  addToCart(): void;
  placeOrder(): void;
  /** The order placed last, for the confirmation page. */
  orderId(): string | undefined;
}

const link = (to: RouteName, text: string) => h('a', { href: ROUTES[to].path, 'data-route': to }, text);
const button = (id: string, text: string, onClick: () => void) => {
  const element = h('button', { id, type: 'button' }, text);
  element.addEventListener('click', onClick);
  return element;
};

/** Each route's content, built fresh on every visit. */
export const VIEWS: Record<RouteName, (actions: Actions) => Node> = {
  home: () =>
    h(
      'section',
      {},
      h('h1', {}, 'Gear for the long way round'),
      h('p', {}, 'A single-page shop: every page below is a history.pushState, not a reload.'),
      link('product', `See the ${PRODUCT.name}`),
    ),
  product: ({ addToCart }) =>
    h(
      'section',
      {},
      h('h1', {}, PRODUCT.name),
      h('p', {}, `Light, grippy, made for wet trails. $${PRODUCT.price}.`),
      button('add-to-cart', 'Add to cart', addToCart),
    ),
  checkout: ({ placeOrder }) =>
    h(
      'section',
      {},
      h('h1', {}, 'Checkout'),
      h('p', {}, `1 × ${PRODUCT.name}: $${PRODUCT.price}`),
      button('place-order', 'Place order', placeOrder),
    ),
  done: ({ orderId }) =>
    h(
      'section',
      {},
      h('h1', {}, 'Thank you!'),
      h('p', {}, orderId() ? `Order ${orderId()} is confirmed.` : 'Your order is confirmed.'),
      link('home', 'Back to the shop'),
    ),
};
