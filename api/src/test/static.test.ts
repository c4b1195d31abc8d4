import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { AppDeps } from '../env.ts';

/** The admin as the API serves it: the build's precompressed files, hashed assets cached for good. */
const dist = mkdtempSync(join(tmpdir(), 'guanai-dist-'));
const script = `console.log(${JSON.stringify('关爱援助 '.repeat(400))});`;
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'main-abc123.js'), script);
writeFileSync(join(dist, 'assets', 'main-abc123.js.br'), brotliCompressSync(script));
writeFileSync(join(dist, 'assets', 'main-abc123.js.gz'), gzipSync(script));
// The installable app (admin/build/pwa.ts): its manifest, service worker and workbox runtime.
const manifest = JSON.stringify({ name: '关爱援助 · 外勤', start_url: '/#/field', display: 'standalone' });
writeFileSync(join(dist, 'manifest.webmanifest'), manifest);
writeFileSync(join(dist, 'sw.js'), 'importScripts("./workbox-9c191d2f.js");');
writeFileSync(join(dist, 'workbox-9c191d2f.js'), 'self.workbox = {};');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

// Static files touch neither the database nor Temporal.
const { app } = createApp({
  db: {} as never,
  temporal: {} as never,
  keys: {} as never,
  logger: pino({ level: 'silent' }),
  adminDist: dist,
} as unknown as AppDeps);
const get = (path: string, encoding?: string) =>
  app.request(path, { headers: encoding ? { 'Accept-Encoding': encoding } : {} });

describe('serving the admin', () => {
  it('sends the brotli file to a browser that accepts it, gzip to one that accepts only gzip, the file itself otherwise', async () => {
    const br = await get('/assets/main-abc123.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);
    const gz = await get('/assets/main-abc123.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get('/assets/main-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('lets browsers keep hashed assets, but not the page that names them', async () => {
    expect((await get('/assets/main-abc123.js', 'br')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    const page = await get('/', 'br');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBeNull();
    expect((await get('/cases/123')).status).toBe(200); // a client-side route gets the page
    const missing = await get('/assets/main-old999.js', 'br'); // not the page, and not kept
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('serves the web app manifest as such, and the service worker so that each update check asks again', async () => {
    const webManifest = await get('/manifest.webmanifest', 'br');
    expect(webManifest.status).toBe(200);
    expect(webManifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(await webManifest.json()).toMatchObject({ start_url: '/#/field' });
    expect(webManifest.headers.get('cache-control')).toBeNull(); // as any other file
    for (const path of ['/sw.js', '/workbox-9c191d2f.js']) {
      const res = await get(path, 'gzip, br');
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/javascript/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    // Not a script that merely ends like one, nor the page a missing worker falls back to.
    expect((await get('/assets/sw.js')).headers.get('cache-control')).not.toBe('no-cache');
    expect((await get('/')).headers.get('cache-control')).toBeNull();
  });
});
