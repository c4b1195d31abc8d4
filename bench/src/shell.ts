// 7. The installable app's shell (issue 16): what the service worker precaches on the first visit, as
// the built sw.js lists it — the number of entries and their bytes, raw and as the API sends them.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { adminBuild } from './admin.ts';
import { loadAverage } from './processes.ts';
import { result, root, type BenchResult } from './results.ts';
import { round, table } from './stats.ts';

const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** The precache manifest of a generated service worker: `precacheAndRoute([{url:"…",revision:…},…])`. */
export function precacheEntries(sw: string): string[] {
  const list = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*,/.exec(sw)?.[1];
  if (!list) throw new Error('sw.js has no precacheAndRoute([...]) list');
  return [...list.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]!);
}

export async function shell(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  let build = await adminBuild();
  if (!existsSync(join(build.dir, 'sw.js'))) {
    // admin/dist predates the service worker: measure a build of the current sources.
    rmSync(build.dir, { recursive: true, force: true });
    build = await adminBuild({ fresh: true });
  }
  try {
    const sw = readFileSync(join(build.dir, 'sw.js'), 'utf8');
    const urls = precacheEntries(sw);
    // As the API sends each file to a browser that accepts it: the build's own .br / .gz next to it when
    // admin/build/precompress.ts wrote one (1 KiB and more), else the file itself.
    const sent = (file: string, twin: string) =>
      existsSync(`${file}${twin}`) ? statSync(`${file}${twin}`).size : null;
    const sizes = (url: string) => {
      const file = join(build.dir, url);
      const bytes = statSync(file).size;
      return { url, bytes, brotli: sent(file, '.br') ?? bytes, gzip: sent(file, '.gz') ?? bytes };
    };
    const files = urls.map(sizes);
    const sum = (list: typeof files, key: 'bytes' | 'brotli' | 'gzip') => list.reduce((n, f) => n + f[key], 0);
    const total = { bytes: sum(files, 'bytes'), brotli: sum(files, 'brotli'), gzip: sum(files, 'gzip') };
    // The worker itself and the workbox runtime it imports, fetched besides the precache.
    const worker = ['sw.js', ...[...sw.matchAll(/"\.\/(workbox-[\w-]+)"/g)].map((m) => `${m[1]}.js`)].map(sizes);
    const workerBytes = sum(worker, 'brotli');
    console.log(
      table([
        ['precached', 'bytes', 'brotli (sent)', 'gzip (sent)'],
        ...files.map((f) => [f.url, f.bytes, f.brotli, f.gzip]),
        [`total (${files.length} entries)`, total.bytes, total.brotli, total.gzip],
      ]),
    );
    console.log(`  the worker itself (${worker.map((w) => w.url).join(', ')}): ${workerBytes} bytes brotli`);
    const kB = (n: number) => round(n / 1000);
    return result({
      name: 'shell',
      description:
        "The installable app's shell: the entries of the service worker's precache (the built sw.js) and their size, raw and as sent",
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: {
        node: process.version,
        vite: packageVersion('vite'),
        vitePluginPwa: packageVersion('vite-plugin-pwa'),
        workboxBuild: packageVersion('workbox-build'),
      },
      figures: {
        entries: files.length,
        bytes: total.bytes,
        brotliBytes: total.brotli,
        gzipBytes: total.gzip,
        kB: { raw: kB(total.bytes), brotli: kB(total.brotli), gzip: kB(total.gzip) },
        worker,
        files,
        build: build.how,
      },
      // The issue asks for the figure, with no target.
      targets: {},
      notes: [
        `Measured from the build (${build.how}): the URLs of precacheAndRoute([…]) in sw.js, each file's size in the build, and the size the API sends for it to a browser that accepts brotli (or gzip): the precompressed twin admin/build/precompress.ts writes for files of 1 KiB and more, else the file itself. Cache Storage holds the raw bytes (${kB(total.bytes)} kB).`,
        "The precache is the admin's app shell (admin/build/app-shell.ts): index.html, the chunks the admin's entry reaches, the icons and the manifest; not the public pages, source maps, API answers, nor the lazily loaded charts, map and state-chart layout (recharts, echarts, elkjs), which draw API data and stay online-only.",
        `Besides the precache, the browser fetches the worker itself (${worker.map((w) => w.url).join(', ')}: ${kB(workerBytes)} kB brotli).`,
      ],
    });
  } finally {
    rmSync(build.dir, { recursive: true, force: true });
  }
}
