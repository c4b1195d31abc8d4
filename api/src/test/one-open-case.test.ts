import { setTimeout as sleep } from 'node:timers/promises';
import { defaultPayloadConverter } from '@temporalio/common';
import { caseWorkflowId, type CaseWorkflowInput } from '@guanai/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
const s: Record<string, Session> = {};

beforeAll(async () => {
  h = await startHarness({ caseSettings: { reopenWindowDays: 30 } });
  for (const name of ['station', 'supervisor']) s[name] = await signIn(h.app, name);
});
afterAll(async () => h?.stop());

const person = async (name: string) =>
  json(await s.station!.request('POST', '/api/people', { name, hukou: 'CHENGDU', confirmNotDuplicate: true }));
const open = (personId: string, headers: Record<string, string> = {}) =>
  s.station!.request('POST', '/api/cases', { personId, situation: '独居，生活困难' }, headers);
const act = (caseId: string, body: Record<string, unknown>) =>
  s.supervisor!.request('POST', `/api/cases/${caseId}/actions`, body);
/**
 * The case workflows started for a person: those on this file's task queue whose start input names
 * them. Visibility is eventually consistent: wait until `expected` has appeared, then a little more.
 */
async function workflowsFor(personId: string, expected: string): Promise<string[]> {
  const list = async () => {
    const found: string[] = [];
    for await (const execution of h.env.client.workflow.list({ query: `TaskQueue = '${h.taskQueue}'` })) {
      const history = await h.env.client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
      const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      const input = payload ? defaultPayloadConverter.fromPayload<CaseWorkflowInput>(payload) : undefined;
      if (input?.record.personId === personId && !found.includes(execution.workflowId))
        found.push(execution.workflowId);
    }
    return found;
  };
  for (let i = 0; i < 100 && !(await list()).includes(caseWorkflowId(expected)); i++) await sleep(100);
  await sleep(500);
  return list();
}

describe('one open case per person', () => {
  it('eight concurrent openings for one registered person: one case and one workflow; the others get 409 naming it', async () => {
    const { id: personId } = await person('并发甲');
    const keys = Array.from({ length: 8 }, (_, i) => `race-${personId}-${i}`);
    const responses = await Promise.all(keys.map((key) => open(personId, { 'Idempotency-Key': key })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    const winner = await json(responses[statuses.indexOf(201)]!);
    for (const res of responses.filter((r) => r.status === 409)) {
      const problem = await json(res);
      expect(problem).toMatchObject({ type: 'urn:guanai:problem:duplicate-case', errors: [{ field: 'personId' }] });
      expect(problem.detail).toContain(winner.caseNo);
    }
    expect(await h.db.case.count({ where: { personId } })).toBe(1);
    // The losers never started a workflow.
    expect(await workflowsFor(personId, winner.id)).toEqual([caseWorkflowId(winner.id)]);
  });

  it('a retried request (same Idempotency-Key), during or after its first attempt, gets its own case, never a duplicate-case 409', async () => {
    const { id: personId } = await person('并发乙');
    const headers = { 'Idempotency-Key': `retry-${personId}` };
    const racing = await Promise.all([open(personId, headers), open(personId, headers)]);
    const first = await json(racing.find((r) => r.status === 201)!);
    for (const res of racing) {
      const body = res.bodyUsed ? first : await json(res);
      // Either its own case, or (when the request layer sees the first attempt still running) "in progress".
      if (res.status === 201) expect(body.id).toBe(first.id);
      else
        expect({ status: res.status, type: body.type }).toEqual({
          status: 409,
          type: 'urn:guanai:problem:idempotency-key-in-progress',
        });
    }
    const retried = await open(personId, headers);
    expect(retried.status).toBe(201);
    expect((await json(retried)).id).toBe(first.id);
    expect(await h.db.case.count({ where: { personId } })).toBe(1);
  });

  it('eight concurrent openings that register the same new person (one document): one person, one case', async () => {
    const idNumber = residentId('51010419570707007');
    const body = { person: { name: '并发戊', idNumber, hukou: 'CHENGDU' }, situation: '独居，生活困难' };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => s.station!.request('POST', '/api/cases', body)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    // The registry's lock on the document serialises the registrations: the others find the first record.
    for (const res of responses.filter((r) => r.status !== 201)) {
      expect(res.status).toBe(409);
      expect((await json(res)).type).toBe('urn:guanai:problem:duplicate-person');
    }
    const people = await h.db.person.findMany({ where: { name: '并发戊' }, select: { id: true } });
    expect(people).toHaveLength(1);
    expect(await h.db.case.count({ where: { personId: people[0]!.id } })).toBe(1);
  });

  it('the database refuses a second case that is not closed for the same person (the last guard)', async () => {
    const { id: personId } = await person('并发丙');
    const first = await json(await open(personId));
    const insert = (id: string, caseNo: string, status: string) =>
      h.db.$executeRawUnsafe(
        `INSERT INTO "case" (id, case_no, person_id, origin, situation, state, status, owning_unit_id, origin_unit_id, created_by_id)
       SELECT $1::uuid, $2, person_id, origin, situation, 'intake', $3::"CaseStatus", owning_unit_id, origin_unit_id, created_by_id FROM "case" WHERE id = $4::uuid`,
        id,
        caseNo,
        status,
        first.id,
      );
    await expect(insert(crypto.randomUUID(), 'GUARD-1', 'OPEN')).rejects.toThrow(/unique/i);
    await expect(insert(crypto.randomUUID(), 'GUARD-2', 'SUSPENDED')).rejects.toThrow(/unique/i);
    expect(await insert(crypto.randomUUID(), 'GUARD-3', 'CLOSED')).toBe(1); // closed cases are history: any number
    expect(await h.db.case.count({ where: { personId, status: { not: 'CLOSED' } } })).toBe(1);
  });

  it('a closed case is not reopened while the person has another open case', async () => {
    const { id: personId } = await person('并发丁');
    const first = await json(await open(personId));
    expect((await act(first.id, { type: 'CLOSE', reason: 'moved' })).status).toBe(200);
    const second = await json(await open(personId));
    const refused = await act(first.id, { type: 'REOPEN', reason: '本人返回辖区' });
    expect(refused.status).toBe(409);
    const problem = await json(refused);
    expect(problem.type).toBe('urn:guanai:problem:duplicate-case');
    expect(problem.detail).toContain(second.caseNo);
    expect(await h.db.case.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'CLOSED' });
    // Once the other case is closed, the first may be reopened.
    expect((await act(second.id, { type: 'CLOSE', reason: 'duplicate' })).status).toBe(200);
    expect((await act(first.id, { type: 'REOPEN', reason: '本人返回辖区' })).status).toBe(200);
    expect(await h.db.case.count({ where: { personId, status: { not: 'CLOSED' } } })).toBe(1);
  });

  it('a merge of two people who both have an open case is refused naming both; after one is closed as duplicate it goes through', async () => {
    const kept = await person('合并甲');
    const duplicate = await person('合并甲');
    const keptCase = await json(await open(kept.id));
    const duplicateCase = await json(await open(duplicate.id));
    const reason = '同一人重复登记，住址与电话核实一致';
    const refused = await s.supervisor!.request('POST', `/api/people/${duplicate.id}/merge`, {
      intoId: kept.id,
      reason,
    });
    expect(refused.status).toBe(409);
    const problem = await json(refused);
    expect(problem).toMatchObject({
      type: 'urn:guanai:problem:duplicate-case',
      openCases: [keptCase.caseNo, duplicateCase.caseNo].sort(),
    });
    expect(problem.detail).toContain(keptCase.caseNo);
    expect(problem.detail).toContain(duplicateCase.caseNo);
    // Nothing moved.
    expect(await h.db.person.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ mergedIntoId: null });
    expect(await h.db.case.findUniqueOrThrow({ where: { id: duplicateCase.id } })).toMatchObject({
      personId: duplicate.id,
      status: 'OPEN',
    });

    expect((await act(duplicateCase.id, { type: 'CLOSE', reason: 'duplicate' })).status).toBe(200);
    const merged = await s.supervisor!.request('POST', `/api/people/${duplicate.id}/merge`, {
      intoId: kept.id,
      reason,
    });
    expect(merged.status).toBe(200);
    expect(await json(merged)).toMatchObject({ id: kept.id, openCases: 1 });
    // The kept person has both cases, one of them open; the merge where only one has an open case works.
    expect(
      await h.db.case.findMany({
        where: { personId: kept.id },
        select: { id: true, status: true },
        orderBy: { createdAt: 'asc' },
      }),
    ).toEqual([
      { id: keptCase.id, status: 'OPEN' },
      { id: duplicateCase.id, status: 'CLOSED' },
    ]);
  });
});
