/**
 * Records workflow histories of the current code as replay fixtures:
 *   npx tsx src/test/record-histories.ts <version-label>
 * Run it before changing the workflow or the machine; replay.test.ts then proves that the new code
 * still replays every recorded history (see docs in README "Changing the case machine").
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { ensureTemporalCli } from '@guanai/devtools/temporal-cli';
import { createTestDatabase } from '@guanai/db/testing';
import { createCaseActivities } from '../case/activities.ts';
import { actUpdate, caseWorkflowId, syncUpdate, type ActRequest, type CaseWorkflowInput } from '../case/messages.ts';
import { bundleWorkflows } from '../worker.ts';
import { createPerson, seededNetwork, testSla } from './fixtures.ts';
import { startTemporal } from './temporal-env.ts';

const label = process.argv[2];
if (!label) throw new Error('usage: record-histories.ts <version-label>');
const out = new URL(`./histories/${label}/`, import.meta.url);
mkdirSync(out, { recursive: true });

const [env, database, bundle] = await Promise.all([startTemporal(), createTestDatabase(), bundleWorkflows()]);
try {
  const network = await seededNetwork(database.db);
  const taskQueue = `record-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: createCaseActivities({ db: database.db }),
  });
  type Step = (tasks: { id: string; kind: string }[]) => ActRequest | null;
  const openTaskOf = (tasks: { id: string; kind: string; status?: string }[], kind: string) =>
    tasks.filter((t) => t.kind === kind).at(-1)!.id;
  /** A step on a task that a version may not have opened yet (v2's follow-up waits for its timer). */
  const ifOpen =
    (kind: string, step: (taskId: string) => ActRequest): Step =>
    (t) => {
      const task = t.filter((x) => x.kind === kind && (x as { status?: string }).status === 'OPEN').at(-1);
      return task ? step(task.id) : null;
    };
  const toMatching: Step[] = [
    (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
    (t) => ({
      type: 'SCREENED',
      taskId: openTaskOf(t, 'SCREEN'),
      referrals: ['DIBAO'],
      outcome: 'RESIDUAL_NEED',
      actor: network.caseworker,
    }),
    (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'ASSESS'), actor: network.caseworker }),
    (t) => ({
      type: 'ASSESSED',
      taskId: openTaskOf(t, 'ASSESS'),
      needs: [{ category: 'HOUSING', severity: 'HIGH' }],
      actor: network.caseworker,
    }),
    (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'PLAN'), actor: network.caseworker }),
    (t) => ({ type: 'PLAN_SUBMITTED', taskId: openTaskOf(t, 'PLAN'), summary: '住房', actor: network.caseworker }),
    (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'APPROVE_PLAN'), actor: network.supervisor }),
    (t) => ({ type: 'PLAN_APPROVED', taskId: openTaskOf(t, 'APPROVE_PLAN'), actor: network.supervisor }),
  ];
  const meeting = await database.db.jointMeeting.create({
    data: {
      unitId: network.units.district,
      title: '回放样本联席会议',
      scheduledAt: new Date('2026-12-10T01:00:00Z'),
      departments: ['HOUSING'],
      createdById: network.districtSupervisor.id,
    },
  });
  const scenarios: Record<string, { eventsPerRun?: number; steps: Step[] }> = {
    // escalation-gates: escalated from screening, accepted, screened at the district.
    'escalated-from-screening': {
      steps: [
        () => ({ type: 'ESCALATE', reason: '街道无法判断', actor: network.caseworker }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'ACCEPT_ESCALATION'), actor: network.districtSupervisor }),
        (t) => ({
          type: 'ESCALATION_ACCEPTED',
          taskId: openTaskOf(t, 'ACCEPT_ESCALATION'),
          target: 'resume',
          actor: network.districtSupervisor,
        }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.districtSupervisor }),
        (t) => ({
          type: 'SCREENED',
          taskId: openTaskOf(t, 'SCREEN'),
          referrals: [],
          outcome: 'NO_NEED',
          actor: network.districtSupervisor,
        }),
      ],
    },
    'screened-to-assessment': {
      steps: [
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
        (t) => ({
          type: 'SCREENED',
          taskId: openTaskOf(t, 'SCREEN'),
          referrals: ['DIBAO'],
          outcome: 'RESIDUAL_NEED',
          actor: network.caseworker,
        }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'ASSESS'), actor: network.caseworker }),
        (t) => ({
          type: 'ASSESSED',
          taskId: openTaskOf(t, 'ASSESS'),
          needs: [{ category: 'MEDICAL', severity: 'HIGH' }],
          actor: network.caseworker,
        }),
      ],
    },
    'closed-by-supervisor': {
      steps: [() => ({ type: 'CLOSE', reason: 'duplicate', actor: network.supervisor })],
    },
    'gov-aid-only-followed-up': {
      steps: [
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
        (t) => ({
          type: 'SCREENED',
          taskId: openTaskOf(t, 'SCREEN'),
          referrals: ['DIBAO'],
          outcome: 'GOV_AID_ONLY',
          actor: network.caseworker,
        }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'MONITOR'), actor: network.caseworker }),
        (t) => ({ type: 'GOV_AID_GRANTED', taskId: openTaskOf(t, 'MONITOR'), actor: network.caseworker }),
        ifOpen('FOLLOW_UP', (taskId) => ({ type: 'CLAIM', taskId, actor: network.caseworker })),
        ifOpen('FOLLOW_UP', (taskId) => ({ type: 'FOLLOWED_UP', taskId, resolved: true, actor: network.caseworker })),
      ],
    },
    // meeting-actions: a district's joint meeting whose resolution's actions are tasks.
    'district-meeting-actions': {
      steps: [
        ...toMatching,
        () => ({ type: 'ESCALATE', reason: '街道无住房资源', actor: network.caseworker }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'ACCEPT_ESCALATION'), actor: network.districtSupervisor }),
        (t) => ({
          type: 'ESCALATION_ACCEPTED',
          taskId: openTaskOf(t, 'ACCEPT_ESCALATION'),
          target: 'matching',
          actor: network.districtSupervisor,
        }),
        () => ({ type: 'REFER_JOINT_MEETING', reason: '需多部门协调', actor: network.districtSupervisor }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'JOINT_MEETING'), actor: network.districtSupervisor }),
        (t) => ({
          type: 'MEETING_RESOLVED',
          taskId: openTaskOf(t, 'JOINT_MEETING'),
          next: 'matching',
          meetingId: meeting.id,
          actions: [
            { department: '住房和城乡建设局', departmentCode: 'HOUSING', action: '安排公租房', deadline: '2026-12-31' },
          ],
          actor: network.districtSupervisor,
        }),
        ifOpen('MEETING_ACTION', (taskId) => ({ type: 'CLAIM', taskId, actor: network.districtSupervisor })),
        ifOpen('MEETING_ACTION', (taskId) => ({
          type: 'MEETING_ACTION_DONE',
          taskId,
          outcome: '已安排',
          actor: network.districtSupervisor,
        })),
      ],
    },
    'continued-as-new': {
      eventsPerRun: 3,
      steps: [
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
        (t) => ({ type: 'RELEASE', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
      ],
    },
  };
  await worker.runUntil(async () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      const caseId = randomUUID();
      const person = await createPerson(database.db, network.units.community);
      const input: CaseWorkflowInput = {
        record: {
          caseId,
          caseNo: `R-${name}`,
          personId: person.id,
          origin: 'SELF_APPLICATION',
          situation: '回放样本',
          createdById: network.station.id,
          originUnitId: network.units.community,
        },
        machine: {
          caseId,
          origin: 'SELF_APPLICATION',
          units: network.units,
          emergency: false,
          openedAt: '2026-11-02T01:00:00.000Z',
          sla: testSla(),
          intakeAssigneeId: network.station.id,
        },
        registerOnOpen: true,
        ...(scenario.eventsPerRun ? { eventsPerRun: scenario.eventsPerRun } : {}),
      };
      const handle = await env.client.workflow.start('caseWorkflow', {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
      });
      let view = await handle.executeUpdate(syncUpdate);
      for (const step of scenario.steps) {
        const request = step(view.context.tasks);
        if (request) view = await handle.executeUpdate(actUpdate, { args: [request] });
      }
      // The first run's history (a continued-as-new case has more runs; the first shows the boundary).
      const runId =
        (await env.client.workflow.getHandle(caseWorkflowId(caseId)).describe()).raw.workflowExecutionInfo
          ?.firstRunId ?? '';
      // The CLI writes histories in the protobuf JSON form that replay (historyFromJSON) reads.
      const json = execFileSync(
        ensureTemporalCli(),
        [
          'workflow',
          'show',
          '--address',
          env.address,
          '--workflow-id',
          caseWorkflowId(caseId),
          '--run-id',
          runId,
          '--output',
          'json',
        ],
        { maxBuffer: 64 << 20 },
      ).toString();
      writeFileSync(new URL(`${name}.json`, out), json);
      console.log(
        `recorded ${label}/${name}.json (${(JSON.parse(json) as { events: unknown[] }).events.length} events)`,
      );
    }
  });
} finally {
  await env.teardown();
  await database.drop();
}
