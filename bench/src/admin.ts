// 4. Admin: time to the first rendered inbox row in headless Chromium, and the gzip size of the
// admin bundle.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { newestModified } from '@guanai/devtools/files';
import { openCase, openTasks } from './cases.ts';
import { expectStatus, send, signIn } from './http.ts';
import { loadAverage, startCpuSampler, withDescendants } from './processes.ts';
import { result, root, versions, type BenchResult } from './results.ts';
import { round, summarise, table } from './stats.ts';
import { startSystem } from './system.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_ADMIN_LOADS ?? 10);
const INBOX_TASKS = 30;
const adminDir = join(root, 'admin');
const distDir = join(adminDir, 'dist');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));

/**
 * The admin build to measure: a copy of admin/dist when it is newer than the sources, else (or when
 * `fresh`) a fresh build into a temporary folder (admin/dist is left alone: others may be building it
 * meanwhile). The caller removes the folder.
 */
export async function adminBuild({ fresh = false } = {}): Promise<{ dir: string; how: string }> {
  const index = join(distDir, 'index.html');
  const sources = Math.max(
    newestModified(join(adminDir, 'src')),
    newestModified(join(adminDir, 'build')),
    statSync(join(adminDir, 'index.html')).mtimeMs,
    statSync(join(adminDir, 'vite.config.ts')).mtimeMs,
  );
  if (!fresh && existsSync(index) && statSync(index).mtimeMs >= sources)
    return { dir: await snapshotBuild(), how: 'a copy of admin/dist, which is newer than admin/src' };
  const dir = mkdtempSync(join(tmpdir(), 'guanai-bench-admin-'));
  console.log(
    '  admin/dist is missing or older than admin/src: building the admin (npx vite build) into a temporary folder…',
  );
  const build = spawnSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir'], {
    cwd: adminDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (build.status === 0) return { dir, how: 'built now from admin/src with npx vite build' };
  rmSync(dir, { recursive: true, force: true });
  const lines = build.stderr.replace(/\x1b\[[\d;]*m/g, '').split('\n');
  const reason = (
    lines.find((line) => /Could not|\[[A-Z_]+\]/.test(line)) ??
    lines.find((line) => /error/i.test(line)) ??
    ''
  ).trim();
  if (!existsSync(index))
    throw new Error(`npx vite build failed and there is no admin/dist:\n${build.stdout}\n${build.stderr}`);
  console.log(`  the build failed (${reason}); measuring the last build in admin/dist instead`);
  return {
    dir: await snapshotBuild(),
    how: `a copy of the last build in admin/dist, older than admin/src: building the current sources failed (${reason})`,
  };
}

/** Copies admin/dist once it is complete (every file index.html names is there). */
async function snapshotBuild(): Promise<string> {
  const complete = () => {
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) return false;
    const named = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!);
    return named.every((file) => existsSync(join(distDir, file)));
  };
  for (let waited = 0; !complete(); waited += 1) {
    if (waited > 120) throw new Error('admin/dist stayed incomplete for two minutes (a build in progress?)');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const copy = mkdtempSync(join(tmpdir(), 'guanai-bench-admin-'));
  cpSync(distDir, copy, { recursive: true });
  return copy;
}

export async function admin(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  const notes: string[] = [];
  // The build is measured and served from its own folder (ADMIN_DIST): others may rebuild admin/dist meanwhile.
  const { dir: snapshot, how: build } = await adminBuild();

  // The bundle as a browser downloads it: every file of admin/dist, gzip -9 (and brotli, for reference).
  const files = filesUnder(snapshot).filter((f) => /\.(js|css|html|svg|json|woff2?)$/.test(f));
  const sizes = files.map((f) => {
    const bytes = readFileSync(f);
    return {
      file: relative(snapshot, f),
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes).length,
    };
  });
  // What the first page load fetches: index.html and the scripts and styles it names (Vite lists the
  // entry's static imports as modulepreload links); lazily loaded chunks come later, if at all.
  const indexHtml = readFileSync(join(snapshot, 'index.html'), 'utf8');
  const initialFiles = new Set([
    'index.html',
    ...[...indexHtml.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
  ]);
  const initial = sizes
    .filter((s) => initialFiles.has(s.file))
    .reduce((acc, s) => ({ bytes: acc.bytes + s.bytes, gzip: acc.gzip + s.gzip }), { bytes: 0, gzip: 0 });
  const total = sizes.reduce(
    (acc, s) => ({ bytes: acc.bytes + s.bytes, gzip: acc.gzip + s.gzip, brotli: acc.brotli + s.brotli }),
    { bytes: 0, gzip: 0, brotli: 0 },
  );
  console.log(
    table([
      ['file', 'bytes', 'gzip -9', 'brotli'],
      ...sizes.map((s) => [s.file, s.bytes, s.gzip, s.brotli]),
      ['total', total.bytes, total.gzip, total.brotli],
    ]),
  );
  console.log(`  first page load (index.html and what it names): ${initial.bytes} bytes, ${initial.gzip} gzip`);

  const sys = await startSystem({ apiEnv: { ADMIN_DIST: snapshot } });
  try {
    // A caseworker with a full first page in 我的任务 (my tasks), the inbox's first tab.
    const [station, caseworker] = [await signIn(sys.baseUrl, 'station'), await signIn(sys.baseUrl, 'caseworker')];
    console.log(`  ${INBOX_TASKS} cases opened, their screening tasks claimed by the caseworker…`);
    for (let i = 0; i < INBOX_TASKS; i++) {
      const caseId = await openCase(station);
      const task = (await openTasks(caseworker, caseId)).find((t) => t.kind === 'SCREEN')!;
      expectStatus(await caseworker.request('POST', `/api/tasks/${task.id}/claim`), 200, 'claim');
    }
    const asset = sizes.find((s) => s.file.endsWith('.js'))!;
    const served = await send(sys.baseUrl, 'GET', `/${asset.file}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    const servedEncoding = String(served.headers['content-encoding'] ?? 'identity');

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    const [name, value] = caseworker.cookie.split('=') as [string, string];
    const cold: number[] = [];
    const warm: number[] = [];
    const cpu = startCpuSampler({
      api: () => withDescendants(sys.pids.api),
      bench: () => withDescendants(process.pid),
    });
    try {
      for (let i = 0; i < LOADS + 1; i++) {
        // A fresh context: no HTTP cache, signed in (the session cookie), as after opening the browser.
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
        await context.addCookies([{ name, value, url: sys.baseUrl }]);
        // When the first data row of the inbox table is in the DOM, relative to the navigation start.
        await context.addInitScript(() => {
          const w = window as unknown as { __firstRow?: number };
          new MutationObserver((_, observer) => {
            if (w.__firstRow === undefined && document.querySelector('table tbody tr td')) {
              w.__firstRow = performance.now();
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        });
        const page = await context.newPage();
        for (const list of [cold, warm]) {
          if (list === cold) await page.goto(`${sys.baseUrl}/`);
          else await page.reload();
          await page.locator('table tbody tr td').first().waitFor({ timeout: 30_000 });
          const ms = await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
          if (i > 0) list.push(ms); // the first load warms the server and the disk cache
        }
        const rows = await page.locator('table tbody tr').count();
        if (rows < 1) throw new Error('the inbox showed no rows');
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const cpuFigures = await cpu.stop();
    const [c, w] = [summarise(cold), summarise(warm)];
    console.log(
      table([
        ['first inbox row', 'n', 'p50 ms', 'p95 ms', 'max ms'],
        ['cold (new profile, empty cache)', c.n, c.p50, c.p95, c.max],
        ['reload (cached bundle)', w.n, w.p50, w.p95, w.max],
      ]),
    );
    const limitBytes = 800 * 1000;
    notes.push(
      `Time to the first rendered inbox row: Chromium ${CHROMIUM}, headless, 1280×800, signed in as caseworker (session cookie set in a fresh browser context, so the HTTP cache is empty), navigating to / until the first row of 我的任务 is in the DOM (a MutationObserver notes performance.now(), i.e. from navigation start); ${LOADS} loads after one discarded. "Reload" navigates the same page again with the bundle cached. Everything runs on this machine (no network latency).`,
      `Bundle size: every file of admin/dist, each gzip -9 (${build}); the target is checked against the whole build, lazily loaded chunks included; the first page load alone fetches ${round(initial.gzip / 1000)} kB gzip. The API serves the bundle ${servedEncoding === 'identity' ? 'uncompressed (no Content-Encoding): over a real network the first load downloads ' + round(initial.bytes / 1000) + ' kB, not the ' + round(initial.gzip / 1000) + ' kB it would be gzipped' : `with Content-Encoding ${servedEncoding}`}.`,
    );
    // Chromium starts a renderer per fresh context and ends it with the context, between two samples, so
    // its CPU cannot be told from other processes' ("other" includes it); the load before the run can.
    if (loadBefore[0]! > 1.5)
      notes.push(
        `The machine was busy before the page loads (load average ${loadBefore.join(' / ')}): the figures may be disturbed.`,
      );
    notes.push(
      `CPU during the page loads (% of one core): API ${cpuFigures.api!.meanPct}, the benchmark with Chromium's browser process ${cpuFigures.bench!.meanPct}, the rest of the machine ${cpuFigures.other!.meanPct} (Chromium's short-lived renderers, one per fresh context, are counted there: they end between two samples).`,
    );
    return result({
      name: 'admin',
      description:
        'Admin: time to the first rendered inbox row in headless Chromium, and the gzip size of the admin bundle',
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: {
        ...(await versions(sys.database.url, sys.temporal.cli)),
        chromium: spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim(),
        playwrightCore: JSON.parse(readFileSync(join(root, 'node_modules', 'playwright-core', 'package.json'), 'utf8'))
          .version,
      },
      figures: {
        firstInboxRowMs: { cold: c, reload: w },
        bundle: {
          files: sizes,
          initialLoad: { files: [...initialFiles], bytes: initial.bytes, gzipBytes: initial.gzip },
          totalBytes: total.bytes,
          gzipBytes: total.gzip,
          gzipKiB: round(total.gzip / 1024),
          brotliBytes: total.brotli,
          build,
          servedContentEncoding: servedEncoding,
        },
        cpuPctOfOneCore: cpuFigures,
      },
      targets: {
        firstRow: {
          what: 'first inbox row, cold load, p50',
          target: '< 1.5 s',
          value: c.p50,
          unit: 'ms',
          met: c.p50 < 1500,
        },
        bundle: {
          what: 'admin bundle, gzip',
          target: '< 800 KB',
          value: round(total.gzip / 1000),
          unit: 'kB',
          met: total.gzip < limitBytes,
        },
      },
      notes,
    });
  } finally {
    await sys.stop();
    rmSync(snapshot, { recursive: true, force: true });
  }
}
