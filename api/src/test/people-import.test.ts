import { randomUUID } from 'node:crypto';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AppDeps } from '../env.ts';
import { derivedUuid } from '../ids.ts';
import { resumeImports } from '../domain/people/resume-person-imports.ts';
import { parseRoster } from '../domain/people/parse-roster.ts';
import { readCells } from '../domain/people/read-cells.ts';
import { json, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
let caseworker: Session;
let station: Session;

beforeAll(async () => {
  h = await startHarness();
  [caseworker, station] = await Promise.all([signIn(h.app, 'caseworker'), signIn(h.app, 'station')]);
});
afterAll(async () => h?.stop());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(
  session: Session,
  body: string | Uint8Array,
  { dryRun, type = 'text/csv', name = '低保名册.csv' }: { dryRun: boolean; type?: string; name?: string },
) {
  const res = await h.app.request(`/api/people/imports?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'Content-Type': type, 'X-Filename': encodeURIComponent(name) },
    body,
  });
  return res;
}

/** Polls the import until it is done, recording the progress seen on the way. */
async function finished(session: Session, id: string) {
  const seen: number[] = [];
  for (let i = 0; i < 300; i++) {
    const job = await json(await session.request('GET', `/api/people/imports/${id}`));
    seen.push(job.processed);
    if (job.status !== 'RUNNING') return { job, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const existing = residentId('51010419450101001');
const head = residentId('51010419520202002');
const spouse = residentId('51010419540303003');
const roster = [
  '姓名,证件类型,证件号码,性别,出生日期,电话,住址,户籍,社区代码,户编号,与户主关系,标签',
  `张桂兰,居民身份证,${head},女,,13900001001,"锦江区水井坊街20号, 3单元",成都,510104017001,H1,户主,低保；独居老人`, // line 2: good, a comma in the address
  `王长贵,居民身份证,${spouse},男,1954/3/3,13900001001,,成都,510104017001,H1,配偶,残疾`, // line 3: good, same household and phone
  `,,,男,,,,成都,510104017001,,,`, // line 4: no name
  `李四,居民身份证,${head.slice(0, 17)}${head[17] === '1' ? '2' : '1'},男,,,,成都,510104017001,,,`, // line 5: bad check digit
  `赵五,,,男,,,,成都,510104017001,,,有钱人`, // line 6: unknown tag
  `钱六,,,男,,,,成都,510104018001,,,`, // line 7: community of another township
  `孙七,居民身份证,${spouse},男,,,,成都,510104017002,,,`, // line 8: same number as line 3
  `周八,居民身份证,${existing},男,,,,成都,510104017002,,,`, // line 9: already in the registry
  `吴九,护照,P1234567,女,,,,外地,510104017003,,,失业`, // line 10: good, a passport
  `郑十,,,男,,,,本地,510104017003,,,`, // line 11: unknown hukou
].join('\n');

describe('roster import (CSV and Excel)', () => {
  it('a dry run validates every row and reports each problem by line and column, importing nothing', async () => {
    await json(await station.request('POST', '/api/people', { name: '周八', idNumber: existing, hukou: 'CHENGDU' }));
    const before = await h.db.person.count();
    const res = await upload(caseworker, roster, { dryRun: true });
    expect(res.status).toBe(202);
    const { job } = await finished(caseworker, (await json(res)).id);
    expect(job).toMatchObject({ dryRun: true, status: 'DONE', total: 10, processed: 10, imported: 3, skipped: 7 });
    expect(job.problems.map((p: { line: number; field: string }) => [p.line, p.field])).toEqual([
      [4, '姓名'],
      [5, '证件号码'],
      [6, '标签'],
      [7, '社区代码'],
      [8, '证件号码'],
      [9, '证件号码'],
      [11, '户籍'],
    ]);
    expect(job.problems.find((p: { line: number }) => p.line === 9).reason).toMatch(/already in the registry.*周八/);
    expect(job.problems.find((p: { line: number }) => p.line === 8).reason).toBe('the same document as line 3');
    expect(await h.db.person.count()).toBe(before);
  });

  it('a real run imports the clean rows into households, skips the bad ones with the same report, and shows progress', async () => {
    const res = await upload(caseworker, roster, { dryRun: false });
    const { job, seen } = await finished(caseworker, (await json(res)).id);
    expect(job).toMatchObject({ dryRun: false, status: 'DONE', total: 10, imported: 3, skipped: 7 });
    expect(seen.at(-1)).toBe(10);
    const zhang = await h.db.person.findFirstOrThrow({ where: { name: '张桂兰' } });
    const wang = await h.db.person.findFirstOrThrow({ where: { name: '王长贵' } });
    expect(zhang).toMatchObject({
      relation: 'HEAD',
      sex: 'F',
      birthDate: new Date('1952-02-02'),
      address: '锦江区水井坊街20号, 3单元',
      tags: ['DIBAO', 'ELDERLY_ALONE'],
      idType: 'RESIDENT_ID',
    });
    expect(wang).toMatchObject({
      householdId: zhang.householdId,
      relation: 'SPOUSE',
      birthDate: new Date('1954-03-03'),
      address: '锦江区水井坊街20号, 3单元',
    });
    expect(await h.db.person.findFirstOrThrow({ where: { name: '吴九' } })).toMatchObject({
      idType: 'PASSPORT',
      hukou: 'OTHER',
      tags: ['UNEMPLOYED'],
    });
    // Uploading the same roster again adds no one: every row is now a duplicate.
    const again = await finished(caseworker, (await json(await upload(caseworker, roster, { dryRun: false }))).id);
    expect(again.job).toMatchObject({ imported: 0, skipped: 10 });
    expect(await h.db.person.count({ where: { name: { in: ['张桂兰', '王长贵', '吴九'] } } })).toBe(3);
  });

  it('an import interrupted by a restart resumes where it stopped and registers no row twice', async () => {
    const csv = [
      '姓名,户籍,社区代码,户编号,电话',
      '蒋一,成都,510104017002,A,13900002001',
      '蒋二,成都,510104017002,A,13900002001',
      '蒋三,成都,510104017003,,',
    ].join('\n');
    const { job } = await finished(caseworker, (await json(await upload(caseworker, csv, { dryRun: false }))).id);
    expect(job).toMatchObject({ imported: 3, skipped: 0 });
    const people = await h.db.person.findMany({ where: { name: { startsWith: '蒋' } }, orderBy: { name: 'asc' } });
    // As if the API had died after writing the rows but before saving the batch's progress.
    const { rows } = parseRoster(await readCells(new TextEncoder().encode(csv), 'text/csv'));
    await h.db.personImport.update({
      where: { id: job.id },
      data: { status: 'RUNNING', processed: 0, imported: 0, skipped: 0, finishedAt: null, rows: rows as never },
    });
    await resumeImports({ db: h.db, keys: h.keys, logger: pino({ level: 'silent' }) } as AppDeps);
    expect(await h.db.personImport.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'DONE',
      processed: 3,
      imported: 3,
      skipped: 0,
    });
    expect(await h.db.person.findMany({ where: { name: { startsWith: '蒋' } }, orderBy: { name: 'asc' } })).toEqual(
      people,
    );
    expect(await h.db.household.count({ where: { members: { some: { name: { startsWith: '蒋' } } } } })).toBe(2);
  });

  /** An import as an API process leaves it when it dies before working it: RUNNING, nothing processed. */
  async function leftRunning(names: string[], born: string) {
    const csv = [
      '姓名,证件号码,户籍,社区代码',
      ...names.map(
        (name, i) => `${name},${residentId(`510104${born}${String(i).padStart(3, '0')}`)},成都,510104017002`,
      ),
    ].join('\n');
    const { rows } = parseRoster(await readCells(new TextEncoder().encode(csv), 'text/csv'));
    const creator = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    return h.db.personImport.create({
      data: {
        id: randomUUID(),
        filename: 'left.csv',
        dryRun: false,
        status: 'RUNNING',
        unitId: creator.orgUnitId,
        createdById: creator.id,
        total: rows.length,
        rows: rows as never,
      },
    });
  }

  it('two processes resuming at once (two replicas starting) work an import once: no row is looked at twice', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `韩${String(i).padStart(2, '0')}`);
    const job = await leftRunning(names, '19700101');
    // Each process has its own client; both count how often a row's derived record is looked up.
    const lookups = new Map<string, number>();
    const counted = h.db.$extends({
      query: {
        person: {
          async findUnique({ args, query }) {
            if (typeof args.where.id === 'string') lookups.set(args.where.id, (lookups.get(args.where.id) ?? 0) + 1);
            return query(args);
          },
        },
      },
    });
    const process = () => ({ db: counted, keys: h.keys, logger: pino({ level: 'silent' }) }) as unknown as AppDeps;
    await Promise.all([resumeImports(process()), resumeImports(process())]);
    expect(await h.db.personImport.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'DONE',
      processed: 30,
      imported: 30,
      skipped: 0,
      problems: [],
      claimedBy: null,
    });
    const rowIds = names.map((_, i) => derivedUuid(job.id, String(i + 2)));
    expect(rowIds.map((id) => lookups.get(id))).toEqual(names.map(() => 1));
    expect(await h.db.person.count({ where: { name: { in: names } } })).toBe(30);
  });

  it('an import another live process holds is left to it; once its lease has run out (the process died) it is taken over', async () => {
    const job = await leftRunning(['卫一', '卫二'], '19710202');
    const deps = { db: h.db, keys: h.keys, logger: pino({ level: 'silent' }) } as AppDeps;
    await h.db.personImport.update({
      where: { id: job.id },
      data: { claimedBy: 'another-replica', claimedUntil: new Date(Date.now() + 60_000) },
    });
    await resumeImports(deps);
    expect(await h.db.personImport.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'RUNNING',
      processed: 0,
      claimedBy: 'another-replica',
    });
    await h.db.personImport.update({ where: { id: job.id }, data: { claimedUntil: new Date(Date.now() - 1_000) } });
    await resumeImports(deps);
    expect(await h.db.personImport.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'DONE',
      processed: 2,
      imported: 2,
      claimedBy: null,
      claimedUntil: null,
    });
  });

  it('reads Excel, and names an identity number that Excel turned into a number', async () => {
    const sheet = [
      ['姓名', '证件号码', '户籍', '出生日期'].map((value) => ({ value })),
      [
        { value: '冯一' },
        { value: residentId('51010419600606006') },
        { value: '成都' },
        { value: new Date('1960-06-06T00:00:00Z'), type: Date, format: 'yyyy-mm-dd' },
      ],
      [{ value: '陈二' }, { value: 510104196007070000, type: Number }, { value: '成都' }, { value: null }],
    ];
    const buffer = await writeXlsxFile(sheet as never, {}).toBuffer();
    const res = await upload(station, new Uint8Array(buffer), { dryRun: false, type: XLSX, name: '名册.xlsx' });
    expect(res.status).toBe(202);
    const { job } = await finished(station, (await json(res)).id);
    expect(job).toMatchObject({ total: 2, imported: 1, skipped: 1 });
    expect(job.problems).toEqual([
      { line: 3, field: '证件号码', reason: expect.stringMatching(/format the column as text/) },
    ]);
    // A station worker's rows without a community code go to the station's community.
    const station017 = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017001' } });
    expect(await h.db.person.findFirstOrThrow({ where: { name: '冯一' } })).toMatchObject({
      communityId: station017.id,
      birthDate: new Date('1960-06-06'),
    });
  });

  it('refuses what is not a roster with a 422 naming the reason, and keeps imports inside the jurisdiction', async () => {
    expect((await json(await upload(caseworker, 'foo,bar\n1,2', { dryRun: true }))).errors[0].field).toBe('(header)');
    expect((await json(await upload(caseworker, '姓名\n', { dryRun: true }))).errors[0].field).toBe('(body)');
    expect((await json(await upload(caseworker, 'not a zip', { dryRun: true, type: XLSX }))).errors[0].field).toBe(
      '(body)',
    );
    expect(
      (await json(await upload(caseworker, '姓名', { dryRun: true, type: 'application/json' }))).errors[0].field,
    ).toBe('Content-Type');
    const job = await json(await upload(caseworker, '姓名,户籍\n甲,成都', { dryRun: true }));
    const other = await signIn(h.app, 'caseworker2');
    expect((await other.request('GET', `/api/people/imports/${job.id}`)).status).toBe(404);
  });
});
