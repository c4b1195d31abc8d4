/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { updates } from './updates.ts';

/** How often a long-open app asks whether a new version was deployed (the browser also asks on each visit). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (/sw.js, scope /) of the installable app. Production builds only:
 * main.tsx imports this module behind `import.meta.env.PROD`, so the dev server and vitest never see it.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const activate = registerSW({
    immediate: true,
    onNeedRefresh: () => updates.offer(() => activate(true)),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        // Offline, the check would only fail; the next one comes in an hour, or on the next visit.
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
    onRegisterError: (error: unknown) => console.warn('the service worker was not registered', error),
  });
}
