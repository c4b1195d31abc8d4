import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WORKFLOW_ID } from '@guanai/workflows';
import { runDemoLoader } from '../demo/run-demo-worker.ts';
import { startDemoLoader } from '../demo/start-demo-loader.ts';
import { json, signIn, startHarness, type Harness } from './harness.ts';

/** A small demo (the launcher loads about 300): every path still appears once. */
const TOTAL = Number(process.env.DEMO_TEST_CASES ?? 40);
const quiet = { info: () => {}, error: (message: string) => console.error(message) };

let h: Harness;
let summaries: unknown[];
beforeAll(async () => {
  h = await startHarness();
  // Two API replicas asking for the demo at once: the fixed workflow id makes it one load. (One
  // process may run one worker per task queue: the second replica here only starts and waits, as a
  // replica whose worker is not needed would.)
  const loader = () =>
    runDemoLoader({
      db: h.db,
      keys: h.keys,
      temporal: h.env.client,
      connection: h.env.nativeConnection,
      taskQueue: h.taskQueue,
      total: TOTAL,
      disclosureThreshold: 1,
      logger: quiet,
    });
  const second = async () => {
    await startDemoLoader(h.env.client, { total: TOTAL }, h.taskQueue);
    return h.env.client.workflow.getHandle(DEMO_WORKFLOW_ID).result();
  };
  summaries = await Promise.all([loader(), second()]);
}, 600_000);
afterAll(async () => h?.stop());

const demoCases = () =>
  h.db.case.findMany({
    where: { demo: true },
    include: { events: { orderBy: { seq: 'asc' } }, tasks: true, owningUnit: true },
  });

describe('the living demo, loaded through the case workflows (real PostgreSQL, real Temporal)', () => {
  it('two replicas starting the loader load it once: one loader run, every case once, no duplicate person', async () => {
    const runs = [];
    for await (const run of h.env.client.workflow.list({ query: `WorkflowId = '${DEMO_WORKFLOW_ID}'` })) runs.push(run);
    expect(runs.length).toBeLessThanOrEqual(1); // visibility may lag; the describe below is authoritative
    const described = await h.env.client.workflow.getHandle(DEMO_WORKFLOW_ID).describe();
    expect(described.status.name).toBe('COMPLETED');
    expect(summaries[1]).toEqual(summaries[0]); // both replicas see the one load's outcome
    expect(await h.db.case.count({ where: { demo: true } })).toBe(TOTAL);
    const people = await h.db.case.findMany({ where: { demo: true }, select: { personId: true } });
    expect(new Set(people.map((p) => p.personId)).size).toBe(TOTAL);
    // A restart asks again: the finished loader is not run a second time.
    const again = await runDemoLoader({
      db: h.db,
      keys: h.keys,
      temporal: h.env.client,
      connection: h.env.nativeConnection,
      taskQueue: h.taskQueue,
      total: TOTAL,
      logger: quiet,
    });
    expect(again).toBeUndefined();
    expect(await h.db.case.count({ where: { demo: true } })).toBe(TOTAL);
  });

  it('every state of the machine is present, with several closure reasons', async () => {
    const cases = await demoCases();
    const states = new Set(cases.map((c) => c.state));
    for (const state of [
      'intake',
      'screening',
      'monitoring',
      'assessment',
      'planning.drafting',
      'planning.awaitingApproval',
      'matching',
      'escalation',
      'jointMeeting',
      'delivery',
      'suspended',
      'closed',
    ])
      expect(states, state).toContain(state);
    expect([...states].some((s) => s.startsWith('followUp'))).toBe(true);
    const reasons = new Set(cases.filter((c) => c.status === 'CLOSED').map((c) => c.closureReason));
    expect(reasons).toContain('resolved');
    expect(reasons).toContain('no_need');
    expect(reasons).toContain('gov_aid_only');
    expect(reasons.size).toBeGreaterThanOrEqual(4);
  });

  it('events carry past times, in order, over months; the overdue work breached at real time', async () => {
    const cases = await demoCases();
    const now = Date.now();
    for (const c of cases) {
      const times = c.events.map((e) => e.at.getTime());
      expect(times, c.caseNo).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)!).toBeLessThanOrEqual(now);
    }
    const opened = cases.map((c) => c.events[0]!.at.getTime());
    expect(Math.min(...opened)).toBeLessThan(now - 60 * 86_400_000);
    // Overdue tasks: open, due in the past, breached once handed to real time.
    const overdue = cases.flatMap((c) => c.tasks).filter((t) => t.status === 'OPEN' && t.dueAt.getTime() < now);
    expect(overdue.length).toBeGreaterThan(0);
    expect(cases.some((c) => c.events.some((e) => e.type === 'SLA_BREACHED'))).toBe(true);
  });

  it('escalations reach the district and the city, a joint meeting resolved a case, deliveries, surveys and disclosure months are there', async () => {
    const cases = await demoCases();
    const levels = new Set(cases.filter((c) => c.status !== 'CLOSED').map((c) => c.owningUnit.level));
    expect(levels).toContain('DISTRICT');
    expect(levels).toContain('CITY');
    expect(cases.some((c) => c.events.some((e) => e.type === 'ESCALATION_RETURNED'))).toBe(true);
    expect(await h.db.meetingItem.count({ where: { case: { demo: true } } })).toBeGreaterThan(0);
    expect(await h.db.delivery.count({ where: { match: { case: { demo: true } } } })).toBeGreaterThan(0);
    expect(await h.db.survey.count({ where: { case: { demo: true } } })).toBeGreaterThan(0);
    expect(await h.db.donation.count()).toBeGreaterThan(0);
    const periods = await h.db.disclosureSnapshot.findMany({ select: { period: true }, distinct: ['period'] });
    expect(periods.length).toBe(3);
    // The follow-up visit fell due at the loader's time (30 days after delivery), not at real time.
    const due = cases.flatMap((c) => c.events).filter((e) => e.type === 'FOLLOW_UP_DUE');
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((e) => e.at.getTime() < Date.now() - 86_400_000)).toBe(true);
  });

  it('§四(三) 志愿服务: the demo has a volunteer of the seeded team who signs in as `volunteer`', async () => {
    const volunteer = await h.db.volunteer.findFirstOrThrow({
      where: { user: { username: 'volunteer' } },
      select: { status: true, team: { select: { name: true } }, user: { select: { role: true, active: true } } },
    });
    expect(volunteer).toEqual({
      status: 'ACTIVE',
      team: { name: '水井坊志愿服务队' },
      user: { role: 'VOLUNTEER', active: true },
    });
    const me = await (await signIn(h.app, 'volunteer')).request('GET', '/api/volunteers/me');
    expect(me.status).toBe(200);
  });

  it('GET /api/demo/status tells any signed-in user the demo is there', async () => {
    const station = await signIn(h.app, 'station');
    const res = await station.request('GET', '/api/demo/status');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ state: 'done', loaded: TOTAL, total: TOTAL });
  });
});
