import { useLocation } from 'react-router';

/** The confirmation page; the CSAT shows here after `order_completed`. */
export function Done() {
  const { state } = useLocation();
  const orderId = (state as { orderId?: string } | null)?.orderId;
  return (
    <>
      <h1>Thank you!</h1>
      <p>{orderId ? `Order ${orderId} is on its way.` : 'Your order is on its way.'}</p>
    </>
  );
}
