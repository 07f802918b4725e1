import { useStage, useTouchpoint } from '@touchpoint/react';
import { useNavigate } from 'react-router';
import { PRODUCT } from './catalog.js';

/** A product page: its stage, with the SKU, set by the page itself. */
export function Product() {
  useStage('interest', { sku: PRODUCT.sku });
  const tp = useTouchpoint();
  const navigate = useNavigate();
  return (
    <>
      <h1>{PRODUCT.name}</h1>
      <p>${PRODUCT.price}</p>
      <button
        type="button"
        onClick={() => {
          tp?.track('add_to_cart', { sku: PRODUCT.sku, price: PRODUCT.price });
          navigate('/checkout');
        }}
      >
        Add to cart
      </button>
    </>
  );
}
