import { FeedbackButton, TouchpointProvider } from '@touchpoint/react';
import { Link, Route, Routes } from 'react-router';
import { Checkout } from './Checkout.js';
import { CONFIG } from './config.js';
import { Done } from './Done.js';
import { Home } from './Home.js';
import { Product } from './Product.js';

/**
 * The app: one provider at the root (the instance, the adapter to /collect and the widget),
 * React Router for the pages. Page views are the core's automatic ones: it follows
 * history.pushState, which React Router calls on every navigation.
 */
export function App() {
  return (
    <TouchpointProvider
      options={{ config: CONFIG }}
      endpoint="/collect"
      widget={{ position: 'bottom-right' }}
    >
      <header>
        <nav>
          <Link to="/">Fieldnote</Link>
          <span>React example</span>
        </nav>
        <FeedbackButton surveyId="react-nps" />
      </header>
      <main>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/products/trail-runner" element={<Product />} />
          <Route path="/checkout" element={<Checkout />} />
          <Route path="/checkout/done" element={<Done />} />
          <Route path="*" element={<Home />} />
        </Routes>
      </main>
    </TouchpointProvider>
  );
}
