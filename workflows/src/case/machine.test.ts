import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  acceptedEventTypes,
  caseMachine,
  refusalOf,
  stateName,
  type CaseEvent,
  type CaseInput,
  type CaseSnapshot,
} from './machine.ts';
import { TASK_KINDS, type Actor, type GovScheme, type SlaPolicy } from './types.ts';
import type { ActRequest } from './messages.ts';

const units = { community: 'c1', township: 't1', district: 'd1', city: 'y1' };
const station: Actor = { id: 'u-station', role: 'STATION_WORKER', unitId: 'c1' };
const caseworker: Actor = { id: 'u-cw', role: 'CASEWORKER', unitId: 't1' };
const caseworker2: Actor = { id: 'u-cw2', role: 'CASEWORKER', unitId: 't1' };
const supervisor: Actor = { id: 'u-sup', role: 'SUPERVISOR', unitId: 't1' };
const districtCaseworker: Actor = { id: 'u-dcw', role: 'CASEWORKER', unitId: 'd1' };
const otherTownship: Actor = { id: 'u-other', role: 'CASEWORKER', unitId: 't2' };
const otherSupervisor: Actor = { id: 'u-osup', role: 'SUPERVISOR', unitId: 't2' };
const discoverer: Actor = { id: 'u-disc', role: 'DISCOVERER', unitId: 'c1' };

/** Hours throughout, so that the arithmetic in these tests is plain. */
const SLA: SlaPolicy = Object.fromEntries(
  TASK_KINDS.map((kind) => [
    kind,
    {
      normal: 72,
      emergency: 12,
      unit: 'HOURS' as const,
      warnAt: 0.75,
      onBreach: kind === 'MATCH' ? ('AUTO_ESCALATE' as const) : ('NOTIFY' as const),
    },
  ]),
);
const T0 = '2026-11-02T01:00:00.000Z';
let clock = Date.parse(T0);
const at = () => new Date((clock += 60_000)).toISOString();

function open(overrides: Partial<CaseInput> = {}): CaseSnapshot {
  const input: CaseInput = {
    caseId: 'case-1',
    origin: 'SELF_APPLICATION',
    units,
    emergency: false,
    openedAt: T0,
    sla: SLA,
    intakeAssigneeId: station.id,
    followUpTimer: true,
    ...overrides,
  };
  return initialTransition(caseMachine, input)[0];
}

type Send = ActRequest;
function send(snapshot: CaseSnapshot, event: Send): CaseSnapshot {
  const full = { ...event, at: at() } as CaseEvent;
  const refusal = refusalOf(snapshot, full);
  if (refusal) throw new Error(`refused ${event.type}: ${refusal.code} ${refusal.message}`);
  return transition(caseMachine, snapshot, full)[0];
}
function refusal(snapshot: CaseSnapshot, event: Send) {
  const full = { ...event, at: at() } as CaseEvent;
  const result = refusalOf(snapshot, full);
  // A refusal changes nothing (a finished actor processes no events at all).
  if (snapshot.status === 'active') expect(transition(caseMachine, snapshot, full)[0]).toBe(snapshot);
  return result?.code;
}
const openTask = (snapshot: CaseSnapshot) => {
  const open = snapshot.context.tasks.filter((task) => task.status === 'OPEN');
  expect(open).toHaveLength(1);
  return open[0]!;
};
const state = (snapshot: CaseSnapshot) => stateName(snapshot.value);

/** Claims the open task as `actor` and completes it with `event`. */
function work(snapshot: CaseSnapshot, actor: Actor, event: Record<string, unknown> & { type: string }): CaseSnapshot {
  const task = openTask(snapshot);
  const claimed =
    task.assigneeId === actor.id ? snapshot : send(snapshot, { type: 'CLAIM', taskId: task.id, actor } as Send);
  return send(claimed, { ...event, taskId: task.id, actor } as unknown as Send);
}

const registered = () => work(open(), station, { type: 'REGISTERED', verified: true });
const screened = (outcome: 'RESIDUAL_NEED' | 'GOV_AID_ONLY' | 'NO_NEED') =>
  work(registered(), caseworker, { type: 'SCREENED', referrals: outcome === 'NO_NEED' ? [] : ['DIBAO'], outcome });
const assessed = () =>
  work(screened('RESIDUAL_NEED'), caseworker, { type: 'ASSESSED', needs: [{ category: 'MEDICAL', severity: 'HIGH' }] });
const submitted = () => work(assessed(), caseworker, { type: 'PLAN_SUBMITTED', summary: '协调医疗救助与慈善项目' });
const matching = () => work(submitted(), supervisor, { type: 'PLAN_APPROVED' });
const delivering = () =>
  work(matching(), caseworker, { type: 'MATCHED', matches: [{ category: 'MEDICAL', resource: '大病医疗慈善救助' }] });
const delivered = () =>
  work(delivering(), caseworker, { type: 'DELIVERED', items: [{ what: '医疗费用资助', amount: 5000, unit: 'CNY' }] });
const system: Actor = { id: 'system', role: 'SYSTEM', unitId: 'system' };
/** The durable follow-up timer fires: the workflow sends FOLLOW_UP_DUE at the due time. */
const due = (waiting: CaseSnapshot) =>
  transition(caseMachine, waiting, {
    type: 'FOLLOW_UP_DUE',
    actor: system,
    at: waiting.context.followUpDueAt!,
  } as CaseEvent)[0];
const visiting = () => due(delivered());
const escalated = () => send(matching(), { type: 'ESCALATE', reason: '本街道资源不足', actor: caseworker });

describe('intake (§四(一) discovery)', () => {
  it('opens in intake with a REGISTER task at the community station, held by the registering station worker', () => {
    const snapshot = open();
    expect(state(snapshot)).toBe('intake');
    expect(snapshot.context.owningUnitId).toBe('c1');
    const task = openTask(snapshot);
    expect(task).toMatchObject({ kind: 'REGISTER', unitId: 'c1', assigneeId: station.id, createdAt: T0 });
    expect(Date.parse(task.dueAt) - Date.parse(T0)).toBe(SLA.REGISTER!.normal * 3_600_000);
  });

  it('an outreach report leaves the REGISTER task unassigned in the station queue', () => {
    expect(openTask(open({ origin: 'OUTREACH', intakeAssigneeId: null })).assigneeId).toBeNull();
  });

  it('REGISTERED hands the case to the township center and opens screening there', () => {
    const snapshot = registered();
    expect(state(snapshot)).toBe('screening');
    expect(snapshot.context.owningUnitId).toBe('t1');
    expect(snapshot.context.tasks[0]).toMatchObject({ kind: 'REGISTER', status: 'DONE', completedById: station.id });
    expect(openTask(snapshot)).toMatchObject({ kind: 'SCREEN', unitId: 't1', assigneeId: null });
  });

  it('refuses REGISTERED from a discoverer, from another unit, or for an unknown task', () => {
    const snapshot = open({ intakeAssigneeId: null });
    const taskId = openTask(snapshot).id;
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: discoverer })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: otherTownship })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'REGISTERED', taskId, verified: true, actor: station })).toBe('NOT_ASSIGNEE');
    expect(refusal(snapshot, { type: 'REGISTERED', taskId: 'nope', verified: true, actor: station })).toBe(
      'TASK_NOT_FOUND',
    );
  });

  it('refuses events that intake does not take', () => {
    const snapshot = open();
    expect(
      refusal(snapshot, {
        type: 'SCREENED',
        taskId: openTask(snapshot).id,
        referrals: [],
        outcome: 'NO_NEED',
        actor: caseworker,
      }),
    ).toBe('NOT_ALLOWED_IN_STATE');
    expect(refusal(snapshot, { type: 'ASSESSED', taskId: 'x', needs: [], actor: caseworker })).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
  });
});

describe('claim and release', () => {
  it('a township caseworker claims the SCREEN task; a second claim is refused', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    const claimed = send(snapshot, { type: 'CLAIM', taskId, actor: caseworker });
    expect(openTask(claimed).assigneeId).toBe(caseworker.id);
    expect(refusal(claimed, { type: 'CLAIM', taskId, actor: caseworker2 })).toBe('TASK_TAKEN');
    expect(refusal(claimed, { type: 'CLAIM', taskId, actor: caseworker })).toBe('TASK_TAKEN');
  });

  it('a caseworker of a parent unit may claim; a station worker, another township or an unknown task may not', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    expect(openTask(send(snapshot, { type: 'CLAIM', taskId, actor: districtCaseworker })).assigneeId).toBe(
      districtCaseworker.id,
    );
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: station })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: otherTownship })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLAIM', taskId: 'case-1:99', actor: caseworker })).toBe('TASK_NOT_FOUND');
  });

  it('the assignee or a supervisor releases; nobody else does', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    expect(refusal(snapshot, { type: 'RELEASE', taskId, actor: caseworker })).toBe('NOT_ASSIGNEE');
    const claimed = send(snapshot, { type: 'CLAIM', taskId, actor: caseworker });
    expect(refusal(claimed, { type: 'RELEASE', taskId, actor: caseworker2 })).toBe('NOT_ASSIGNEE');
    expect(openTask(send(claimed, { type: 'RELEASE', taskId, actor: caseworker })).assigneeId).toBeNull();
    expect(openTask(send(claimed, { type: 'RELEASE', taskId, actor: supervisor })).assigneeId).toBeNull();
  });

  it('completing needs the claim: unclaimed or someone else’s task is refused', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    const screen = {
      type: 'SCREENED' as const,
      taskId,
      referrals: [] as GovScheme[],
      outcome: 'RESIDUAL_NEED' as const,
    };
    expect(refusal(snapshot, { ...screen, actor: caseworker })).toBe('NOT_ASSIGNEE');
    const claimed = send(snapshot, { type: 'CLAIM', taskId, actor: caseworker });
    expect(refusal(claimed, { ...screen, actor: caseworker2 })).toBe('NOT_ASSIGNEE');
  });
});

describe('screening (§四(二))', () => {
  it('§四(二) only residual need goes on: RESIDUAL_NEED opens a needs assessment', () => {
    const snapshot = screened('RESIDUAL_NEED');
    expect(state(snapshot)).toBe('assessment');
    expect(snapshot.context.referrals).toEqual([{ scheme: 'DIBAO', outcome: 'PENDING' }]);
    expect(openTask(snapshot)).toMatchObject({ kind: 'ASSESS', unitId: 't1' });
  });

  it('§四(二) no residual need: NO_NEED closes the case as no_need', () => {
    const snapshot = screened('NO_NEED');
    expect(state(snapshot)).toBe('closed');
    expect(snapshot.context.closureReason).toBe('no_need');
    expect(snapshot.context.closedAt).not.toBeNull();
    expect(snapshot.context.tasks.every((task) => task.status !== 'OPEN')).toBe(true);
  });

  it('§二 无缝衔接 government aid only: the case is monitored, granted aid goes to follow-up and closes as gov_aid_only', () => {
    const monitoring = screened('GOV_AID_ONLY');
    expect(state(monitoring)).toBe('monitoring');
    const waiting = work(monitoring, caseworker, { type: 'GOV_AID_GRANTED' });
    expect(state(waiting)).toBe('followUp.waiting');
    const followUp = due(waiting);
    expect(state(followUp)).toBe('followUp.visiting');
    expect(followUp.context.referrals).toEqual([{ scheme: 'DIBAO', outcome: 'GRANTED' }]);
    const closed = work(followUp, caseworker, { type: 'FOLLOWED_UP', resolved: true });
    expect(closed.context.closureReason).toBe('gov_aid_only');
  });

  it('§二 无缝衔接 government aid denied: the case goes to needs assessment', () => {
    const assessment = work(screened('GOV_AID_ONLY'), caseworker, { type: 'GOV_AID_DENIED' });
    expect(state(assessment)).toBe('assessment');
    expect(assessment.context.referrals[0]?.outcome).toBe('DENIED');
  });
});

describe('assessment and plan', () => {
  it('ASSESSED records classified needs and opens plan drafting', () => {
    const snapshot = assessed();
    expect(state(snapshot)).toBe('planning.drafting');
    expect(snapshot.context.assessments).toHaveLength(1);
    expect(snapshot.context.assessments[0]?.needs).toEqual([{ category: 'MEDICAL', severity: 'HIGH' }]);
    expect(openTask(snapshot).kind).toBe('PLAN');
  });

  it('a submitted plan waits for a supervisor, who may return it with a reason', () => {
    const waiting = submitted();
    expect(state(waiting)).toBe('planning.awaitingApproval');
    expect(openTask(waiting)).toMatchObject({ kind: 'APPROVE_PLAN', unitId: 't1' });
    expect(refusal(waiting, { type: 'CLAIM', taskId: openTask(waiting).id, actor: caseworker })).toBe('FORBIDDEN');
    const returned = work(waiting, supervisor, { type: 'PLAN_RETURNED', reason: '补充住房需求' });
    expect(state(returned)).toBe('planning.drafting');
    expect(returned.context.plan?.returns).toEqual([
      expect.objectContaining({ reason: '补充住房需求', by: supervisor.id }),
    ]);
  });

  it('an approved plan goes on to matching', () => {
    const matching = work(submitted(), supervisor, { type: 'PLAN_APPROVED' });
    expect(state(matching)).toBe('matching');
    expect(matching.context.plan?.approvedAt).not.toBeNull();
    expect(openTask(matching).kind).toBe('MATCH');
  });

  it('follow-up with needs remaining re-assesses and keeps the earlier assessment', () => {
    const followUp = due(work(screened('GOV_AID_ONLY'), caseworker, { type: 'GOV_AID_GRANTED' }));
    const again = work(followUp, caseworker, { type: 'FOLLOWED_UP', resolved: false });
    expect(state(again)).toBe('assessment');
    const first = work(again, caseworker, { type: 'ASSESSED', needs: [{ category: 'CARE', severity: 'LOW' }] });
    expect(first.context.assessments).toHaveLength(1);
  });
});

describe('closure by a supervisor', () => {
  it('closes from any open state with a reason and cancels the open task', () => {
    for (const snapshot of [open(), registered(), screened('GOV_AID_ONLY'), assessed(), submitted()]) {
      const closed = send(snapshot, { type: 'CLOSE', reason: 'unreachable', actor: supervisor });
      expect(state(closed)).toBe('closed');
      expect(closed.context.closureReason).toBe('unreachable');
      expect(closed.context.tasks.filter((task) => task.status === 'OPEN')).toEqual([]);
      expect(closed.context.tasks.at(-1)?.status).toBe('CANCELLED');
    }
  });

  it('refuses closure by a caseworker or by a supervisor of another township', () => {
    const snapshot = registered();
    expect(refusal(snapshot, { type: 'CLOSE', reason: 'declined', actor: caseworker })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLOSE', reason: 'declined', actor: otherSupervisor })).toBe('FORBIDDEN');
  });

  it('a closed case takes no more events', () => {
    const closed = screened('NO_NEED');
    expect(refusal(closed, { type: 'CLOSE', reason: 'duplicate', actor: supervisor })).toBe('NOT_ALLOWED_IN_STATE');
  });
});

describe('SLA', () => {
  it('急难 an emergency case gets the emergency durations', () => {
    const snapshot = open({ emergency: true });
    const task = openTask(snapshot);
    expect(Date.parse(task.dueAt) - Date.parse(task.createdAt)).toBe(SLA.REGISTER!.emergency * 3_600_000);
  });
});

describe('every state takes exactly its events', () => {
  const everywhere = ['CLAIM', 'RELEASE', 'REASSIGN', 'ADD_NOTE', 'FLAG', 'UNFLAG', 'SLA_WARNING', 'SLA_BREACHED'];
  const whileOpen = [
    ...everywhere,
    'SUSPEND',
    'CLOSE',
    'PROPOSE_CLOSURE',
    'CLOSURE_APPROVED',
    'CLOSURE_REJECTED',
    'MARK_EMERGENCY',
    'TEMP_AID_GIVEN',
    'MEETING_ACTION_DONE',
  ];
  const working = [...whileOpen, 'ESCALATE', 'REFER_JOINT_MEETING'];
  const cases: [string, () => CaseSnapshot, string[]][] = [
    // Intake is the station's: a case is escalated from a center's working step, never from intake.
    ['intake', open, [...whileOpen, 'REFER_JOINT_MEETING', 'REGISTERED']],
    ['screening', registered, [...working, 'SCREENED']],
    ['monitoring', () => screened('GOV_AID_ONLY'), [...working, 'GOV_AID_GRANTED', 'GOV_AID_DENIED']],
    ['assessment', () => screened('RESIDUAL_NEED'), [...working, 'ASSESSED']],
    ['planning.drafting', assessed, [...working, 'PLAN_SUBMITTED']],
    ['planning.awaitingApproval', submitted, [...working, 'PLAN_APPROVED', 'PLAN_RETURNED']],
    ['matching', matching, [...working, 'MATCHED']],
    ['delivery', delivering, [...working, 'DELIVERED']],
    ['followUp.waiting', delivered, [...working, 'FOLLOW_UP_DUE']],
    ['followUp.visiting', visiting, [...working, 'FOLLOWED_UP']],
    ['escalation', escalated, [...whileOpen, 'ESCALATION_ACCEPTED', 'ESCALATION_RETURNED']],
    [
      'suspended',
      () => send(registered(), { type: 'SUSPEND', reason: '住院', actor: supervisor }),
      [...everywhere, 'RESUME', 'CLOSE'],
    ],
    ['closed', () => screened('NO_NEED'), [...everywhere, 'REOPEN', 'REOPEN_WINDOW_ENDED']],
  ];
  it.each(cases)('%s', (name, reach, own) => {
    const snapshot = reach();
    expect(state(snapshot)).toBe(name);
    expect([...acceptedEventTypes(snapshot)].sort()).toEqual([...new Set(own)].sort());
  });
});

describe('escalation across the tiers (community station → township → district → city)', () => {
  const districtSupervisor: Actor = { id: 'u-dsup', role: 'SUPERVISOR', unitId: 'd1' };
  const citySupervisor: Actor = { id: 'u-ysup', role: 'SUPERVISOR', unitId: 'y1' };
  const districtCaseworkerActs = (s: CaseSnapshot, event: Record<string, unknown> & { type: string }) =>
    work(s, districtCaseworker, event);

  it('an escalation waits for the receiving center’s supervisor, who accepts it: ownership and the next task move up', () => {
    const snapshot = escalated();
    expect(state(snapshot)).toBe('escalation');
    expect(openTask(snapshot)).toMatchObject({ kind: 'ACCEPT_ESCALATION', unitId: 'd1' });
    expect(refusal(snapshot, { type: 'CLAIM', taskId: openTask(snapshot).id, actor: supervisor })).toBe('FORBIDDEN');
    const accepted = work(snapshot, districtSupervisor, { type: 'ESCALATION_ACCEPTED', target: 'matching' });
    expect(state(accepted)).toBe('matching');
    expect(accepted.context.owningUnitId).toBe('d1');
    expect(openTask(accepted)).toMatchObject({ kind: 'MATCH', unitId: 'd1' });
    expect(accepted.context.escalations?.[0]).toMatchObject({ fromUnitId: 't1', toUnitId: 'd1', outcome: 'ACCEPTED' });
    // the township no longer acts on it
    expect(refusal(accepted, { type: 'CLAIM', taskId: openTask(accepted).id, actor: caseworker })).toBe('FORBIDDEN');
  });

  it('a returned escalation goes back to matching at the lower tier, with the guidance recorded', () => {
    const returned = work(escalated(), districtSupervisor, {
      type: 'ESCALATION_RETURNED',
      guidance: '可申请区慈善会大病救助',
    });
    expect(state(returned)).toBe('matching');
    expect(returned.context.owningUnitId).toBe('t1');
    expect(openTask(returned)).toMatchObject({ kind: 'MATCH', unitId: 't1' });
    expect(returned.context.escalations?.[0]).toMatchObject({
      outcome: 'RETURNED',
      guidance: '可申请区慈善会大病救助',
    });
  });

  it('§四 escalation ends at the city: district → city, then the city refers to the joint meeting (§四(九))', () => {
    const atDistrict = work(escalated(), districtSupervisor, { type: 'ESCALATION_ACCEPTED', target: 'matching' });
    const toCity = send(atDistrict, { type: 'ESCALATE', reason: '区级资源不足', actor: districtCaseworker });
    expect(openTask(toCity)).toMatchObject({ kind: 'ACCEPT_ESCALATION', unitId: 'y1' });
    const atCity = work(toCity, citySupervisor, { type: 'ESCALATION_ACCEPTED', target: 'assessment' });
    expect(state(atCity)).toBe('assessment');
    expect(atCity.context.owningUnitId).toBe('y1');
    expect(refusal(atCity, { type: 'ESCALATE', reason: '再上报', actor: citySupervisor })).toBe('NOT_ALLOWED_IN_STATE');
    const meeting = send(atCity, { type: 'REFER_JOINT_MEETING', reason: '需多部门协调', actor: citySupervisor });
    expect(state(meeting)).toBe('jointMeeting');
    const resolved = work(meeting, citySupervisor, {
      type: 'MEETING_RESOLVED',
      next: 'delivery',
      actions: [{ department: '住建局', action: '安排公租房', deadline: '2026-12-31' }],
    });
    expect(state(resolved)).toBe('delivery');
    expect(resolved.context.meetingActions).toHaveLength(1);
  });

  it('a township cannot refer to the joint meeting, and intake (owned by the station) is not escalated', () => {
    expect(refusal(matching(), { type: 'REFER_JOINT_MEETING', reason: 'x', actor: supervisor })).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
    expect(refusal(open(), { type: 'ESCALATE', reason: 'x', actor: station })).toBe('NOT_ALLOWED_IN_STATE');
  });

  describe('§四(二) an accepted escalation skips no gate (escalation-gates)', () => {
    const gated = () => open({ escalationGates: true });
    const reach = (steps: ((s: CaseSnapshot) => CaseSnapshot)[]) => steps.reduce((s, step) => step(s), gated());
    const toScreening = (s: CaseSnapshot) => work(s, station, { type: 'REGISTERED', verified: true });
    const toAssessment = (s: CaseSnapshot) =>
      work(s, caseworker, { type: 'SCREENED', referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
    const toPlanning = (s: CaseSnapshot) =>
      work(s, caseworker, { type: 'ASSESSED', needs: [{ category: 'MEDICAL', severity: 'HIGH' }] });
    const toApproval = (s: CaseSnapshot) => work(s, caseworker, { type: 'PLAN_SUBMITTED', summary: '方案' });
    const toMatching = (s: CaseSnapshot) => work(s, supervisor, { type: 'PLAN_APPROVED' });
    const escalate = (s: CaseSnapshot) => send(s, { type: 'ESCALATE', reason: '本街道无法解决', actor: caseworker });
    const accept = (s: CaseSnapshot, target?: 'resume' | 'assessment' | 'matching') =>
      work(s, districtSupervisor, { type: 'ESCALATION_ACCEPTED', ...(target ? { target } : {}) });

    it.each([
      ['screening', 'SCREEN', [toScreening]],
      ['assessment', 'ASSESS', [toScreening, toAssessment]],
      ['planning.drafting', 'PLAN', [toScreening, toAssessment, toPlanning]],
      ['planning.awaitingApproval', 'APPROVE_PLAN', [toScreening, toAssessment, toPlanning, toApproval]],
      ['matching', 'MATCH', [toScreening, toAssessment, toPlanning, toApproval, toMatching]],
    ] as const)('escalated from %s, it resumes there at the district with that step’s task', (step, kind, steps) => {
      const accepted = accept(escalate(reach([...steps])));
      expect(state(accepted)).toBe(step);
      expect(accepted.context.owningUnitId).toBe('d1');
      expect(openTask(accepted)).toMatchObject({ kind, unitId: 'd1' });
      expect(accepted.context.escalations?.at(-1)).toMatchObject({ fromStep: step.split('.')[0], outcome: 'ACCEPTED' });
    });

    it('a case escalated from screening is screened at the new tier: neither assessment nor matching may skip it', () => {
      const escalated = escalate(reach([toScreening]));
      const task = openTask(escalated);
      const claimed = send(escalated, { type: 'CLAIM', taskId: task.id, actor: districtSupervisor });
      for (const target of ['assessment', 'matching'] as const) {
        const full = {
          type: 'ESCALATION_ACCEPTED',
          taskId: task.id,
          target,
          actor: districtSupervisor,
          at: at(),
        } as CaseEvent;
        expect(refusalOf(claimed, full)).toMatchObject({ code: 'INVALID', field: 'target' });
        expect(transition(caseMachine, claimed, full)[0]).toBe(claimed);
      }
    });

    it('before its plan is approved a case cannot be accepted into matching; it may go back to assessment once assessed', () => {
      const escalated = escalate(reach([toScreening, toAssessment, toPlanning, toApproval]));
      expect(
        refusal(send(escalated, { type: 'CLAIM', taskId: openTask(escalated).id, actor: districtSupervisor }), {
          type: 'ESCALATION_ACCEPTED',
          taskId: openTask(escalated).id,
          target: 'matching',
          actor: districtSupervisor,
        }),
      ).toBe('INVALID');
      const reassessed = accept(escalated, 'assessment');
      expect(state(reassessed)).toBe('assessment');
      expect(openTask(reassessed)).toMatchObject({ kind: 'ASSESS', unitId: 'd1' });
    });

    it('with an approved plan, matching at the new tier is allowed, and so is re-assessment', () => {
      const escalated = escalate(reach([toScreening, toAssessment, toPlanning, toApproval, toMatching]));
      expect(state(accept(escalated, 'matching'))).toBe('matching');
      expect(state(accept(escalated, 'assessment'))).toBe('assessment');
    });

    it('a workflow started before escalation-gates keeps the old behaviour (matching by default), so its history replays', () => {
      const old = escalate(
        work(work(open(), station, { type: 'REGISTERED', verified: true }), caseworker, {
          type: 'SCREENED',
          referrals: [],
          outcome: 'RESIDUAL_NEED',
        }),
      );
      expect(state(work(old, districtSupervisor, { type: 'ESCALATION_ACCEPTED', target: 'matching' }))).toBe(
        'matching',
      );
      expect(state(work(old, districtSupervisor, { type: 'ESCALATION_ACCEPTED' }))).toBe('matching');
    });

    it('a returned escalation also goes back to the step it left, at the lower tier', () => {
      const returned = work(escalate(reach([toScreening, toAssessment])), districtSupervisor, {
        type: 'ESCALATION_RETURNED',
        guidance: '请先完成评估',
      });
      expect(state(returned)).toBe('assessment');
      expect(openTask(returned)).toMatchObject({ kind: 'ASSESS', unitId: 't1' });
    });
  });

  it('a district caseworker works the case once it is theirs', () => {
    const atDistrict = work(escalated(), districtSupervisor, { type: 'ESCALATION_ACCEPTED', target: 'matching' });
    expect(
      state(
        districtCaseworkerActs(atDistrict, {
          type: 'MATCHED',
          matches: [{ category: 'MEDICAL', resource: '区慈善会' }],
        }),
      ),
    ).toBe('delivery');
  });
});

describe('§四(九) joint meetings: district meetings, and resolutions whose actions are tracked like tasks', () => {
  const districtSupervisor: Actor = { id: 'u-dsup', role: 'SUPERVISOR', unitId: 'd1' };
  /** A case escalated to the district center, on a workflow started with or without meeting-actions. */
  const atDistrict = (meetingActionTasks: boolean) => {
    let s = work(open({ meetingActionTasks }), station, { type: 'REGISTERED', verified: true });
    s = work(s, caseworker, { type: 'SCREENED', referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
    s = work(s, caseworker, { type: 'ASSESSED', needs: [{ category: 'HOUSING', severity: 'HIGH' }] });
    s = work(s, caseworker, { type: 'PLAN_SUBMITTED', summary: '住房' });
    s = work(s, supervisor, { type: 'PLAN_APPROVED' });
    s = send(s, { type: 'ESCALATE', reason: '街道资源不足', actor: caseworker });
    return work(s, districtSupervisor, { type: 'ESCALATION_ACCEPTED', target: 'matching' });
  };

  it('a district center refers to its joint meeting; each action of the resolution is a task due at the end of its deadline, Beijing time', () => {
    const meeting = send(atDistrict(true), {
      type: 'REFER_JOINT_MEETING',
      reason: '需住建、民政协调',
      actor: districtSupervisor,
    });
    expect(state(meeting)).toBe('jointMeeting');
    const resolved = work(meeting, districtSupervisor, {
      type: 'MEETING_RESOLVED',
      next: 'matching',
      actions: [
        { department: '住房和城乡建设局', action: '安排公租房', deadline: '2026-12-31' },
        { department: '民政局', action: '纳入低保', deadline: '2026-12-15' },
      ],
    });
    expect(state(resolved)).toBe('matching');
    const actions = resolved.context.tasks.filter((t) => t.kind === 'MEETING_ACTION');
    expect(actions.map((t) => [t.title, t.unitId, t.status, t.scope, t.dueAt])).toEqual([
      ['住房和城乡建设局：安排公租房', 'd1', 'OPEN', 'case', '2026-12-31T15:59:59.000Z'],
      ['民政局：纳入低保', 'd1', 'OPEN', 'case', '2026-12-15T15:59:59.000Z'],
    ]);
    // They outlive the state, are done by the center's workers (not the township's), one at a time.
    const match = resolved.context.tasks.find((t) => t.kind === 'MATCH' && t.status === 'OPEN')!;
    const claimedMatch = send(resolved, { type: 'CLAIM', taskId: match.id, actor: districtCaseworker });
    const delivering = send(claimedMatch, {
      type: 'MATCHED',
      taskId: match.id,
      matches: [{ category: 'HOUSING', resource: '公租房' }],
      actor: districtCaseworker,
    } as Send);
    expect(delivering.context.tasks.filter((t) => t.kind === 'MEETING_ACTION' && t.status === 'OPEN')).toHaveLength(2);
    expect(
      refusal(delivering, {
        type: 'MEETING_ACTION_DONE',
        taskId: actions[0]!.id,
        outcome: '已安排',
        actor: caseworker,
      } as Send),
    ).toBe('FORBIDDEN');
    const claimed = send(delivering, { type: 'CLAIM', taskId: actions[0]!.id, actor: districtCaseworker });
    const done = send(claimed, {
      type: 'MEETING_ACTION_DONE',
      taskId: actions[0]!.id,
      outcome: '已安排公租房一套',
      actor: districtCaseworker,
    } as Send);
    expect(done.context.tasks.find((t) => t.id === actions[0]!.id)).toMatchObject({
      status: 'DONE',
      completedById: districtCaseworker.id,
    });
    expect(state(done)).toBe('delivery');
  });

  it('on workflows started before meeting-actions, only the city refers, and actions are recorded without tasks', () => {
    const old = atDistrict(false);
    expect(refusal(old, { type: 'REFER_JOINT_MEETING', reason: 'x', actor: districtSupervisor })).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
  });
});

describe('matching, delivery and the follow-up timer', () => {
  it('delivery schedules the follow-up visit; it falls due only when the timer says so', () => {
    const waiting = delivered();
    expect(waiting.context.deliveries?.[0]?.items[0]).toMatchObject({ what: '医疗费用资助', amount: 5000 });
    expect(Date.parse(waiting.context.followUpDueAt!) - Date.parse(waiting.context.deliveries![0]!.at)).toBe(
      720 * 3_600_000,
    );
    const early = transition(caseMachine, waiting, {
      type: 'FOLLOW_UP_DUE',
      actor: system,
      at: new Date(Date.parse(waiting.context.followUpDueAt!) - 1000).toISOString(),
    } as CaseEvent)[0];
    expect(early).toBe(waiting);
    expect(refusal(waiting, { type: 'FOLLOW_UP_DUE', actor: caseworker })).toBe('FORBIDDEN');
    const visit = visiting();
    expect(openTask(visit).kind).toBe('FOLLOW_UP');
    expect(work(visit, caseworker, { type: 'FOLLOWED_UP', resolved: true }).context.closureReason).toBe('resolved');
  });
});

describe('急难 emergency', () => {
  it('marking a case as emergency shortens open SLAs and requires temporary assistance before the regular path continues', () => {
    const snapshot = registered();
    const screenTask = openTask(snapshot);
    const marked = send(snapshot, { type: 'MARK_EMERGENCY', reason: '突发重病', actor: caseworker });
    expect(marked.context.emergency).toBe(true);
    const [screen, aid] = marked.context.tasks.filter((t) => t.status === 'OPEN');
    expect(Date.parse(screen!.dueAt) - Date.parse(screenTask.createdAt)).toBe(SLA.SCREEN!.emergency * 3_600_000);
    expect(aid).toMatchObject({ kind: 'EMERGENCY_AID', unitId: 't1', scope: 'case' });

    const claimed = send(marked, { type: 'CLAIM', taskId: screen!.id, actor: caseworker });
    const blocked = {
      type: 'SCREENED' as const,
      taskId: screen!.id,
      referrals: [] as GovScheme[],
      outcome: 'RESIDUAL_NEED' as const,
      actor: caseworker,
    };
    expect(refusal(claimed, blocked)).toBe('NOT_ALLOWED_IN_STATE');
    const aided = send(send(claimed, { type: 'CLAIM', taskId: aid!.id, actor: caseworker2 }), {
      type: 'TEMP_AID_GIVEN',
      taskId: aid!.id,
      scheme: 'XIANXING',
      amount: 2000,
      actor: caseworker2,
    });
    expect(aided.context.tempAid).toEqual([expect.objectContaining({ scheme: 'XIANXING', amount: 2000 })]);
    expect(state(send(aided, blocked))).toBe('assessment');
  });

  it('a case is marked once', () => {
    const marked = send(registered(), { type: 'MARK_EMERGENCY', reason: 'x', actor: caseworker });
    expect(refusal(marked, { type: 'MARK_EMERGENCY', reason: 'again', actor: caseworker })).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
  });
});

describe('supervisor actions, closure proposals and reopening', () => {
  it('suspend cancels the open task; resume returns to the same state with a fresh task', () => {
    const snapshot = assessed();
    const suspended = send(snapshot, { type: 'SUSPEND', reason: '本人住院', actor: supervisor });
    expect(state(suspended)).toBe('suspended');
    expect(suspended.context.tasks.filter((t) => t.status === 'OPEN')).toEqual([]);
    expect(refusal(suspended, { type: 'RESUME', actor: caseworker })).toBe('FORBIDDEN');
    const resumed = send(suspended, { type: 'RESUME', actor: supervisor });
    expect(state(resumed)).toBe('planning.drafting');
    expect(openTask(resumed).kind).toBe('PLAN');
  });

  it('a supervisor reassigns a task to a caseworker of the unit, not to someone outside it', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    expect(
      openTask(send(snapshot, { type: 'REASSIGN', taskId, assignee: caseworker2, actor: supervisor })).assigneeId,
    ).toBe(caseworker2.id);
    expect(refusal(snapshot, { type: 'REASSIGN', taskId, assignee: otherTownship, actor: supervisor })).toBe('INVALID');
    expect(refusal(snapshot, { type: 'REASSIGN', taskId, assignee: caseworker2, actor: caseworker })).toBe('FORBIDDEN');
  });

  it('a caseworker proposes closure; the supervisor approves it (or rejects it and work goes on)', () => {
    const snapshot = assessed();
    expect(refusal(snapshot, { type: 'CLOSE', reason: 'declined', actor: caseworker })).toBe('FORBIDDEN');
    const proposed = send(snapshot, { type: 'PROPOSE_CLOSURE', reason: 'declined', actor: caseworker });
    const approval = proposed.context.tasks.find((t) => t.kind === 'APPROVE_CLOSURE' && t.status === 'OPEN')!;
    expect(approval.unitId).toBe('t1');
    const rejected = send(send(proposed, { type: 'CLAIM', taskId: approval.id, actor: supervisor }), {
      type: 'CLOSURE_REJECTED',
      taskId: approval.id,
      reason: '继续跟进',
      actor: supervisor,
    });
    expect(state(rejected)).toBe('planning.drafting');
    expect(rejected.context.closureProposal).toBeNull();
    const approved = send(send(proposed, { type: 'CLAIM', taskId: approval.id, actor: supervisor }), {
      type: 'CLOSURE_APPROVED',
      taskId: approval.id,
      actor: supervisor,
    });
    expect(state(approved)).toBe('closed');
    expect(approved.context.closureReason).toBe('declined');
  });

  it('a closed case is reopened within the window with its history kept; after the window it is archived', () => {
    const closed = send(assessed(), { type: 'CLOSE', reason: 'unreachable', actor: supervisor });
    const reopened = send(closed, { type: 'REOPEN', reason: '重新联系上', actor: supervisor });
    expect(state(reopened)).toBe('assessment');
    expect(reopened.context.assessments).toHaveLength(1);
    expect(reopened.context.closureReason).toBeNull();
    const late = {
      type: 'REOPEN' as const,
      reason: 'x',
      actor: supervisor,
      at: new Date(Date.parse(closed.context.closedAt!) + 91 * 86_400_000).toISOString(),
    };
    expect(transition(caseMachine, closed, late)[0]).toBe(closed);
    const archived = transition(caseMachine, closed, {
      type: 'REOPEN_WINDOW_ENDED',
      actor: system,
      at: late.at,
    } as CaseEvent)[0];
    expect(state(archived)).toBe('archived');
    expect(archived.status).toBe('done');
  });
});

describe('notes, flags and SLA events', () => {
  it('notes from the station and flags with a reason are taken on an open case', () => {
    const snapshot = registered();
    expect(send(snapshot, { type: 'ADD_NOTE', text: '入户走访', actor: station }).context.noteCount).toBe(1);
    const flagged = send(snapshot, {
      type: 'FLAG',
      flag: 'SAFETY_RISK',
      reason: '家中有精神障碍患者',
      actor: caseworker,
    });
    expect(flagged.context.flags).toEqual([
      expect.objectContaining({ flag: 'SAFETY_RISK', reason: '家中有精神障碍患者' }),
    ]);
    expect(send(flagged, { type: 'UNFLAG', flag: 'SAFETY_RISK', actor: caseworker }).context.flags).toEqual([]);
    expect(refusal(snapshot, { type: 'ADD_NOTE', text: 'x', actor: otherTownship })).toBe('FORBIDDEN');
  });

  it('a closed case still takes a written note (补记), but no visit or call; an archived one takes nothing', () => {
    const closed = send(assessed(), { type: 'CLOSE', reason: 'unreachable', actor: supervisor });
    const noted = send(closed, { type: 'ADD_NOTE', text: '结案后回访得知已搬离', kind: 'NOTE', actor: caseworker });
    expect(state(noted)).toBe('closed');
    expect(noted.context.noteCount).toBe((closed.context.noteCount ?? 0) + 1);
    expect(send(closed, { type: 'ADD_NOTE', text: '口头补记', actor: station }).context.noteCount).toBe(
      noted.context.noteCount,
    );
    expect(refusal(closed, { type: 'ADD_NOTE', text: '入户走访', kind: 'VISIT', actor: caseworker })).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
    expect(refusal(closed, { type: 'ADD_NOTE', text: '电话', kind: 'CALL', actor: caseworker })).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
  });

  it('warnings and breaches are recorded once, by the system only, and emitted as notifications', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    const [warned, effects] = transition(caseMachine, snapshot, {
      type: 'SLA_WARNING',
      taskId,
      actor: system,
      at: at(),
    });
    expect(openTask(warned).warnedAt).not.toBeNull();
    const emitted = (effects as { type: string; params?: { event?: unknown } }[])
      .filter((a) => a.type === 'xstate.emit')
      .map((a) => a.params?.event);
    expect(emitted).toEqual([expect.objectContaining({ type: 'notify', kind: 'SLA_WARNING', taskId, unitId: 't1' })]);
    expect(refusal(warned, { type: 'SLA_WARNING', taskId, actor: system })).toBe('NOT_ALLOWED_IN_STATE');
    expect(refusal(snapshot, { type: 'SLA_BREACHED', taskId, actor: supervisor })).toBe('FORBIDDEN');
    const breached = send(warned, { type: 'SLA_BREACHED', taskId, actor: system });
    expect(state(breached)).toBe('screening');
    expect(openTask(breached).breachedAt).not.toBeNull();
  });

  it('a breach whose policy says AUTO_ESCALATE escalates through the same path as a person would', () => {
    const snapshot = matching();
    const breached = send(snapshot, { type: 'SLA_BREACHED', taskId: openTask(snapshot).id, actor: system });
    expect(state(breached)).toBe('escalation');
    expect(breached.context.escalations?.[0]).toMatchObject({
      by: 'system',
      reason: 'SLA_BREACHED:MATCH',
      toUnitId: 'd1',
    });
  });
});

describe('the follow-up timer is dropped when the wait is left another way', () => {
  it('suspending or escalating a case that waits for its follow-up clears the due time', () => {
    const waiting = delivered();
    expect(waiting.context.followUpDueAt).not.toBeNull();
    expect(send(waiting, { type: 'SUSPEND', reason: '住院', actor: supervisor }).context.followUpDueAt).toBeNull();
    expect(send(waiting, { type: 'ESCALATE', reason: '资源不足', actor: caseworker }).context.followUpDueAt).toBeNull();
  });
});
