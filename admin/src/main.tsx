import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { UpdateBanner } from './pwa/UpdateBanner.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <UpdateBanner />
  </StrictMode>,
);

// The installable app's service worker (admin/build/pwa.ts): built and registered in production only.
if (import.meta.env.PROD) {
  import('./pwa/register.ts')
    .then(({ registerServiceWorker }) => registerServiceWorker())
    .catch((error: unknown) => console.warn('the service worker was not registered', error));
}
