import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '../domain/eligibility/beijing-today.ts';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
let station: Session;
let caseworker: Session;
let admin: Session;

beforeAll(async () => {
  h = await startHarness();
  [station, caseworker, admin] = await Promise.all([
    signIn(h.app, 'station'),
    signIn(h.app, 'caseworker'),
    signIn(h.app, 'admin'),
  ]);
});
afterAll(async () => h?.stop());

const today = beijingToday();
const openTask = (caseId: string, kind: string) =>
  h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });

/**
 * A household of 3 at 水井坊社区 (锦江区): 李秀兰, 76, and two adults of working age whose ability to
 * work is not recorded; ¥2,100 a month (¥700 a head), ¥30,000 of savings, no able supporter.
 * Against the seeded sample standards in force (锦江区 低保 ¥1,180 from 2026-07-01; the city's 特困
 * ¥1,150 and 医疗救助 ¥1,650): 低保 YES, 医疗救助 YES, 特困 UNKNOWN (the adults' ability to work).
 */
async function householdCase(name: string) {
  const res = await station.request('POST', '/api/cases', {
    person: { name, hukou: 'CHENGDU', birthDate: '1950-02-01', address: '锦江区水井坊街8号' },
    situation: '家庭收入低，老人长期患病',
    confirmNotDuplicate: true,
  });
  if (res.status !== 201) throw new Error(`open case: ${res.status} ${await res.text()}`);
  const { id } = await json(res);
  const { person } = await h.db.case.findUniqueOrThrow({ where: { id }, include: { person: true } });
  for (const [member, birthDate] of [
    [`${name}之子`, '1980-05-01'],
    [`${name}之媳`, '1982-09-01'],
  ] as const) {
    const added = await station.request('POST', '/api/people', {
      name: member,
      hukou: 'CHENGDU',
      birthDate,
      householdId: person.householdId,
      relation: 'CHILD',
      confirmNotDuplicate: true,
    });
    if (added.status !== 201) throw new Error(`add member: ${added.status} ${await added.text()}`);
  }
  const put = await caseworker.request('PUT', `/api/households/${person.householdId}`, {
    monthlyIncome: 2100,
    assets: 30000,
    hasSupporter: false,
  });
  expect(await json(put)).toMatchObject({ monthlyIncome: 2100, assets: 30000, hasSupporter: false, members: 3 });
  const task = await openTask(id, 'SCREEN');
  expect((await caseworker.request('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);
  return { caseId: id as string, taskId: task.id, householdId: person.householdId! };
}

const complete = (taskId: string, form: Record<string, unknown>) =>
  caseworker.request('POST', `/api/tasks/${taskId}/complete`, { form });

const fields = async (res: Response) => {
  expect(res.status).toBe(422);
  return ((await json(res)).errors as { field: string }[]).map((e) => e.field);
};

describe('§二 无缝衔接 eligibility suggestions at screening', () => {
  let c: Awaited<ReturnType<typeof householdCase>>;
  beforeAll(async () => {
    c = await householdCase('李秀兰');
  });

  it('§二 无缝衔接 the case’s household gets a suggestion per scheme with the figures and the standard’s 文号', async () => {
    const res = await caseworker.request('GET', `/api/cases/${c.caseId}/eligibility`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      caseId: c.caseId,
      date: today,
      districtName: '锦江区',
      household: { householdId: c.householdId, members: 3, monthlyIncome: 2100, assets: 30000, hasSupporter: false },
      screening: null,
      referrals: [],
    });
    const bySchema = Object.fromEntries(body.suggestions.map((s: { scheme: string }) => [s.scheme, s]));
    expect(Object.keys(bySchema)).toEqual(['DIBAO', 'TEKUN', 'YILIAO']);
    expect(bySchema.DIBAO).toMatchObject({ eligible: 'YES', standardId: expect.any(String) });
    expect(bySchema.DIBAO.reasons[0]).toBe(
      '家庭月人均收入 ¥700.00（¥2,100.00 ÷ 3 人） 低于 锦江区 低保标准 ¥1,180.00（2026-07-01 起，锦民发〔2026〕12号）',
    );
    expect(bySchema.DIBAO.reasons[1]).toContain(
      '家庭人均财产 ¥10,000.00（¥30,000.00 ÷ 3 人） 不超过 锦江区 低保人均财产限额',
    );
    expect(bySchema.TEKUN.eligible).toBe('UNKNOWN');
    expect(bySchema.TEKUN.reasons).toContain('2 名劳动年龄（16–59 岁）内家庭成员的劳动能力未登记');
    expect(bySchema.YILIAO.eligible).toBe('YES');
  });

  it('§二 无缝衔接 not referring where the suggestion says YES without a reason is a 422 naming the field, and the case is unchanged', async () => {
    const before = await h.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    const res = await complete(c.taskId, {
      referrals: ['DIBAO'],
      outcome: 'GOV_AID_ONLY',
      eligibility: {
        decisions: [
          { scheme: 'DIBAO', refer: true },
          { scheme: 'YILIAO', refer: false },
        ],
      },
      referralDetails: [{ scheme: 'DIBAO', department: '锦官驿街道社会事务办', referredOn: today }],
    });
    expect(await fields(res)).toEqual(['form.eligibility.decisions.1.overrideReason']);
    // No decisions at all: the override still needs one.
    expect(await fields(await complete(c.taskId, { referrals: [], outcome: 'RESIDUAL_NEED' }))).toEqual([
      'form.eligibility.decisions',
      'form.eligibility.decisions',
    ]);
    const after = await h.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(after).toMatchObject({ state: 'screening', lastSeq: before.lastSeq });
    expect((await openTask(c.caseId, 'SCREEN')).id).toBe(c.taskId);
  });

  it('§二 无缝衔接 bad decisions and referral details are 422s naming each field, and a client’s suggestions are refused', async () => {
    const base = { referrals: ['DIBAO'], outcome: 'GOV_AID_ONLY' };
    const detail = { scheme: 'DIBAO', department: '锦官驿街道社会事务办', referredOn: today };
    expect(
      await fields(
        await complete(c.taskId, { ...base, eligibility: { decisions: [{ scheme: 'DIBAO', refer: false }] } }),
      ),
    ).toContain('form.eligibility.decisions.0.refer');
    expect(
      await fields(await complete(c.taskId, { ...base, referralDetails: [{ ...detail, department: '' }] })),
    ).toContain('form.referralDetails.0.department');
    expect(
      await fields(await complete(c.taskId, { ...base, referralDetails: [detail, { ...detail, scheme: 'YILIAO' }] })),
    ).toContain('form.referralDetails.1.scheme');
    expect(
      await fields(await complete(c.taskId, { ...base, referralDetails: [{ ...detail, referredOn: '2999-01-01' }] })),
    ).toContain('form.referralDetails.0.referredOn');
    expect(
      await fields(await complete(c.taskId, { ...base, referralDetails: [{ ...detail, referredOn: '2026-13-01' }] })),
    ).toContain('form.referralDetails.0.referredOn');
    expect(
      await fields(
        await complete(c.taskId, {
          referrals: ['DIBAO', 'YILIAO'],
          outcome: 'GOV_AID_ONLY',
          referralDetails: [detail],
        }),
      ),
    ).toContain('form.referralDetails');
    expect(
      await fields(
        await complete(c.taskId, {
          ...base,
          eligibility: { suggestions: [{ scheme: 'DIBAO', eligible: 'YES' }], decisions: [] },
        }),
      ),
    ).toContain('form.eligibility');
    expect((await h.db.case.findUniqueOrThrow({ where: { id: c.caseId } })).state).toBe('screening');
  });

  it('§二 无缝衔接 §四(二) confirmed and overridden suggestions are recorded with the API’s own suggestions; referrals keep department, date and number', async () => {
    const res = await complete(c.taskId, {
      referrals: ['DIBAO'],
      outcome: 'GOV_AID_ONLY',
      eligibility: {
        decisions: [
          { scheme: 'DIBAO', refer: true },
          { scheme: 'TEKUN', refer: false },
          { scheme: 'YILIAO', refer: false, overrideReason: '已参加城乡居民医保，暂无大额医疗支出' },
        ],
      },
      referralDetails: [
        { scheme: 'DIBAO', department: '锦官驿街道社会事务办', referredOn: today, referenceNo: 'ZJ-2026-0131' },
      ],
    });
    expect(res.status).toBe(200);
    expect((await json(res)).state).toBe('monitoring');
    const detail = await json(await caseworker.request('GET', `/api/cases/${c.caseId}`));
    const screened = detail.events.find((e: { type: string }) => e.type === 'SCREENED');
    expect(screened.payload.eligibility.decisions).toEqual([
      { scheme: 'DIBAO', refer: true },
      { scheme: 'TEKUN', refer: false },
      { scheme: 'YILIAO', refer: false, overrideReason: '已参加城乡居民医保，暂无大额医疗支出' },
    ]);
    expect(screened.payload.eligibility.suggestions.map((s: { eligible: string }) => s.eligible)).toEqual([
      'YES',
      'UNKNOWN',
      'YES',
    ]);
    const eligibility = await json(await caseworker.request('GET', `/api/cases/${c.caseId}/eligibility`));
    expect(eligibility.screening).toMatchObject({ decisions: screened.payload.eligibility.decisions });
    expect(eligibility.referrals).toEqual([
      {
        scheme: 'DIBAO',
        outcome: 'PENDING',
        department: '锦官驿街道社会事务办',
        referredOn: today,
        referenceNo: 'ZJ-2026-0131',
      },
    ]);
  });

  it('§二 无缝衔接 the case shows each referral’s outcome once the MONITOR task records it', async () => {
    const monitor = await openTask(c.caseId, 'MONITOR');
    await caseworker.request('POST', `/api/tasks/${monitor.id}/claim`);
    const res = await caseworker.request('POST', `/api/tasks/${monitor.id}/complete`, {
      form: { granted: true, outcomes: { DIBAO: 'GRANTED' } },
    });
    expect(res.status).toBe(200);
    const eligibility = await json(await caseworker.request('GET', `/api/cases/${c.caseId}/eligibility`));
    expect(eligibility.referrals).toEqual([
      expect.objectContaining({ scheme: 'DIBAO', outcome: 'GRANTED', referenceNo: 'ZJ-2026-0131' }),
    ]);
  });

  it('a case outside my jurisdiction is a 404; a partner or an admin may not ask', async () => {
    const other = await signIn(h.app, 'caseworker2');
    expect((await other.request('GET', `/api/cases/${c.caseId}/eligibility`)).status).toBe(404);
    expect((await admin.request('GET', `/api/cases/${c.caseId}/eligibility`)).status).toBe(403);
  });
});

describe('§二 无缝衔接 standards as data (救助标准)', () => {
  const body = {
    scheme: 'DIBAO',
    districtId: null,
    effectiveFrom: '2099-07-01',
    incomePerPerson: 1250,
    assetsPerPerson: 30000,
    sourceDocument: '成民发〔2099〕1号',
  };

  it('everyone signed in reads them, latest first, with the sample ones marked and the ones in force today', async () => {
    const res = await caseworker.request('GET', `/api/eligibility/standards${q({ filter: { scheme: 'DIBAO' } })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toMatch(/^eligibility\/standards 0-2\/3$/);
    const rows = await json(res);
    expect(
      rows.map((r: { effectiveFrom: string; districtName: string | null }) => [r.effectiveFrom, r.districtName]),
    ).toEqual([
      ['2026-07-01', null],
      ['2026-07-01', '锦江区'],
      ['2025-07-01', null],
    ]);
    expect(rows.every((r: { sample: boolean; inForce: boolean }) => r.sample && r.inForce)).toBe(true);
    expect(rows.map((r: { current: boolean }) => r.current)).toEqual([true, true, false]);
    const current = await json(
      await caseworker.request('GET', `/api/eligibility/standards${q({ filter: { current: true } })}`),
    );
    expect(current.every((r: { current: boolean }) => r.current)).toBe(true);
  });

  it('only an admin writes them: a caseworker’s write is a 403 and writes nothing', async () => {
    const count = await h.db.eligibilityStandard.count();
    expect((await caseworker.request('POST', '/api/eligibility/standards', body)).status).toBe(403);
    expect(await h.db.eligibilityStandard.count()).toBe(count);
  });

  it('bad input is a 422 naming the field', async () => {
    const township = await h.db.orgUnit.findFirstOrThrow({ where: { name: '锦官驿街道' } });
    expect(
      await fields(await admin.request('POST', '/api/eligibility/standards', { ...body, districtId: township.id })),
    ).toEqual(['districtId']);
    expect(
      await fields(await admin.request('POST', '/api/eligibility/standards', { ...body, incomePerPerson: -1 })),
    ).toEqual(['incomePerPerson']);
    expect(
      await fields(await admin.request('POST', '/api/eligibility/standards', { ...body, incomePerPerson: 1100.005 })),
    ).toEqual(['incomePerPerson']);
    expect(await fields(await admin.request('POST', '/api/eligibility/standards', { ...body, scheme: 'XX' }))).toEqual([
      'scheme',
    ]);
    expect(
      await fields(await admin.request('POST', '/api/eligibility/standards', { ...body, sourceDocument: '' })),
    ).toEqual(['sourceDocument']);
    expect(
      await fields(await admin.request('POST', '/api/eligibility/standards', { ...body, effectiveFrom: '2099-02-30' })),
    ).toEqual(['effectiveFrom']);
  });

  it('a standard is corrected or removed only before it is in force; one in force is a 409, and a later one supersedes it', async () => {
    const created = await admin.request('POST', '/api/eligibility/standards', body);
    expect(created.status).toBe(201);
    const standard = await json(created);
    expect(standard).toMatchObject({ incomePerPerson: 1250, inForce: false, current: false, sample: false });
    expect(await fields(await admin.request('POST', '/api/eligibility/standards', body))).toEqual(['effectiveFrom']);
    // react-admin sends the record back: the read-only fields are ignored.
    const put = await admin.request('PUT', `/api/eligibility/standards/${standard.id}`, {
      ...standard,
      incomePerPerson: 1260,
    });
    expect(put.status).toBe(200);
    expect((await json(put)).incomePerPerson).toBe(1260);
    expect((await admin.request('DELETE', `/api/eligibility/standards/${standard.id}`)).status).toBe(200);

    const inForce = await h.db.eligibilityStandard.findFirstOrThrow({ where: { scheme: 'DIBAO', districtId: null } });
    const refused = await admin.request('PUT', `/api/eligibility/standards/${inForce.id}`, body);
    expect(refused.status).toBe(409);
    expect(await json(refused)).toMatchObject({ detail: expect.stringContaining('add a new standard') });
    expect((await admin.request('DELETE', `/api/eligibility/standards/${inForce.id}`)).status).toBe(409);
  });
});
