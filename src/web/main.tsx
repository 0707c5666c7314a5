// First: zod's configuration must precede every schema (src/contracts/zod-setup.ts).
import '../contracts/zod-setup.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets first, so that the features' own sheets (imported by their pages) come after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import { App } from './app/App.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
