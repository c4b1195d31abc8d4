import type { Page } from 'playwright-core';

/** The web app manifest as admin/build/pwa.ts writes it (the fields the checks read). */
export interface WebManifest {
  name: string;
  short_name?: string;
  start_url: string;
  scope?: string;
  display: string;
  theme_color?: string;
  icons: { src: string; sizes: string; type?: string; purpose?: string }[];
}

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** A PNG's width and height, from its IHDR chunk (right after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.subarray(0, 8).toString('hex') !== PNG_SIGNATURE || bytes.subarray(12, 16).toString() !== 'IHDR')
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const fail = (message: string): never => {
  throw new Error(`not installable: ${message}`);
};

/**
 * Checks what Chromium asks of an installable app, and that its service worker runs this page:
 * /manifest.webmanifest is served as `application/manifest+json` and the page links it; it has a
 * name, a start URL, `display: standalone`, and 192×192 and 512×512 icons that load as PNG of that
 * size; the service worker is ready and controls the page (reloaded once if it does not yet).
 * Returns the registration's scope. The page must already show the app (e.g. after signIn).
 */
export async function expectInstallable(page: Page, baseUrl: string): Promise<string> {
  const res = await page.request.get(`${baseUrl}/manifest.webmanifest`);
  if (res.status() !== 200) fail(`/manifest.webmanifest answered ${res.status()}`);
  const type = res.headers()['content-type'] ?? '';
  if (!type.startsWith('application/manifest+json')) fail(`/manifest.webmanifest is served as ${type}`);
  const manifest = (await res.json()) as WebManifest;
  const linked = await page.locator('link[rel="manifest"]').getAttribute('href');
  if (linked !== '/manifest.webmanifest') fail(`the page links the manifest as ${linked}`);
  if (!manifest.name) fail('the manifest has no name');
  if (!manifest.start_url) fail('the manifest has no start_url');
  if (manifest.display !== 'standalone') fail(`display is ${manifest.display}`);
  for (const size of [192, 512]) {
    const icon = manifest.icons?.find(
      (i) => i.sizes.split(' ').includes(`${size}x${size}`) && i.purpose !== 'maskable',
    );
    if (!icon) fail(`no ${size}×${size} icon`);
    const image = await page.request.get(new URL(icon!.src, `${baseUrl}/`).href);
    const png = image.status() === 200 ? pngSize(await image.body()) : null;
    if (!png) fail(`the ${size}×${size} icon ${icon!.src} does not load as PNG (${image.status()})`);
    if (png!.width !== size || png!.height !== size)
      fail(`the ${size}×${size} icon ${icon!.src} is ${png!.width}×${png!.height}`);
  }

  // The service worker: installed (the app shell precached) and active, then in charge of this page.
  const scope = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return null;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000));
    const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
    return registration?.scope ?? null;
  });
  if (!scope) fail('no service worker became ready within 30 s');
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  }
  return scope!;
}

/**
 * What the service worker's precache holds (Cache Storage, read in the page): the entries and the sum
 * of their bodies' sizes, in bytes as stored (decompressed).
 */
export async function appShellCache(page: Page): Promise<{ entries: string[]; bytes: number }> {
  return page.evaluate(async () => {
    const entries: string[] = [];
    let bytes = 0;
    for (const name of await caches.keys()) {
      if (!name.startsWith('workbox-precache')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (!response) continue;
        entries.push(new URL(request.url).pathname);
        bytes += (await response.blob()).size;
      }
    }
    return { entries, bytes };
  });
}

/** The sum of the sizes of what the service worker's precache holds, in bytes. */
export const appShellCacheBytes = async (page: Page) => (await appShellCache(page)).bytes;
