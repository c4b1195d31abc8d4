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
import { ensureTemporalCli } from '../../../scripts/temporal-cli.mjs';
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
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: createCaseActivities({ db: database.db }) });
  type Step = (tasks: { id: string; kind: string }[]) => ActRequest | null;
  const openTaskOf = (tasks: { id: string; kind: string; status?: string }[], kind: string) => tasks.filter((t) => t.kind === kind).at(-1)!.id;
  const scenarios: Record<string, { eventsPerRun?: number; steps: Step[] }> = {
    'screened-to-assessment': {
      steps: [
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
        (t) => ({ type: 'SCREENED', taskId: openTaskOf(t, 'SCREEN'), referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED', actor: network.caseworker }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'ASSESS'), actor: network.caseworker }),
        (t) => ({ type: 'ASSESSED', taskId: openTaskOf(t, 'ASSESS'), needs: [{ category: 'MEDICAL', severity: 'HIGH' }], actor: network.caseworker }),
      ],
    },
    'closed-by-supervisor': {
      steps: [() => ({ type: 'CLOSE', reason: 'duplicate', actor: network.supervisor })],
    },
    'gov-aid-only-followed-up': {
      steps: [
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'SCREEN'), actor: network.caseworker }),
        (t) => ({ type: 'SCREENED', taskId: openTaskOf(t, 'SCREEN'), referrals: ['DIBAO'], outcome: 'GOV_AID_ONLY', actor: network.caseworker }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'MONITOR'), actor: network.caseworker }),
        (t) => ({ type: 'GOV_AID_GRANTED', taskId: openTaskOf(t, 'MONITOR'), actor: network.caseworker }),
        (t) => ({ type: 'CLAIM', taskId: openTaskOf(t, 'FOLLOW_UP'), actor: network.caseworker }),
        (t) => ({ type: 'FOLLOWED_UP', taskId: openTaskOf(t, 'FOLLOW_UP'), resolved: true, actor: network.caseworker }),
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
        record: { caseId, caseNo: `R-${name}`, personId: person.id, origin: 'SELF_APPLICATION', situation: '回放样本', createdById: network.station.id, originUnitId: network.units.community },
        machine: { caseId, origin: 'SELF_APPLICATION', units: network.units, emergency: false, openedAt: '2026-11-02T01:00:00.000Z', sla: testSla(), intakeAssigneeId: network.station.id },
        registerOnOpen: true,
        ...(scenario.eventsPerRun ? { eventsPerRun: scenario.eventsPerRun } : {}),
      };
      const handle = await env.client.workflow.start('caseWorkflow', { workflowId: caseWorkflowId(caseId), taskQueue, args: [input] });
      let view = await handle.executeUpdate(syncUpdate);
      for (const step of scenario.steps) {
        const request = step(view.context.tasks);
        if (request) view = await handle.executeUpdate(actUpdate, { args: [request] });
      }
      // The first run's history (a continued-as-new case has more runs; the first shows the boundary).
      const runId = (await env.client.workflow.getHandle(caseWorkflowId(caseId)).describe()).raw.workflowExecutionInfo?.firstRunId ?? '';
      // The CLI writes histories in the protobuf JSON form that replay (historyFromJSON) reads.
      const json = execFileSync(ensureTemporalCli(), ['workflow', 'show', '--address', env.address, '--workflow-id', caseWorkflowId(caseId), '--run-id', runId, '--output', 'json'], { maxBuffer: 64 << 20 }).toString();
      writeFileSync(new URL(`${name}.json`, out), json);
      console.log(`recorded ${label}/${name}.json (${(JSON.parse(json) as { events: unknown[] }).events.length} events)`);
    }
  });
} finally {
  await env.teardown();
  await database.drop();
}
