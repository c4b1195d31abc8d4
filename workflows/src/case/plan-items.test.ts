import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caseMachine, refusalOf, stateName, type CaseEvent, type CaseSnapshot } from './machine.ts';
import type { ActRequest } from './messages.ts';
import type { PlanItem } from './plan-items.ts';
import { TASK_KINDS, type Actor, type SlaPolicy } from './types.ts';

const units = { community: 'c1', township: 't1', district: 'd1', city: 'y1' };
const station: Actor = { id: 'u-station', role: 'STATION_WORKER', unitId: 'c1' };
const caseworker: Actor = { id: 'u-cw', role: 'CASEWORKER', unitId: 't1' };
const supervisor: Actor = { id: 'u-sup', role: 'SUPERVISOR', unitId: 't1' };
const system: Actor = { id: 'system', role: 'SYSTEM', unitId: 'system' };
const SLA: SlaPolicy = Object.fromEntries(
  TASK_KINDS.map((kind) => [
    kind,
    { normal: 72, emergency: 12, unit: 'HOURS' as const, warnAt: 0.75, onBreach: 'NOTIFY' },
  ]),
) as SlaPolicy;

let clock = Date.parse('2026-11-02T01:00:00.000Z');
const at = () => new Date((clock += 60_000)).toISOString();

const open = () =>
  initialTransition(caseMachine, {
    caseId: 'case-p',
    origin: 'SELF_APPLICATION',
    units,
    emergency: false,
    openedAt: new Date(clock).toISOString(),
    sla: SLA,
    intakeAssigneeId: station.id,
    followUpTimer: true,
  })[0];

function send(snapshot: CaseSnapshot, event: ActRequest): CaseSnapshot {
  const full = { ...event, at: at() } as CaseEvent;
  const refusal = refusalOf(snapshot, full);
  if (refusal) throw new Error(`refused ${event.type}: ${refusal.code} ${refusal.message}`);
  return transition(caseMachine, snapshot, full)[0];
}
const openTask = (snapshot: CaseSnapshot) => snapshot.context.tasks.find((task) => task.status === 'OPEN')!;
/** Claims the open task as `actor` and sends `event` completing it. */
function work(snapshot: CaseSnapshot, actor: Actor, event: Record<string, unknown> & { type: string }) {
  const task = openTask(snapshot);
  const claimed = task.assigneeId === actor.id ? snapshot : send(snapshot, { type: 'CLAIM', taskId: task.id, actor });
  return send(claimed, { ...event, taskId: task.id, actor } as unknown as ActRequest);
}
/** The refusal of a task-completing event (after claiming), and proof that it changed nothing. */
function refused(snapshot: CaseSnapshot, actor: Actor, event: Record<string, unknown> & { type: string }) {
  const task = openTask(snapshot);
  const claimed = task.assigneeId === actor.id ? snapshot : send(snapshot, { type: 'CLAIM', taskId: task.id, actor });
  const full = { ...event, taskId: task.id, actor, at: at() } as unknown as CaseEvent;
  expect(transition(caseMachine, claimed, full)[0]).toBe(claimed);
  return refusalOf(claimed, full);
}
const state = (snapshot: CaseSnapshot) => stateName(snapshot.value);

const medical: PlanItem = {
  id: 'item-med',
  needCategory: 'MEDICAL',
  goal: '三个月内完成住院费用报销',
  action: '申请大病医疗慈善救助',
  resourceKind: 'MONEY',
  responsible: { kind: 'PARTNER', id: 'partner-1', name: '成都市慈善总会' },
  targetDate: '2027-02-28',
};
const care: PlanItem = {
  id: 'item-care',
  needCategory: 'CARE',
  goal: '每周两次上门照料',
  action: '社工站上门服务',
  responsible: { kind: 'UNIT', id: 't1', name: '街道援助中心' },
  targetDate: '2027-01-31',
};

const assessed = () => {
  let s = work(open(), station, { type: 'REGISTERED', verified: true });
  s = work(s, caseworker, { type: 'SCREENED', referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
  return work(s, caseworker, {
    type: 'ASSESSED',
    needs: [
      { category: 'MEDICAL', severity: 'HIGH' },
      { category: 'CARE', severity: 'MEDIUM' },
    ],
  });
};
const submitted = (items: PlanItem[] = [medical, care]) =>
  work(assessed(), caseworker, { type: 'PLAN_SUBMITTED', summary: '医疗与照料', items });
const approveAll = {
  type: 'PLAN_APPROVED',
  itemDecisions: [medical, care].map((i) => ({ itemId: i.id, approved: true })),
};

describe('§四(二) 个性化方案 item by item', () => {
  it('§四(二) a submitted plan keeps its items, each awaiting the supervisor’s decision', () => {
    const waiting = submitted();
    expect(state(waiting)).toBe('planning.awaitingApproval');
    expect(waiting.context.plan?.items).toEqual([medical, care]);
  });

  it('§四(二) the supervisor approves the plan item by item and the case goes on to matching', () => {
    const approved = work(submitted(), supervisor, approveAll);
    expect(state(approved)).toBe('matching');
    expect(approved.context.plan?.approvedAt).not.toBeNull();
    expect(approved.context.plan?.items?.map((i) => i.decision)).toEqual([
      expect.objectContaining({ approved: true, by: supervisor.id }),
      expect.objectContaining({ approved: true, by: supervisor.id }),
    ]);
  });

  it('§四(二) one returned item returns the plan to drafting with that item’s reason', () => {
    const returned = work(submitted(), supervisor, {
      type: 'PLAN_RETURNED',
      reason: '',
      itemDecisions: [
        { itemId: medical.id, approved: true },
        { itemId: care.id, approved: false, reason: '写明照料时长' },
      ],
    });
    expect(state(returned)).toBe('planning.drafting');
    expect(returned.context.plan?.returns.at(-1)?.reason).toBe('第2项「每周两次上门照料」：写明照料时长');
    expect(returned.context.plan?.items?.[1]?.decision).toMatchObject({ approved: false, reason: '写明照料时长' });
  });

  it('§四(二) on resubmission, items approved before keep their approval unless changed', () => {
    const returned = work(submitted(), supervisor, {
      type: 'PLAN_RETURNED',
      reason: '照料一项需补充',
      itemDecisions: [
        { itemId: medical.id, approved: true },
        { itemId: care.id, approved: false, reason: '写明照料时长' },
      ],
    });
    expect(returned.context.plan?.returns.at(-1)?.reason).toBe(
      '照料一项需补充；第2项「每周两次上门照料」：写明照料时长',
    );
    const careFixed = { ...care, action: '社工站上门服务，每次两小时' };
    const again = work(returned, caseworker, {
      type: 'PLAN_SUBMITTED',
      summary: '医疗与照料',
      items: [medical, careFixed],
    });
    expect(again.context.plan?.items?.[0]?.decision).toMatchObject({ approved: true });
    expect(again.context.plan?.items?.[1]?.decision).toBeUndefined();
    // Only the changed item needs a decision now; the kept approval counts.
    const approved = work(again, supervisor, {
      type: 'PLAN_APPROVED',
      itemDecisions: [{ itemId: care.id, approved: true }],
    });
    expect(state(approved)).toBe('matching');
    expect(approved.context.plan?.items?.every((i) => i.decision?.approved)).toBe(true);

    // A changed item loses its earlier approval.
    const medChanged = { ...medical, targetDate: '2027-03-31' };
    const changed = work(returned, caseworker, {
      type: 'PLAN_SUBMITTED',
      summary: 'x',
      items: [medChanged, careFixed],
    });
    expect(changed.context.plan?.items?.[0]?.decision).toBeUndefined();
  });

  it('§四(二) decisions that do not cover exactly the plan’s items are refused, and change nothing', () => {
    const waiting = submitted();
    expect(refused(waiting, supervisor, { type: 'PLAN_APPROVED' })).toMatchObject({
      code: 'INVALID',
      field: 'itemDecisions',
    });
    expect(
      refused(waiting, supervisor, { type: 'PLAN_APPROVED', itemDecisions: [{ itemId: medical.id, approved: true }] }),
    ).toMatchObject({ code: 'INVALID', field: 'itemDecisions', message: expect.stringContaining('每周两次上门照料') });
    expect(
      refused(waiting, supervisor, {
        type: 'PLAN_APPROVED',
        itemDecisions: [...approveAll.itemDecisions, { itemId: 'nope', approved: true }],
      }),
    ).toMatchObject({ code: 'INVALID', field: 'itemDecisions.2.itemId' });
    expect(
      refused(waiting, supervisor, {
        type: 'PLAN_APPROVED',
        itemDecisions: [...approveAll.itemDecisions, { itemId: medical.id, approved: true }],
      }),
    ).toMatchObject({ code: 'INVALID', field: 'itemDecisions.2.itemId' });
  });

  it('§四(二) an approval needs every item approved; a return needs a returned item with its reason', () => {
    const waiting = submitted();
    const oneReturned = [
      { itemId: medical.id, approved: true },
      { itemId: care.id, approved: false, reason: '不合理' },
    ];
    expect(refused(waiting, supervisor, { type: 'PLAN_APPROVED', itemDecisions: oneReturned })).toMatchObject({
      field: 'itemDecisions.1.approved',
    });
    expect(
      refused(waiting, supervisor, {
        type: 'PLAN_RETURNED',
        reason: 'x',
        itemDecisions: [oneReturned[0], { itemId: care.id, approved: false }],
      }),
    ).toMatchObject({ field: 'itemDecisions.1.reason' });
    expect(
      refused(waiting, supervisor, { type: 'PLAN_RETURNED', reason: 'x', itemDecisions: approveAll.itemDecisions }),
    ).toMatchObject({ field: 'itemDecisions', message: expect.stringContaining('approve the plan') });
  });

  it('§四(二) each item answers one of the case’s assessed needs', () => {
    const drafting = assessed();
    const housing: PlanItem = { ...care, id: 'item-house', needCategory: 'HOUSING' };
    expect(
      refused(drafting, caseworker, { type: 'PLAN_SUBMITTED', summary: 'x', items: [medical, housing] }),
    ).toMatchObject({ code: 'INVALID', field: 'items.1.needCategory' });
    expect(
      refused(drafting, caseworker, {
        type: 'PLAN_SUBMITTED',
        summary: 'x',
        items: [medical, { ...care, id: medical.id }],
      }),
    ).toMatchObject({ field: 'items.1.id' });
    expect(refused(drafting, caseworker, { type: 'PLAN_SUBMITTED', summary: 'x', items: [] })).toMatchObject({
      field: 'items',
    });
    expect(
      refused(drafting, caseworker, {
        type: 'PLAN_SUBMITTED',
        summary: 'x',
        items: [{ ...medical, targetDate: '下月' }],
      }),
    ).toMatchObject({ field: 'items.0.targetDate' });
  });

  it('§四(二) the follow-up visit records each item’s outcome', () => {
    let s = work(submitted(), supervisor, approveAll);
    s = work(s, caseworker, { type: 'MATCHED', matches: [{ category: 'MEDICAL', resource: '大病医疗慈善救助' }] });
    s = work(s, caseworker, { type: 'DELIVERED', items: [{ what: '医疗费用资助', amount: 5000 }] });
    s = transition(caseMachine, s, { type: 'FOLLOW_UP_DUE', actor: system, at: s.context.followUpDueAt! })[0];
    expect(state(s)).toBe('followUp.visiting');
    expect(
      refused(s, caseworker, {
        type: 'FOLLOWED_UP',
        resolved: true,
        itemOutcomes: [{ itemId: medical.id, outcome: 'ACHIEVED' }],
      }),
    ).toMatchObject({ code: 'INVALID', field: 'itemOutcomes' });
    const closed = work(s, caseworker, {
      type: 'FOLLOWED_UP',
      resolved: false,
      itemOutcomes: [
        { itemId: medical.id, outcome: 'ACHIEVED', note: '已报销' },
        { itemId: care.id, outcome: 'PARTLY' },
      ],
    });
    expect(state(closed)).toBe('assessment');
    expect(closed.context.plan?.items?.map((i) => i.outcome)).toEqual([
      expect.objectContaining({ outcome: 'ACHIEVED', note: '已报销', by: caseworker.id }),
      expect.objectContaining({ outcome: 'PARTLY', by: caseworker.id }),
    ]);
    // The next cycle's plan starts afresh: nothing approved is carried over from the approved plan.
    const reassessed = work(closed, caseworker, { type: 'ASSESSED', needs: [{ category: 'CARE', severity: 'LOW' }] });
    const next = work(reassessed, caseworker, { type: 'PLAN_SUBMITTED', summary: '照料', items: [care] });
    expect(next.context.plan?.items).toEqual([care]);
  });

  it('a plan without items (as recorded before items existed) is approved, returned and followed up as before', () => {
    const waiting = work(assessed(), caseworker, { type: 'PLAN_SUBMITTED', summary: '协调医疗救助' });
    expect(waiting.context.plan?.items).toBeUndefined();
    const returned = work(waiting, supervisor, { type: 'PLAN_RETURNED', reason: '补充住房需求' });
    expect(returned.context.plan?.returns.at(-1)?.reason).toBe('补充住房需求');
    const again = work(returned, caseworker, { type: 'PLAN_SUBMITTED', summary: '协调医疗救助与住房' });
    expect(
      refused(again, supervisor, { type: 'PLAN_APPROVED', itemDecisions: [{ itemId: 'x', approved: true }] }),
    ).toMatchObject({ field: 'itemDecisions' });
    const approved = work(again, supervisor, { type: 'PLAN_APPROVED' });
    expect(state(approved)).toBe('matching');
    expect(approved.context.plan?.items).toBeUndefined();
  });
});
