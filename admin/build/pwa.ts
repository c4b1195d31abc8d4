import type { Plugin } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import { appShell } from './app-shell.ts';

/** The admin's app bar (react-admin's secondary colour) and page background. */
const THEME = '#2196f3';
const BACKGROUND = '#fafafb';

/** The installable field app's web app manifest, served at /manifest.webmanifest. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: '关爱援助 · 外勤',
  short_name: '关爱外勤',
  description: '社会关爱援助外勤：发现报告、入户走访、站点登记，无网络时先存后发',
  lang: 'zh-CN',
  dir: 'ltr',
  start_url: '/#/field', // the field app's home (admin/src/field)
  scope: '/',
  display: 'standalone',
  theme_color: THEME,
  background_color: BACKGROUND,
  categories: ['productivity', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** Pages of the build that are not the admin: they keep their own <head>, without the app's manifest. */
const stripManifestLink = (page = '/index.html'): Plugin => ({
  name: 'guanai-manifest-only-on-the-admin',
  apply: 'build',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) => (ctx.path === page ? html : html.replace(/<link rel="manifest"[^>]*>/, '')),
  },
});

/**
 * The installable app (issue 16): the web app manifest and a service worker (workbox generateSW) that
 * precaches the admin's app shell — index.html and what the `main` entry reaches, the icons, the
 * manifest — so that the app opens with no network after one visit.
 *
 * Updates: `prompt`, not `autoUpdate`. autoUpdate reloads every open tab as soon as a new version is
 * installed, which would throw away a report a field worker is halfway through typing (the outbox keeps
 * what was saved, not the open form). With `prompt` the new version waits and the app shows
 * "有新版本，点此刷新" (admin/src/pwa/); the worker refreshes when it suits them. `clientsClaim` lets
 * the first visit's worker take the open page at once (there is no older version to wait for then).
 *
 * Registration is by admin/src/main.tsx through `virtual:pwa-register`, in production builds only.
 */
export function pwa(): Plugin[] {
  const shell = appShell({ entry: 'main', page: 'index.html' });
  return [
    shell.plugin,
    ...VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      manifestFilename: 'manifest.webmanifest',
      filename: 'sw.js',
      includeAssets: ['icons/apple-touch-icon-180.png'],
      workbox: {
        // The bundle's own files (the transform keeps the admin's); the icons and the manifest come from
        // `manifest` and `includeAssets`. Never source maps, nor precompress' .br/.gz twins.
        globPatterns: ['**/*.{js,css,html,svg,png,woff,woff2}'],
        globIgnores: ['icons/**', '**/*.map', '**/*.{br,gz}'],
        manifestTransforms: [shell.manifestTransform],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        sourcemap: false,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        // Any navigation inside the app opens the shell, offline too — except what the server answers
        // itself: the API (and its reference page), the public pages, health and metrics.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [
          /^\/api(\/|$)/,
          /^\/(public|survey|apply|volunteer)\.html/,
          /^\/healthz/,
          /^\/metrics/,
        ],
        // No runtime caching, and deliberately none for /api: its answers carry personal data, and the
        // Cache Storage is shared by everyone who uses this browser profile and outlives a sign-out. The
        // field app keeps the reference data it needs offline in IndexedDB itself (admin/src/field),
        // under the signed-in user; API requests go to the network and fail plainly when there is none.
        runtimeCaching: [],
      },
    }),
    stripManifestLink('/index.html'),
  ];
}
