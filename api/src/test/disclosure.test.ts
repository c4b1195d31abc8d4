import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotHash } from '@guanai/workflows';
import { ensureDisclosureSchedule } from '../temporal/disclosure-schedule.ts';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * §四(七) 过程信息公开: the month before today (2026-10 when this runs in November 2026) is the
 * one a scheduled run publishes; the fixture's deliveries are in the month before whatever today is.
 */
let h: Harness;
let manager: Session;
let fixture: ReturnType<typeof ledgerFixture>;
const people: { name: string; idNumber: string; phone: string }[] = [];
let period: string;
let medical: string;

const previousMonth = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return d.toISOString().slice(0, 7);
};

beforeAll(async () => {
  h = await startHarness();
  manager = await signIn(h.app, 'manager');
  fixture = ledgerFixture(h.db, h.keys);
  period = previousMonth();
  medical = (await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } })).id;
  // 锦官驿街道: three recipients of MEDICAL aid (shown); 东湖街道: one (withheld, counted).
  for (const [name, community, amount] of [
    ['张三明', '510104017001', 3000],
    ['李秀英', '510104017002', 2000],
    ['王建国', '510104017003', 1500],
    ['赵小红', '510104018001', 800],
  ] as const) {
    const c = await fixture.caseFor(name, community, `${period}-02T02:00:00Z`);
    people.push(c);
    await fixture.delivered(c.caseId, medical, 'MEDICAL', [{ kind: 'MONEY', amount, on: `${period}-20` }]);
  }
});
afterAll(async () => h?.stop());

/** Every public answer, as text, for scanning. */
async function publicText() {
  const paths = [
    '/api/public/disclosures',
    `/api/public/disclosures/${period}`,
    `/api/public/disclosures/${period}/csv`,
    '/api/public/projects',
    '/api/public/offers',
  ];
  return (await Promise.all(paths.map(async (path) => (await h.app.request(path)).text()))).join('\n');
}

describe('§四(七) 过程信息公开: monthly disclosure', () => {
  it('the monthly Temporal Schedule publishes the month before: masked names, township, category, resource, amount; a small township withheld and counted', async () => {
    const handle = await ensureDisclosureSchedule(h.env.client, { taskQueue: h.taskQueue, threshold: 3 });
    const described = await handle.describe();
    expect(described.spec.calendars?.[0]).toMatchObject({
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 2, end: 2, step: 1 }],
    });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    // Creating it again is harmless.
    await ensureDisclosureSchedule(h.env.client, { taskQueue: h.taskQueue });
    await handle.trigger();
    const published = await until(() => h.db.disclosureSnapshot.findFirst({ where: { period } }));
    expect(published).toMatchObject({ version: 1, kind: 'ORIGINAL', suppressed: 1, threshold: 3, prevHash: null });

    const res = await h.app.request(`/api/public/disclosures/${period}`);
    expect(res.status).toBe(200);
    const disclosure = await json(res);
    expect(disclosure.rows.map((r: { recipient: string }) => r.recipient).sort()).toEqual(
      ['张*明', '李*英', '王*国'].sort(),
    );
    expect(disclosure.rows[0]).toMatchObject({
      township: '锦官驿街道',
      category: 'MEDICAL',
      resource: '大病医疗爱心援助',
      kind: 'MONEY',
      month: period,
    });
    const project = disclosure.projects.find((p: { resourceId: string }) => p.resourceId === medical);
    expect(project).toMatchObject({ raised: 500000, disbursed: 7300, balance: 492700, helped: 4 });
  });

  it('nothing public names a seeded person: no identity number, phone, full name or address', async () => {
    const text = await publicText();
    for (const p of people) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.idNumber);
      expect(text).not.toContain(p.phone);
    }
    // Any identity number or mobile number, standing alone (hex digests may hold such runs of digits).
    expect(text).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/);
    expect(text).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
    expect(text).not.toContain('测试路');
    expect(text).not.toContain('东湖街道'); // the withheld township's row is not there at all
  });

  it('a later change to the month is published as a correction: a new version chained by hash; the original stays as it was', async () => {
    const original = await json(await h.app.request(`/api/public/disclosures/${period}`));
    const late = await fixture.caseFor('孙丽华', '510104017001', `${period}-03T02:00:00Z`);
    people.push(late);
    await fixture.delivered(late.caseId, medical, 'MEDICAL', [{ kind: 'MONEY', amount: 700, on: `${period}-28` }]);
    expect(
      (await (await signIn(h.app, 'caseworker')).request('POST', `/api/disclosures/${period}/publish`)).status,
    ).toBe(403);
    const result = await json(await manager.request('POST', `/api/disclosures/${period}/publish`));
    expect(result).toMatchObject({ period, version: 2, kind: 'CORRECTION', rows: 4 });
    const corrected = await json(await h.app.request(`/api/public/disclosures/${period}`));
    expect(corrected).toMatchObject({
      version: 2,
      kind: 'CORRECTION',
      versions: [
        { version: 1, kind: 'ORIGINAL' },
        { version: 2, kind: 'CORRECTION', prevHash: original.hash },
      ],
    });
    expect(await json(await h.app.request(`/api/public/disclosures/${period}?version=1`))).toMatchObject({
      rows: original.rows,
      hash: original.hash,
    });
    // Each stored version's hash is recomputable from what is stored, chained to the one before.
    for (const v of await h.db.disclosureSnapshot.findMany({ where: { period }, orderBy: { version: 'asc' } })) {
      const content = { rows: v.rows, projects: v.projects, suppressed: v.suppressed, threshold: v.threshold } as never;
      expect(snapshotHash(v.prevHash, v.period, v.version, content)).toBe(v.hash);
    }
    // Publishing again without a change adds nothing.
    expect(await json(await manager.request('POST', `/api/disclosures/${period}/publish`))).toMatchObject({
      version: 2,
      kind: 'UNCHANGED',
    });
    // Published is published: the table refuses edits.
    await expect(h.db.$executeRaw`UPDATE disclosure_snapshot SET suppressed = 0`).rejects.toThrow(/immutable/);
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect((await json(await manager.request('POST', `/api/disclosures/${thisMonth}/publish`))).errors[0].field).toBe(
      'period',
    );
  });

  it('a published month downloads as CSV, with the withheld count', async () => {
    const res = await h.app.request(`/api/public/disclosures/${period}/csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = Buffer.from(await res.arrayBuffer())
      .subarray(3)
      .toString('utf8');
    expect(csv.split('\n')[0]).toBe('月份,受助人,乡镇(街道),需求类别,援助项目,援助方式,金额(元),服务时长(小时),数量');
    expect(csv).toContain(`${period},孙*华,锦官驿街道,医疗,大病医疗爱心援助,资金,700`);
    expect(csv).toContain('未公开 1 条');
    expect((await h.app.request('/api/public/disclosures/2020-01')).status).toBe(404);
  });

  it('§四(七) a campaign’s money raised is one figure, its donations: the same on the public offers as in the disclosure', async () => {
    const campaign = await h.db.resource.findFirstOrThrow({ where: { kind: 'FUNDRAISING', status: 'PUBLISHED' } });
    for (const [donorName, amount] of [
      ['爱心人士', 1200.5],
      ['某企业', 3000],
    ] as const) {
      expect(
        (
          await manager.request('POST', `/api/resources/${campaign.id}/donations`, {
            donorName,
            amount,
            receivedOn: `${period}-05`,
          })
        ).status,
      ).toBe(201);
    }
    // The budget is what matching holds money against, and can be edited; it is not the money raised.
    expect((await manager.request('PUT', `/api/resources/${campaign.id}`, { budget: 99999 })).status).toBe(200);
    expect((await manager.request('POST', `/api/disclosures/${period}/publish`)).status).toBe(200);
    const disclosed = (await json(await h.app.request(`/api/public/disclosures/${period}`))).projects.find(
      (p: { resourceId: string }) => p.resourceId === campaign.id,
    );
    const offered = (await json(await h.app.request('/api/public/offers'))).find(
      (o: { id: string }) => o.id === campaign.id,
    );
    const donations = await h.db.donation.aggregate({ where: { resourceId: campaign.id }, _sum: { amount: true } });
    expect(Number(donations._sum.amount)).toBe(4200.5);
    expect(disclosed.raised).toBe(4200.5);
    expect(offered.campaign.raised).toBe(4200.5);
  });
});

async function until<T>(read: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}
