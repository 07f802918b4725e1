import { Link } from 'react-router';
import { PRODUCT } from './catalog.js';

/** The landing page: its stage comes from the configuration's `stages` globs. */
export function Home() {
  return (
    <>
      <h1>Gear for the long way round</h1>
      <p>
        <Link to="/products/trail-runner">See the {PRODUCT.name}</Link>
      </p>
    </>
  );
}
