import type { Db, IdentityKeys } from '@guanai/db';
import type { Client } from '@temporalio/client';
import { caseWorkflowId, demoClockUpdate, type UserRole } from '@guanai/workflows';
import type { SessionUser } from '../auth/session.ts';
import type { AppDeps } from '../env.ts';
import { actOnCase } from '../domain/cases/act-on-case.ts';
import { openCase } from '../domain/cases/open-case.ts';
import { acceptMatch } from '../domain/matching/accept-match.ts';
import { proposeMatch } from '../domain/matching/propose-match.ts';
import { recordDelivery } from '../domain/matching/record-delivery.ts';
import { resolveMeetingCase } from '../domain/meetings/resolve-meeting-case.ts';
import { createSurvey } from '../domain/surveys/create-survey.ts';
import { claimOrReleaseTask } from '../domain/tasks/claim-or-release-task.ts';
import { completeTask } from '../domain/tasks/complete-task.ts';
import { ZCreateCaseSchema } from '../routes/cases/cases.types.ts';
import type { TCaseAction } from '../routes/cases/case-actions.types.ts';
import type { CaseClient } from '../temporal/case-client.ts';
import { demoId } from './demo-ids.ts';
import { demoPerson } from './demo-person.ts';
import { planCase, type DemoCasePlan, type DemoPath } from './demo-plan.ts';
import type { DemoWorld } from './demo-world.ts';

const HOUR = 3_600_000;

export interface DemoCaseDeps {
  db: Db;
  keys: IdentityKeys;
  temporal: Client;
  cases: CaseClient;
  world: DemoWorld;
  caseSettings: AppDeps['caseSettings'];
  /** The follow-up delay the case workflows use (hours; 720 unless configured). */
  followUpDelayHours: number;
}

/** One step of a case's story: `wait` is its share of the story's length, or a fixed delay. */
interface Step {
  wait: { share: number } | { fixedMs: number };
  run: (at: Date) => Promise<unknown>;
}

/** The steps' times: shares spread over the story, fixed delays (the follow-up timer) kept exact. */
function timesOf(steps: Step[], plan: DemoCasePlan, now: number): Date[] {
  const fixed = steps.reduce((sum, s) => sum + ('fixedMs' in s.wait ? s.wait.fixedMs : 0), 0);
  const shares = steps.reduce((sum, s) => sum + ('share' in s.wait ? s.wait.share : 0), 0);
  const span = Math.max(plan.spanMs, fixed + 2 * 24 * HOUR);
  const end = now - plan.lagMs;
  let at = end - span;
  return steps.map((step) => {
    at += 'fixedMs' in step.wait ? step.wait.fixedMs : ((span - fixed) * step.wait.share) / (shares || 1);
    return new Date(Math.min(Math.round(at), end));
  });
}

/**
 * Loads demo case `index`: opens it in the past at one of the sample communities and drives it
 * along its planned path with the same domain functions the API's routes call, every action an
 * Update of its case workflow carrying the step's past time. Every id and update id is derived
 * from the index and the step, so a retry after a crash repeats nothing. At the end the case is
 * handed to real time: what is overdue breaches now, as it would have.
 */
export async function loadDemoCase(deps: DemoCaseDeps, index: number, total: number): Promise<void> {
  const { db, world } = deps;
  const plan = planCase(index, total, world.communities.length);
  const community = world.communities[plan.community]!;
  const caseId = demoId('case', index);
  const person = demoPerson(index, community.district, community.name);
  const staff = (role: UserRole, tier: 'community' | 'township' | 'district' | 'city') =>
    world.staff(
      role,
      tier === 'community'
        ? community.code
        : tier === 'township'
          ? community.township
          : tier === 'district'
            ? community.district
            : '510100000000',
    );
  const station = staff('STATION_WORKER', 'community');
  const caseworker = staff('CASEWORKER', 'township');
  const supervisor = staff('SUPERVISOR', 'township');
  const districtSupervisor = staff('SUPERVISOR', 'district');
  const citySupervisor = staff('SUPERVISOR', 'city');

  // Every Update of this case carries the time of the step being run.
  let clock = new Date();
  const cases: CaseClient = {
    ...deps.cases,
    act: (id, request, key) => deps.cases.act(id, { ...request, at: clock.toISOString() }, key),
  };
  const steps: Step[] = [];
  const step = (run: Step['run'], share = 0.5 + plan.random()) => steps.push({ wait: { share }, run });
  const key = (name: string) => `demo:${index}:${name}`;

  const openTask = async (kind: string) => {
    const task =
      (await db.task.findFirst({ where: { caseId, kind, status: 'OPEN' } })) ??
      // A retried step whose Update was taken: the same update id answers as the first time did.
      (await db.task.findFirst({ where: { caseId, kind }, orderBy: { createdAt: 'desc' } }));
    if (!task) throw new Error(`demo case ${index}: no ${kind} task`);
    return task;
  };
  /** Claims the open task of a kind and (unless `claimOnly`) completes it with its form, as the inbox does. */
  const work = (name: string, kind: string, user: SessionUser, form: unknown, claimOnly = false) =>
    step(async () => {
      const task = await openTask(kind);
      if (task.assigneeId !== user.id)
        await claimOrReleaseTask({ db, cases, user, taskId: task.id, type: 'CLAIM', key: key(`${name}:claim`) });
      if (!claimOnly) await completeTask({ db, cases, user, taskId: task.id, form, key: key(name) });
    });
  const act = (name: string, user: SessionUser, action: TCaseAction) =>
    step(() => actOnCase({ db, cases, user, caseId, action, key: key(name) }));
  /** Moves the case's clock (its timers fire by then): the follow-up visit falling due. */
  const clockTo = (name: string, fixedMs: number) =>
    steps.push({
      wait: { fixedMs },
      run: (at) =>
        deps.temporal.workflow
          .getHandle(caseWorkflowId(caseId))
          .executeUpdate(demoClockUpdate, { args: [{ to: at.toISOString() }], updateId: key(name) }),
    });
  /** Leaves the waiting task of a kind claimed by its worker in half the cases (the rest wait in the queue). */
  const leave = (kind: string, user: SessionUser) => {
    if (plan.claimLast) work(`${kind}:left`, kind, user, undefined, true);
  };
  const stop = (path: DemoPath) => plan.path === path;

  // 1. Discovery (§四(一)): the station registers a self-application, or a discoverer reports.
  const opener = plan.outreach ? staff('DISCOVERER', 'community') : station;
  step(() =>
    openCase({
      db,
      cases,
      keys: deps.keys,
      caseSettings: deps.caseSettings,
      user: opener,
      input: ZCreateCaseSchema.parse({
        person,
        confirmNotDuplicate: true,
        situation: plan.needs.map((n) => n.situation).join('；'),
        emergency: plan.emergency,
        ...(plan.outreach ? { discovererKind: 'GRID_WORKER' } : {}),
      }),
      ids: { caseId, personId: demoId('person', index) },
      demoAt: clock,
    }),
  );
  if (stop('intake')) return drive();
  if (plan.outreach) work('register', 'REGISTER', station, { verified: true });
  // 急难: the township gives temporary assistance (临时救助) within hours of taking the case.
  if (plan.emergency)
    work('emergency-aid', 'EMERGENCY_AID', caseworker, { scheme: 'LINSHI', amount: 1000 + (index % 5) * 500 }, false);
  if (stop('screening')) {
    leave('SCREEN', caseworker);
    return drive();
  }
  // 2. Screening (§四(二)): government schemes first; only a residual need goes on.
  if (stop('closedNoNeed')) {
    work('screen', 'SCREEN', caseworker, { referrals: ['DIBAO'], outcome: 'NO_NEED', note: '经核查家庭收入高于标准' });
    return drive();
  }
  if (stop('monitoring') || stop('closedGovAidOnly')) {
    work('screen', 'SCREEN', caseworker, { referrals: ['DIBAO', 'LINSHI'], outcome: 'GOV_AID_ONLY' });
    if (stop('monitoring')) {
      leave('MONITOR', caseworker);
      return drive();
    }
    work('monitor', 'MONITOR', caseworker, { granted: true, outcomes: { DIBAO: 'GRANTED', LINSHI: 'GRANTED' } });
    followUp(true);
    return drive();
  }
  work('screen', 'SCREEN', caseworker, { referrals: ['YILIAO', 'LINSHI'], outcome: 'RESIDUAL_NEED' });
  if (stop('assessment')) {
    leave('ASSESS', caseworker);
    return drive();
  }
  // 3. Assessment and plan.
  work('assess', 'ASSESS', caseworker, {
    needs: plan.needs.map((n) => ({ category: n.category, severity: n.severity, description: n.description })),
  });
  if (stop('suspended')) {
    act('suspend', supervisor, { type: 'SUSPEND', reason: '服务对象住院治疗，暂缓评估后续工作' });
    return drive();
  }
  if (stop('drafting')) {
    leave('PLAN', caseworker);
    return drive();
  }
  work('plan', 'PLAN', caseworker, { summary: `${plan.needs.map((n) => n.description).join('、')}：链接资源并跟进` });
  if (stop('awaitingApproval')) return drive();
  work('approve', 'APPROVE_PLAN', supervisor, { approved: true });
  if (stop('closedOther')) {
    act('close', supervisor, { type: 'CLOSE', reason: plan.closeReason });
    return drive();
  }
  if (stop('matching')) {
    leave('MATCH', caseworker);
    return drive();
  }
  // 4. Escalation up the tiers (community → township → district → city) and the joint meeting.
  const escalating = ['returned', 'escalationDistrict', 'escalationCity', 'jointMeeting', 'meetingMatching'];
  if (escalating.includes(plan.path)) {
    act('escalate-district', caseworker, { type: 'ESCALATE', reason: '街道可链接资源不足，申请区中心协调' });
    if (stop('escalationDistrict')) return drive();
    if (stop('returned')) {
      work('return', 'ACCEPT_ESCALATION', districtSupervisor, {
        accepted: false,
        guidance: '请先对接区慈善会“大病医疗爱心援助”项目，仍不足再上报',
      });
      return drive();
    }
    work('accept-district', 'ACCEPT_ESCALATION', districtSupervisor, { accepted: true, target: 'matching' });
    act('escalate-city', districtSupervisor, { type: 'ESCALATE', reason: '需跨部门协调住房与医疗资源，报市中心' });
    if (stop('escalationCity')) return drive();
    work('accept-city', 'ACCEPT_ESCALATION', citySupervisor, { accepted: true, target: 'matching' });
    act('refer', citySupervisor, { type: 'REFER_JOINT_MEETING', reason: '涉及住建、卫健、民政多部门，提请联席会议' });
    if (stop('jointMeeting')) return drive();
    step((at) =>
      resolveMeetingCase({
        db,
        cases,
        user: citySupervisor,
        meetingId: world.meetingId,
        body: {
          caseId,
          resolution: '由民政部门牵头链接慈善资源，住建部门核查住房安全',
          next: 'matching',
          actions: [
            {
              department: 'HOUSING',
              action: '核查住房安全并提出修缮方案',
              deadline: new Date(Math.max(at.getTime(), Date.now()) + 15 * 24 * HOUR).toISOString().slice(0, 10),
            },
          ],
        },
      }),
    );
    return drive();
  }
  // 5. Matching through the catalogue (§四(六)), the partner accepts, delivery is recorded.
  const matchIds = plan.needs.map((_, i) => demoId('match', index, i));
  const service = (i: number) => ['CARE', 'PSYCHOLOGICAL', 'LEGAL', 'EMPLOYMENT'].includes(plan.needs[i]!.category);
  const amountOf = (i: number) => 1000 + ((index * 37 + i * 11) % 40) * 250;
  step(async () => {
    for (const [i, id] of matchIds.entries()) {
      await proposeMatch({
        db,
        user: caseworker,
        caseId,
        matchId: id,
        input: service(i)
          ? { needIndex: i, resourceId: world.resources.service, places: 1 }
          : { needIndex: i, resourceId: world.resources.money, amount: amountOf(i) },
      });
      await acceptMatch({ db, user: world.partner, matchId: id });
    }
  });
  work('match', 'MATCH', caseworker, {});
  if (stop('delivery')) {
    leave('DELIVER', caseworker);
    return drive();
  }
  step(async (at) => {
    for (const [i, id] of matchIds.entries())
      await recordDelivery({
        db,
        user: world.partner,
        matchId: id,
        deliveryId: demoId('delivery', index, i),
        input: service(i)
          ? { kind: 'SERVICE', description: '上门服务', hours: 8, deliveredOn: beijingDate(at), evidence: [] }
          : {
              kind: 'MONEY',
              description: '援助金发放',
              amount: amountOf(i),
              deliveredOn: beijingDate(at),
              evidence: [],
            },
      });
  });
  work('deliver', 'DELIVER', caseworker, {});
  followUp(stop('closedResolved'));
  return drive();

  /** 6. The follow-up visit 30 days after delivery (a durable timer), its survey, closure when resolved. */
  function followUp(close: boolean) {
    if (!close && plan.random() < 0.5) return; // still waiting for the visit to fall due
    clockTo('follow-up-due', deps.followUpDelayHours * HOUR + HOUR);
    if (!close) return leave('FOLLOW_UP', caseworker);
    step(async () => {
      if (await db.survey.findFirst({ where: { caseId }, select: { id: true } })) return;
      const score = 3 + (index % 3);
      await createSurvey({
        db,
        user: caseworker,
        caseId,
        answers: {
          satisfaction: score,
          timeliness: Math.max(2, score - 1),
          respect: 5,
          comment: '感谢社工和志愿者的帮助',
        },
      });
    }, 0.05);
    work('follow-up', 'FOLLOW_UP', caseworker, { resolved: true, note: '回访：生活已恢复稳定' });
  }

  async function drive() {
    const times = timesOf(steps, plan, Date.now());
    for (const [i, s] of steps.entries()) {
      clock = times[i]!;
      await s.run(clock);
    }
    // Handed to real time: its overdue tasks breach now, its reopen window is measured from now on.
    await deps.temporal.workflow
      .getHandle(caseWorkflowId(caseId))
      .executeUpdate(demoClockUpdate, { args: [{ to: 'now' }], updateId: key('release') })
      .catch((error: unknown) => {
        // A case whose workflow already ended (its reopen window passed) has nothing to hand over.
        if (!(error instanceof Error && /completed|not found/i.test(error.message))) throw error;
      });
  }
}

/** A time's date in Beijing (the ledger's dates are local). */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
