// 8. The phone's outbox (issue 16): 50 items recorded offline — outreach reports and home visits, a
// third with a photo — and the seconds from the network's return until the last has landed, each once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { adminBuild } from './admin.ts';
import { expectStatus, listQuery, signIn } from './http.ts';
import { loadAverage } from './processes.ts';
import { result, versions, type BenchResult } from './results.ts';
import { round } from './stats.ts';
import { startSystem } from './system.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ITEMS = Number(process.env.BENCH_OUTBOX_ITEMS ?? 50);
const VISITS = Math.round(ITEMS * 0.4);
const REPORTS = ITEMS - VISITS;
/** A shrunk phone photo is a few hundred KB (admin/src/field/photos.ts: 1600 px JPEG). */
const PHOTO_BYTES = 200_000;

export async function outbox(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  const { dir: snapshot, how: build } = await adminBuild();
  const sys = await startSystem({ apiEnv: { ADMIN_DIST: snapshot } });
  const profile = mkdtempSync(join(tmpdir(), 'guanai-bench-outbox-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const station = await signIn(sys.baseUrl, 'station');
    console.log(`  ${VISITS} cases opened at 水井坊社区 for the visits…`);
    for (let i = 0; i < VISITS; i++)
      expectStatus(
        await station.request('POST', '/api/cases', {
          person: { name: `走访对象${i}`, hukou: 'CHENGDU' },
          situation: '独居',
        }),
        201,
        'open a case',
      );

    // The discoverer opens the field app once online (the cases come onto the phone), then loses the signal.
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${sys.baseUrl}/#/field`);
    await page.locator('input[name=username]').fill('discoverer');
    await page.locator('input[name=password]').fill('Guanai@2026');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('field-report').waitFor();
    await page.waitForFunction(
      (n) =>
        /(\d+) 个个案/.exec(document.querySelector('[data-testid=field-refdata]')?.textContent ?? '')?.[1] ===
        String(n),
      VISITS,
      { timeout: 60_000 },
    );
    await browser.setOffline(true);

    // 50 items, as the field screens record them (admin/src/field/outbox.ts), straight into the phone's store.
    // (tsx names the functions below with a helper that the page does not have: give it one.)
    await page.evaluate('globalThis.__name = (fn) => fn');
    const recorded = await page.evaluate(
      async ({ reports, visits, photoBytes }) => {
        const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith('guanai-field-'))!;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const read = <T>(store: string) =>
          new Promise<T[]>((resolve) => {
            const all = db.transaction(store).objectStore(store).getAll();
            all.onsuccess = () => resolve(all.result as T[]);
          });
        const cases = await read<{ id: string; caseNo: string; personName: string; version: number }>('cases');
        const photo = (i: number) => {
          const bytes = new Uint8Array(photoBytes);
          bytes.set([0xff, 0xd8, 0xff, 0xe0]);
          for (let j = 4; j < bytes.length; j += 97) bytes[j] = (i * 31 + j) % 251;
          return [{ name: `p${i}.jpg`, type: 'image/jpeg', blob: new Blob([bytes], { type: 'image/jpeg' }) }];
        };
        const base = (i: number) => ({
          key: crypto.randomUUID(),
          status: 'WAITING',
          createdAt: new Date().toISOString(),
          progress: { attachmentIds: [] },
          attempts: 0,
          revision: 0,
          photos: i % 3 === 0 ? photo(i) : [],
        });
        const items = [
          ...Array.from({ length: reports }, (_, i) => ({
            ...base(i),
            kind: 'REPORT',
            label: `外展对象${i}`,
            report: {
              person: { name: `外展对象${i}`, hukou: 'CHENGDU', phone: `139${String(10_000_000 + i).slice(-8)}` },
              situation: '露宿街头',
              emergency: false,
              discovererKind: 'GRID_WORKER',
            },
            siteNote: '外展发现时的现场记录',
            place: { lat: 30.65, lng: 104.08, accuracyM: 20 },
          })),
          ...Array.from({ length: visits }, (_, i) => ({
            ...base(reports + i),
            kind: 'VISIT',
            label: `${cases[i]!.caseNo} ${cases[i]!.personName}`,
            caseId: cases[i]!.id,
            caseNo: cases[i]!.caseNo,
            ifVersion: cases[i]!.version,
            visit: { kind: 'VISIT', text: '入户走访', visitedAt: new Date().toISOString() },
          })),
        ];
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('outbox', 'readwrite');
          for (const item of items) tx.objectStore('outbox').add(item);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        return { items: items.length, photos: items.filter((i) => i.photos.length > 0).length };
      },
      { reports: REPORTS, visits: VISITS, photoBytes: PHOTO_BYTES },
    );
    // Written behind Dexie's back, so the screen learns of them when the app is opened again (offline, from its shell).
    await page.reload();
    await page
      .getByTestId('outbox-waiting')
      .filter({ hasText: `待发送 ${ITEMS} 条` })
      .waitFor();
    console.log(
      `  ${recorded.items} items recorded offline (${recorded.photos} with a ${PHOTO_BYTES / 1000} kB photo)`,
    );

    // The network returns: the app sends the outbox by itself (the online event).
    const reconnected = performance.now();
    await browser.setOffline(false);
    await page.getByTestId('outbox-waiting').filter({ hasText: '没有待发送的记录' }).waitFor({ timeout: 300_000 });
    const seconds = (performance.now() - reconnected) / 1000;

    // Each landed once: one case per report, one note per visit, one site record per report with a photo or place.
    const discoverer = await signIn(sys.baseUrl, 'discoverer');
    const reportCases = (
      await discoverer.request('GET', `/api/cases${listQuery({ filter: { q: '外展对象' }, range: [0, 99] })}`)
    ).json() as { id: string }[];
    const notes = await sys.database.db.caseEvent.count({ where: { type: 'ADD_NOTE' } });
    const attachments = await sys.database.db.attachment.count();
    const expected = { cases: REPORTS, notes: REPORTS + VISITS, attachments: recorded.photos };
    const landed = { cases: reportCases.length, notes, attachments };
    if (JSON.stringify(landed) !== JSON.stringify(expected))
      throw new Error(`landed ${JSON.stringify(landed)}, expected ${JSON.stringify(expected)}`);
    console.log(
      `  ${ITEMS} items synced in ${round(seconds)} s after reconnecting (${round(ITEMS / seconds)} items/s); landed once each: ${JSON.stringify(landed)}`,
    );
    return result({
      name: 'outbox',
      description: `The phone's outbox: ${ITEMS} items recorded offline (${REPORTS} outreach reports, ${VISITS} home visits; ${recorded.photos} with a photo), seconds from reconnecting until the last landed`,
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: await versions(sys.database.url),
      figures: {
        items: ITEMS,
        reports: REPORTS,
        visits: VISITS,
        photos: recorded.photos,
        photoBytes: PHOTO_BYTES,
        seconds: round(seconds),
        itemsPerSecond: round(ITEMS / seconds),
        landed,
        build,
      },
      targets: {
        sync: {
          what: `${ITEMS} outbox items synced after reconnect`,
          target: '< 10 s',
          value: round(seconds),
          unit: 's',
          met: seconds < 10,
        },
      },
      notes: [
        'Headless Chromium on a phone viewport drives the built admin served by the API, against the Temporal dev server and PostgreSQL on this machine (all on its two cores). The items are written into the phone store as the field screens write them; the app sends them by itself when the network returns (its online event), one after another, each request keyed from the item (a report: open the case, upload its photo, record the site visit; a visit: upload, then the note with If-Match).',
      ],
    });
  } finally {
    await browser.close();
    await sys.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(snapshot, { recursive: true, force: true });
  }
}
