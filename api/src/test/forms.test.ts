import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveSchema, type FormLayout } from '@guanai/workflows/forms';
import { json, q, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Versioned form definitions (issue 17): admins publish versions of the screening, assessment, plan,
 * follow-up and closure forms, city-wide or per district; a case records each answer with the version it
 * was given with, and the API validates every answer against that version's stored schema.
 */
let h: Harness;
const s: Record<string, Session> = {};
let jinjiang: string; // 锦江区, where 水井坊社区 (the station's community) lies
let qingyang: string; // 青羊区
const cityV1: Record<string, { id: string; layout: FormLayout }> = {};

const t = (zh: string, en = zh) => ({ zh, en });

/** The assessment answers version 1 of the city's assessment form takes. */
const assessmentV1 = { housing: 'RENTED', health: 'CHRONIC', hasCarer: true, carerRelation: '女儿' };

const openTask = (caseId: string, kind: string) =>
  h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });

async function complete(who: Session, caseId: string, kind: string, body: Record<string, unknown>) {
  const task = await openTask(caseId, kind);
  if (!task.assigneeId) expect((await who.request('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);
  return who.request('POST', `/api/tasks/${task.id}/complete`, body);
}

async function openCase(name: string, serial: string): Promise<string> {
  const res = await s.station!.request('POST', '/api/cases', {
    person: { name, idNumber: residentId(`51010419600101${serial}`), hukou: 'CHENGDU' },
    situation: '独居，生活困难',
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const caseId = (await json(res)).id as string;
  return caseId;
}

async function publishNew(kind: string, layout: FormLayout, districtId: string | null = null) {
  const draft = await s.admin!.request('POST', '/api/forms', { kind, districtId, layout });
  expect(draft.status, await draft.clone().text()).toBe(201);
  const published = await s.admin!.request('POST', `/api/forms/${(await json(draft)).id}/publish`);
  expect(published.status).toBe(200);
  return json(published);
}

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'admin']) s[name] = await signIn(h.app, name);
  jinjiang = (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104000000' } })).id;
  qingyang = (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510105000000' } })).id;
  for (const row of await h.db.formDefinition.findMany({ where: { districtId: null, version: 1 } }))
    cityV1[row.kind] = { id: row.id, layout: row.layout as unknown as FormLayout };
}, 120_000);
afterAll(async () => h?.stop());

describe('form definitions', () => {
  it('start with a published city-wide version 1 of each kind, whose schema is the one its layout derives', async () => {
    const rows = await h.db.formDefinition.findMany({ orderBy: { kind: 'asc' } });
    expect(rows.map((r) => [r.kind, r.districtId, r.version, r.status])).toEqual(
      ['SCREENING', 'ASSESSMENT', 'PLAN', 'FOLLOW_UP', 'CLOSURE'].map((kind) => [kind, null, 1, 'PUBLISHED']),
    );
    for (const row of rows) expect(row.schema).toEqual(deriveSchema(row.layout as unknown as FormLayout));
  });

  it('are published by admins only: a caseworker’s draft or publish is a 403 and writes nothing', async () => {
    const before = await h.db.formDefinition.count();
    expect((await s.caseworker!.request('POST', '/api/forms', { kind: 'PLAN' })).status).toBe(403);
    expect((await s.caseworker!.request('POST', `/api/forms/${cityV1.PLAN!.id}/publish`)).status).toBe(403);
    expect(
      (await s.caseworker!.request('PUT', `/api/forms/${cityV1.PLAN!.id}`, { layout: cityV1.PLAN!.layout })).status,
    ).toBe(403);
    expect(await h.db.formDefinition.count()).toBe(before);
    // Everyone signed in reads them.
    const list = await s.caseworker!.request('GET', `/api/forms${q({ filter: { kind: 'PLAN' } })}`);
    expect(list.status).toBe(200);
    expect((await json(list)).map((f: { version: number }) => f.version)).toEqual([1]);
  });

  it('never change once published: editing a published version is a 409, and the database refuses it too', async () => {
    const { id, layout } = cityV1.CLOSURE!;
    const edited = { sections: [{ ...layout.sections[0]!, title: t('改过的标题') }] };
    const res = await s.admin!.request('PUT', `/api/forms/${id}`, { layout: edited });
    expect(res.status).toBe(409);
    expect((await json(res)).type).toBe('urn:guanai:problem:form-published');
    await expect(h.db.formDefinition.update({ where: { id }, data: { layout: edited as object } })).rejects.toThrow(
      /never changed/,
    );
    await expect(h.db.formDefinition.delete({ where: { id } })).rejects.toThrow(/never deleted/);
    expect((await h.db.formDefinition.findUniqueOrThrow({ where: { id } })).layout).toEqual(layout);
  });

  it('refuse a layout whose condition names a later field, naming the place (422)', async () => {
    const draft = await json(await s.admin!.request('POST', '/api/forms', { kind: 'FOLLOW_UP' }));
    expect(draft).toMatchObject({ status: 'DRAFT', version: 2, districtId: null });
    expect(draft.layout).toEqual(cityV1.FOLLOW_UP!.layout); // a copy of the current version
    const bad = {
      sections: [
        {
          title: t('回访'),
          fields: [
            { name: 'note', widget: 'text', label: t('说明'), visibleIf: { field: 'ok', equals: true } },
            { name: 'ok', widget: 'boolean', label: t('好') },
          ],
        },
      ],
    };
    const res = await s.admin!.request('PUT', `/api/forms/${draft.id}`, { layout: bad });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([
      { field: 'layout.sections.0.fields.0.visibleIf.field', reason: 'must name a field shown before this one' },
    ]);
    // A second draft of the same scope is a 409; the draft can be discarded.
    expect((await s.admin!.request('POST', '/api/forms', { kind: 'FOLLOW_UP' })).status).toBe(409);
    expect((await s.admin!.request('DELETE', `/api/forms/${draft.id}`)).status).toBe(200);
  });

  it('resolve a district’s own version over the city’s, and the city’s for another district', async () => {
    const override = await publishNew(
      'SCREENING',
      {
        sections: [
          {
            title: t('锦江区初筛补充'),
            fields: [{ name: 'gridReport', widget: 'boolean', label: t('是否网格员上报'), required: true }],
          },
        ],
      },
      jinjiang,
    );
    expect(override).toMatchObject({ kind: 'SCREENING', districtId: jinjiang, version: 1, current: true });
    const current = async (params: string) =>
      json(await s.caseworker!.request('GET', `/api/forms/current?kind=SCREENING&${params}`));
    expect((await current(`districtId=${jinjiang}`)).id).toBe(override.id);
    expect((await current(`districtId=${qingyang}`)).id).toBe(cityV1.SCREENING!.id);
    // A case of 水井坊社区 (锦江区) gets the override; its screening refuses the city's version.
    const caseId = await openCase('锦江初筛', '101');
    expect((await current(`caseId=${caseId}`)).id).toBe(override.id);
    // Retired, the district falls back to the city's.
    expect((await s.admin!.request('POST', `/api/forms/${override.id}/retire`)).status).toBe(200);
    expect((await current(`caseId=${caseId}`)).id).toBe(cityV1.SCREENING!.id);
    const refused = await complete(s.caseworker!, caseId, 'SCREEN', {
      form: { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' },
      answers: { definitionId: override.id, values: { gridReport: true } },
    });
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors[0].field).toBe('answers.definitionId');
  });
});

describe('a case’s answers', () => {
  let caseId: string;

  it('are validated against their version: an invalid answer is a 422 naming the field, and nothing changes', async () => {
    caseId = await openCase('表单甲', '202');
    const screened = await complete(s.caseworker!, caseId, 'SCREEN', {
      form: { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' },
      answers: {
        definitionId: cityV1.SCREENING!.id,
        values: { householdSize: 1, livingArrangement: 'ALONE', receivesAid: true, aidSchemes: ['DIBAO'] },
      },
    });
    expect(screened.status, await screened.clone().text()).toBe(200);
    const assess = await openTask(caseId, 'ASSESS');
    expect((await s.caseworker!.request('POST', `/api/tasks/${assess.id}/claim`)).status).toBe(200);
    const before = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    const events = await h.db.caseEvent.count({ where: { caseId } });
    const invalid = await complete(s.caseworker!, caseId, 'ASSESS', {
      form: { needs: [{ category: 'HOUSING', severity: 'HIGH' }] },
      answers: {
        definitionId: cityV1.ASSESSMENT!.id,
        values: { housing: 'CASTLE', health: 'GOOD', hasCarer: false, carerRelation: '邻居' },
      },
    });
    expect(invalid.status).toBe(422);
    const problem = await json(invalid);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'answers.values.housing', reason: 'must be one of OWN, RENTED, RELATIVE, DILAPIDATED, NONE' },
        {
          field: 'answers.values.carerRelation',
          reason: 'is not asked here: the condition that shows it does not hold',
        },
      ]),
    );
    const missing = await complete(s.caseworker!, caseId, 'ASSESS', {
      form: { needs: [{ category: 'HOUSING', severity: 'HIGH' }] },
      answers: { definitionId: cityV1.ASSESSMENT!.id, values: { health: 'GOOD', hasCarer: false } },
    });
    expect((await json(missing)).errors).toEqual([{ field: 'answers.values.housing', reason: 'is required' }]);
    // Nothing changed on the case: same state, version and events, the task still open.
    const after = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect([after.state, after.lastSeq, after.data]).toEqual([before.state, before.lastSeq, before.data]);
    expect(await h.db.caseEvent.count({ where: { caseId } })).toBe(events);
    expect((await openTask(caseId, 'ASSESS')).status).toBe('OPEN');
    // Answers of another kind's form are refused too.
    const wrongKind = await complete(s.caseworker!, caseId, 'ASSESS', {
      form: { needs: [{ category: 'HOUSING', severity: 'HIGH' }] },
      answers: { definitionId: cityV1.PLAN!.id, values: {} },
    });
    expect((await json(wrongKind)).errors[0].field).toBe('answers.definitionId');
  });

  it('given before a version published mid-case stay valid and are returned with their own version', async () => {
    const assessed = await complete(s.caseworker!, caseId, 'ASSESS', {
      form: { needs: [{ category: 'HOUSING', severity: 'HIGH' }] },
      answers: { definitionId: cityV1.ASSESSMENT!.id, values: assessmentV1 },
    });
    expect(assessed.status, await assessed.clone().text()).toBe(200);
    const planV1 = { period: '3M', clientAgreed: true };
    expect(
      (
        await complete(s.caseworker!, caseId, 'PLAN', {
          form: { summary: '租房补贴与上门照料' },
          answers: { definitionId: cityV1.PLAN!.id, values: planV1 },
        })
      ).status,
    ).toBe(200);

    // Mid-case, the city publishes version 2 of the plan form: a required review date.
    const v1 = cityV1.PLAN!.layout;
    const v2 = await publishNew('PLAN', {
      sections: [
        {
          ...v1.sections[0]!,
          fields: [
            ...v1.sections[0]!.fields,
            { name: 'reviewDate', widget: 'date', label: t('方案复核日期', 'Review date'), required: true },
          ],
        },
      ],
    });
    expect(v2).toMatchObject({ version: 2, current: true });
    expect((await json(await s.caseworker!.request('GET', `/api/forms/current?kind=PLAN&caseId=${caseId}`))).id).toBe(
      v2.id,
    );

    // The supervisor returns the plan; the new PLAN task is answered with version 2 and checked against it.
    expect(
      (await complete(s.supervisor!, caseId, 'APPROVE_PLAN', { form: { approved: false, reason: '补充复核日期' } }))
        .status,
    ).toBe(200);
    const withoutDate = await complete(s.caseworker!, caseId, 'PLAN', {
      form: { summary: '租房补贴与上门照料' },
      answers: { definitionId: v2.id, values: planV1 },
    });
    expect(withoutDate.status).toBe(422);
    expect((await json(withoutDate)).errors).toEqual([{ field: 'answers.values.reviewDate', reason: 'is required' }]);
    const planV2 = { ...planV1, reviewDate: '2026-12-31' };
    expect(
      (
        await complete(s.caseworker!, caseId, 'PLAN', {
          form: { summary: '租房补贴与上门照料' },
          answers: { definitionId: v2.id, values: planV2 },
        })
      ).status,
    ).toBe(200);

    // The case page: each answer with the definition and version it was given with.
    const detail = await json(await s.caseworker!.request('GET', `/api/cases/${caseId}`));
    const answered = detail.events
      .filter((e: { payload: { answers?: unknown } }) => e.payload.answers)
      .map(
        (e: {
          type: string;
          payload: { answers: { kind: string; version: number; definitionId: string; values: unknown } };
        }) => [
          e.type,
          e.payload.answers.kind,
          e.payload.answers.version,
          e.payload.answers.definitionId,
          e.payload.answers.values,
        ],
      );
    expect(answered).toEqual([
      ['SCREENED', 'SCREENING', 1, cityV1.SCREENING!.id, expect.objectContaining({ householdSize: 1 })],
      ['ASSESSED', 'ASSESSMENT', 1, cityV1.ASSESSMENT!.id, assessmentV1],
      ['PLAN_SUBMITTED', 'PLAN', 1, cityV1.PLAN!.id, planV1],
      ['PLAN_SUBMITTED', 'PLAN', 2, v2.id, planV2],
    ]);
    // The earlier plan answer renders with version 1's layout, which has no review date, and is still valid under it.
    const first = await json(await s.caseworker!.request('GET', `/api/forms/${cityV1.PLAN!.id}`));
    expect(first).toMatchObject({ version: 1, status: 'PUBLISHED', current: false });
    expect(first.layout.sections[0].fields.map((f: { name: string }) => f.name)).not.toContain('reviewDate');
    // The machine keeps them too (context.formAnswers, projected with the case).
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    const kept = (row.data as { formAnswers?: { version: number; kind: string; by: string }[] }).formAnswers ?? [];
    expect(kept.map((a) => `${a.kind}@${a.version}`)).toEqual(['SCREENING@1', 'ASSESSMENT@1', 'PLAN@1', 'PLAN@2']);
  });

  it('of the closure form go with a proposed closure, checked against their version', async () => {
    const closure = cityV1.CLOSURE!.id;
    const act = (values: Record<string, unknown>) =>
      s.caseworker!.request('POST', `/api/cases/${caseId}/actions`, {
        type: 'PROPOSE_CLOSURE',
        reason: 'declined',
        answers: { definitionId: closure, values },
      });
    const refused = await act({ goalsMet: 'NOT_MET', referredOn: true });
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors).toEqual([{ field: 'answers.values.referredTo', reason: 'is required' }]);
    const done = await act({ goalsMet: 'NOT_MET', referredOn: true, referredTo: '锦江区残联' });
    expect(done.status, await done.clone().text()).toBe(200);
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect((row.data as { formAnswers: { kind: string }[] }).formAnswers.at(-1)).toMatchObject({
      kind: 'CLOSURE',
      version: 1,
      values: { referredTo: '锦江区残联' },
    });
  });
});
