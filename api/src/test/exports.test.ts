import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * Exports of the case, task, match and delivery lists (issue 17 §4 台账): CSV (UTF-8 with BOM) or an
 * Excel workbook, by `format` or Accept; the list's own filter inside the user's jurisdiction; identity
 * numbers and phones masked (never the full number); an audit entry per export; more rows than an export
 * holds is a 422 naming the filter. Expectations come from the fixture below, not from the API's queries.
 */
let h: Harness;
const s: Record<string, Session> = {};
const userIds: Record<string, string> = {};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONTH = '2026-10';

interface Person {
  caseId: string;
  name: string;
  idNumber: string;
  phone: string;
}
let a: Person; // 锦官驿街道 (caseworker's township), matched and given money and a service
let b: Person; // 东湖街道 (caseworker2's), matched and given money
let c: Person; // 锦官驿街道, closed; a proposal the partner has not accepted
let medical: string; // 大病医疗爱心援助, of 成都市慈善总会 (the partner)
let visits: string; // 独居老人上门探访, of 水井坊志愿服务队 (not the partner's)
let townshipId: string; // 锦官驿街道
let proposalId: string;

/** The masks the API must write: 5101**********1234 and 139****9001. */
const maskedId = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['caseworker', 'caseworker2', 'district.supervisor', 'partner', 'admin']) {
    s[name] = await signIn(h.app, name);
    userIds[name] = (await h.db.user.findUniqueOrThrow({ where: { username: name } })).id;
  }
  const fx = ledgerFixture(h.db, h.keys);
  medical = (await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } })).id;
  visits = (await h.db.resource.findFirstOrThrow({ where: { name: '独居老人上门探访' } })).id;
  townshipId = (await fx.unit('510104017000')).id;
  a = await fx.caseFor('甲导出', '510104017001', '2026-09-01T02:00:00Z');
  b = await fx.caseFor('乙导出', '510104018001', '2026-09-02T02:00:00Z');
  c = await fx.caseFor('丙导出', '510104017002', '2026-09-03T02:00:00Z', {
    status: 'CLOSED',
    closureReason: 'resolved',
  });
  await fx.delivered(a.caseId, medical, 'MEDICAL', [
    { kind: 'MONEY', amount: 1234.5, on: `${MONTH}-05` },
    { kind: 'MONEY', amount: 300, on: '2026-09-28' },
  ]);
  await fx.delivered(a.caseId, visits, 'CARE', [{ kind: 'SERVICE', hours: 2.5, on: `${MONTH}-12` }]);
  await fx.delivered(b.caseId, medical, 'MEDICAL', [{ kind: 'MONEY', amount: 800, on: `${MONTH}-20` }]);
  proposalId = randomUUID();
  await h.db.match.create({
    data: {
      id: proposalId,
      caseId: c.caseId,
      needIndex: 0,
      category: 'MEDICAL',
      resourceId: medical,
      status: 'PROPOSED',
      amount: 500,
      proposedById: userIds.caseworker!,
    },
  });
  for (const person of [a, b, c])
    await fx.task(
      person.caseId,
      (await h.db.case.findUniqueOrThrow({ where: { id: person.caseId } })).owningUnitId,
      '2026-12-31T00:00:00Z',
      null,
      'ASSESS',
    );
});
afterAll(async () => h?.stop());

/** A CSV answer: BOM checked, then its header and rows. */
async function csvOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const [header, ...rows] = parse(text) as string[][];
  return { text, header: header!, rows };
}

/** An xlsx answer, opened with exceljs: its sheet's name, header and rows (cell values, '' for empty). */
async function xlsxOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const rows: (string | number)[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, i) => (row.getCell(i + 1).value ?? '') as string | number));
  }
  const [header, ...body] = rows;
  return { name: sheet.name, header: header!, rows: body, text: JSON.stringify(rows) };
}

/** The full numbers never appear; the masked ones do where the file shows them. */
function expectMasked(text: string, people: Person[]) {
  for (const person of people) {
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain(person.idNumber.slice(4, 14));
    expect(text).not.toContain(person.phone);
  }
}

const lastAudit = (action: string, who: string) =>
  h.db.auditEntry.findFirstOrThrow({ where: { action, actorId: userIds[who] }, orderBy: { at: 'desc' } });

describe('GET /api/cases/export', () => {
  it('CSV: the caseworker’s jurisdiction only, identity numbers and phones masked, audited', async () => {
    const file = await csvOf(await s.caseworker!.request('GET', '/api/cases/export'));
    expect(file.header).toEqual([
      '案件编号',
      '求助人',
      '证件号码',
      '联系电话',
      '所在村(社区)',
      '承办单位',
      '来源',
      '当前环节',
      '状态',
      '急难',
      '标记',
      '立案时间',
      '最近更新',
      '结案原因',
    ]);
    // Newest first, as the list sorts: 丙 then 甲; 乙 (东湖街道) is outside the caseworker's township.
    expect(file.rows.map((r) => r[1])).toEqual(['丙导出', '甲导出']);
    expect(file.rows[1]!.slice(2, 4)).toEqual([maskedId(a.idNumber), maskedPhone(a.phone)]);
    expect(file.rows[0]!.slice(6, 9)).toEqual(['个人申请', '已结案', '已结案']);
    expect(file.rows[0]![13]).toBe('已解决');
    expectMasked(file.text, [a, b, c]);
    const audit = await lastAudit('case.export', 'caseworker');
    expect(audit.detail).toMatchObject({ filter: {}, format: 'csv', rows: 2 });
  });

  it('xlsx by Accept: the list’s filter, cells masked, audited with the filter', async () => {
    const filter = { status: 'OPEN' };
    const res = await s['district.supervisor']!.request('GET', `/api/cases/export${q({ filter })}`, undefined, {
      Accept: XLSX,
    });
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="cases-510104000000-\d{4}-\d\d-\d\d\.xlsx"/,
    );
    const book = await xlsxOf(res);
    expect(book.name).toBe('案件列表');
    expect(book.header[0]).toBe('案件编号');
    // The district sees both townships; the filter leaves the closed case out.
    expect(book.rows.map((r) => r[1])).toEqual(['乙导出', '甲导出']);
    expect(book.rows[0]![2]).toBe(maskedId(b.idNumber));
    expect(book.rows[0]![3]).toBe(maskedPhone(b.phone));
    expectMasked(book.text, [a, b, c]);
    const audit = await lastAudit('case.export', 'district.supervisor');
    expect(audit.detail).toMatchObject({ filter, format: 'xlsx', rows: 2 });
  });

  it('a partner, who sees no case, exports an empty list; a bad filter is a 422 naming it and audits nothing', async () => {
    const book = await xlsxOf(await s.partner!.request('GET', `/api/cases/export${q({})}&format=xlsx`));
    expect(book.rows).toEqual([]);
    const before = await h.db.auditEntry.count({ where: { action: 'case.export' } });
    const res = await s.caseworker!.request('GET', `/api/cases/export${q({ filter: { tier: 'PROVINCE' } })}`);
    expect(res.status).toBe(422);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain('filter.tier');
    const format = await s.caseworker!.request('GET', '/api/cases/export?format=pdf');
    expect(format.status).toBe(422);
    expect((await json(format)).errors.map((e: { field: string }) => e.field)).toContain('format');
    expect(await h.db.auditEntry.count({ where: { action: 'case.export' } })).toBe(before);
  });
});

describe('GET /api/tasks/export', () => {
  it('xlsx by format: the inbox’s filter and jurisdiction, names but no numbers, audited', async () => {
    const filter = { scope: 'unit', kind: 'ASSESS' };
    const book = await xlsxOf(await s.caseworker!.request('GET', `/api/tasks/export${q({ filter })}&format=xlsx`));
    expect(book.name).toBe('任务列表');
    expect(book.header).toEqual([
      '任务',
      '事项',
      '求助人',
      '案件编号',
      '所属单位',
      '经办人',
      '截止时间',
      '状态',
      '急难',
      '标记',
    ]);
    expect(book.rows.map((r) => r[2]).sort()).toEqual(['丙导出', '甲导出']);
    expect(book.rows.every((r) => r[0] === '需求评估' && r[7] === '待办')).toBe(true);
    for (const person of [a, b, c]) expect(book.text).not.toContain(person.phone.slice(-4));
    expectMasked(book.text, [a, b, c]);
    expect((await lastAudit('task.export', 'caseworker')).detail).toMatchObject({ filter, format: 'xlsx', rows: 2 });
  });

  it('CSV stays the default', async () => {
    const file = await csvOf(
      await s.caseworker2!.request('GET', `/api/tasks/export${q({ filter: { scope: 'unit', kind: 'ASSESS' } })}`),
    );
    expect(file.rows.map((r) => r[2])).toEqual(['乙导出']);
  });
});

describe('GET /api/matches/export', () => {
  it('staff: the matches of the cases they see, with the list’s filter, phones masked', async () => {
    const file = await csvOf(await s.caseworker!.request('GET', '/api/matches/export'));
    expect(file.header.slice(0, 4)).toEqual(['对接时间', '案件编号', '求助人', '联系电话']);
    expect(file.rows.map((r) => r[2]).sort()).toEqual(['丙导出', '甲导出', '甲导出']);
    const filtered = await xlsxOf(
      await s.caseworker!.request('GET', `/api/matches/export${q({ filter: { resourceId: medical } })}`, undefined, {
        Accept: XLSX,
      }),
    );
    expect(filtered.name).toBe('对接列表');
    const given = filtered.rows.find((r) => r[2] === '甲导出')!;
    expect(given[3]).toBe(maskedPhone(a.phone));
    expect(given.slice(7, 10)).toEqual(['大病医疗爱心援助', '慈善项目', '成都市慈善总会']);
    expect(given[12]).toBe(1534.5); // given on the match in all: 1,234.50 + 300
    expect(filtered.rows.map((r) => r[2]).sort()).toEqual(['丙导出', '甲导出']);
    expectMasked(file.text + filtered.text, [a, b, c]);
    expect((await lastAudit('match.export', 'caseworker')).detail).toMatchObject({
      filter: { resourceId: medical },
      format: 'xlsx',
      rows: 2,
    });
  });

  it('a partner: its own resources’ matches only, the name masked until it accepts, as in its list', async () => {
    const book = await xlsxOf(await s.partner!.request('GET', '/api/matches/export?format=xlsx'));
    expect(book.rows.map((r) => r[2]).sort()).toEqual(['丙*出', '乙导出', '甲导出']);
    const proposal = book.rows.find((r) => r[2] === '丙*出')!;
    expect(proposal[3]).toBe('');
    expect(proposal[11]).toBe(500);
    expect(book.text).not.toContain('独居老人上门探访');
    expectMasked(book.text, [a, b, c]);
  });
});

describe('GET /api/deliveries/export (救助台账)', () => {
  it('a month’s ledger, oldest first: date, case, person masked, resource, kind, amount in yuan, unit', async () => {
    const filter = { month: MONTH };
    const res = await s.caseworker!.request('GET', `/api/deliveries/export${q({ filter })}&format=xlsx`);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="deliveries-${MONTH}-510104017000-\\d{4}-\\d\\d-\\d\\d\\.xlsx"`),
    );
    const book = await xlsxOf(res);
    expect(book.name).toBe(`救助台账${MONTH}`);
    expect(book.header.slice(0, 5)).toEqual(['发放日期', '案件编号', '受助人', '证件号码', '联系电话']);
    // 乙 is 东湖街道's; the 300 given in September is another month's.
    expect(book.rows.map((r) => [r[0], r[2], r[11], r[13], r[15]])).toEqual([
      [`${MONTH}-05`, '甲导出', '资金', 1234.5, ''],
      [`${MONTH}-12`, '甲导出', '服务', '', 2.5],
    ]);
    expect(book.rows[0]!.slice(3, 5)).toEqual([maskedId(a.idNumber), maskedPhone(a.phone)]);
    expect(book.rows[0]!.slice(5, 11)).toEqual([
      '锦官驿街道',
      book.rows[0]![6],
      '医疗',
      '大病医疗爱心援助',
      '慈善项目',
      '成都市慈善总会',
    ]);
    expect(book.rows[0]![16]).toBe('锦官驿街道');
    expectMasked(book.text, [a, b, c]);
    expect((await lastAudit('delivery.export', 'caseworker')).detail).toMatchObject({
      filter,
      format: 'xlsx',
      rows: 2,
    });
  });

  it('CSV, narrowed by kind and unit, across townships for the district', async () => {
    const filter = { from: `${MONTH}-01`, to: `${MONTH}-31`, kind: 'MONEY' };
    const file = await csvOf(await s['district.supervisor']!.request('GET', `/api/deliveries/export${q({ filter })}`));
    expect(file.rows.map((r) => [r[2], r[13]])).toEqual([
      ['甲导出', '1234.5'],
      ['乙导出', '800'],
    ]);
    const township = await csvOf(
      await s['district.supervisor']!.request(
        'GET',
        `/api/deliveries/export${q({ filter: { ...filter, unitId: townshipId } })}`,
      ),
    );
    expect(township.rows.map((r) => r[2])).toEqual(['甲导出']);
    expectMasked(file.text, [a, b, c]);
  });

  it('a partner: its own resources’ deliveries, never an identity number', async () => {
    const file = await csvOf(
      await s.partner!.request('GET', `/api/deliveries/export${q({ filter: { month: MONTH } })}`),
    );
    expect(file.rows.map((r) => r[2])).toEqual(['甲导出', '乙导出']);
    expect(file.rows.every((r) => r[3] === '')).toBe(true);
    expect(file.rows[1]![4]).toBe(maskedPhone(b.phone));
    expectMasked(file.text, [a, b, c]);
  });

  it.each([
    [{ month: '2026-13' }, 'filter.month'],
    [{ month: MONTH, from: `${MONTH}-01` }, 'filter.month'],
    [{ from: `${MONTH}-20`, to: `${MONTH}-01` }, 'filter.to'],
    [{ kind: 'CASH' }, 'filter.kind'],
  ])('a bad ledger filter %j is a 422 naming %s', async (filter, field) => {
    const res = await s.caseworker!.request('GET', `/api/deliveries/export${q({ filter })}`);
    expect(res.status).toBe(422);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('an admin, who does not list matches, may not export them (403)', async () => {
    expect((await s.admin!.request('GET', '/api/deliveries/export')).status).toBe(403);
    expect((await s.admin!.request('GET', '/api/matches/export')).status).toBe(403);
  });
});

describe('the row cap', () => {
  it('more rows than an export holds (10,000) is a 422 naming the filter, and nothing is audited', async () => {
    const unitId = (await h.db.case.findUniqueOrThrow({ where: { id: a.caseId } })).owningUnitId;
    const dueAt = new Date('2026-12-31T00:00:00Z');
    // In batches, within PostgreSQL's limit on a statement's parameters.
    for (let from = 0; from < 10_001; from += 2_000)
      await h.db.task.createMany({
        data: Array.from({ length: Math.min(2_000, 10_001 - from) }, (_, i) => ({
          id: `${a.caseId}:cap${from + i}`,
          caseId: a.caseId,
          kind: 'MONITOR',
          unitId,
          dueAt,
          createdAt: dueAt,
        })),
      });
    const before = await h.db.auditEntry.count({ where: { action: 'task.export' } });
    for (const format of ['csv', 'xlsx']) {
      const res = await s.caseworker!.request(
        'GET',
        `/api/tasks/export${q({ filter: { scope: 'unit', kind: 'MONITOR' } })}&format=${format}`,
      );
      expect(res.status).toBe(422);
      const problem = await json(res);
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['filter']);
      expect(problem.detail).toMatch(/10001 rows.*10000.*narrow the filter/);
    }
    expect(await h.db.auditEntry.count({ where: { action: 'task.export' } })).toBe(before);
    // Narrowed, it exports.
    const narrowed = await s.caseworker!.request(
      'GET',
      `/api/tasks/export${q({ filter: { scope: 'unit', kind: 'ASSESS' } })}`,
    );
    expect(narrowed.status).toBe(200);
    await h.db.task.deleteMany({ where: { kind: 'MONITOR', caseId: a.caseId } });
  });
});
