import { useTouchpoint } from '@touchpoint/react';
import { useNavigate } from 'react-router';
import { PRODUCT } from './catalog.js';

/**
 * Checkout. The order is tracked in the click handler, after navigate(): React Router has
 * pushed /checkout/done by then, so the event belongs to that page, as the CSAT's `pages`
 * and `event` ask. An effect on the confirmation page would track it twice in Strict Mode.
 */
export function Checkout() {
  const tp = useTouchpoint();
  const navigate = useNavigate();
  return (
    <>
      <h1>Checkout</h1>
      <p>
        1 × {PRODUCT.name}: ${PRODUCT.price}
      </p>
      <button
        type="button"
        onClick={() => {
          const orderId = `A-${Date.now().toString(36).toUpperCase()}`;
          navigate('/checkout/done', { state: { orderId } });
          tp?.track('order_completed', { stage: 'purchase', orderId, total: PRODUCT.price });
        }}
      >
        Place order
      </button>
    </>
  );
}
