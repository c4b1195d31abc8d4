import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApplyApp } from './apply/ApplyApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApplyApp />
  </StrictMode>,
);
