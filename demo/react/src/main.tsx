// The React example: @touchpoint/react with React Router, in Strict Mode (its effects run
// twice in development; the provider still makes one instance, adapter and widget).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter basename="/react">
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
