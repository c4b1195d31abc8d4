import type { Db, IdentityKeys } from '@guanai/db';
import type { Client } from '@temporalio/client';
import type { DemoActivities, DemoSummary } from '@guanai/workflows';
import type { AppDeps } from '../env.ts';
import { AppError } from '../errors/app-error.ts';
import { markMeetingHeld } from '../domain/meetings/mark-meeting-held.ts';
import { scheduleMeeting } from '../domain/meetings/schedule-meeting.ts';
import { publishDisclosure } from '../domain/disclosures/publish-disclosure.ts';
import { createCaseClient } from '../temporal/case-client.ts';
import { loadDemoCase } from './load-demo-case.ts';
import { DEMO_MEETING, loadDemoWorld, prepareDemoWorld, type DemoWorld } from './demo-world.ts';

export interface DemoActivityDeps {
  db: Db;
  keys: IdentityKeys;
  temporal: Client;
  /** The case workflows' task queue (tests use their own). */
  taskQueue?: string;
  caseSettings?: AppDeps['caseSettings'];
  disclosureThreshold?: number;
}

const NEXT_MEETING = '成都市社会救助联席会议（演示·下次）';

/** The last `count` months that have ended, in Beijing time, oldest first (YYYY-MM). */
function endedMonths(count: number, now = Date.now()): string[] {
  const local = new Date(now + 8 * 3_600_000);
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - count + i, 1));
    return month.toISOString().slice(0, 7);
  });
}

/** Conflicts (already done by an earlier attempt) are what a retry expects; anything else is a failure. */
const unlessDone = (error: unknown) => {
  if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
};

/** The demo loader's activities (run by the demo worker in the API's process, beside the domain code). */
export function createDemoActivities(deps: DemoActivityDeps): DemoActivities {
  const { db, temporal } = deps;
  const cases = createCaseClient(temporal, deps.taskQueue);
  let world: Promise<DemoWorld> | undefined;
  const worldOnce = () =>
    (world ??= loadDemoWorld(db).catch((error: unknown) => ((world = undefined), Promise.reject(error))));
  return {
    async prepareDemo() {
      await prepareDemoWorld(db, deps.keys);
    },

    async loadDemoCase({ index, total }) {
      await loadDemoCase(
        {
          db,
          keys: deps.keys,
          temporal,
          cases,
          world: await worldOnce(),
          caseSettings: deps.caseSettings,
          followUpDelayHours: deps.caseSettings?.followUpDelayHours ?? 720,
        },
        index,
        total,
      );
    },

    async finishDemo({ total }): Promise<DemoSummary> {
      const { admin: _admin, manager, meetingId, staff } = await worldOnce();
      const citySupervisor = staff('SUPERVISOR', '510100000000');
      // §四(九): the past meeting is held (its resolutions are on their cases); the referred cases
      // still waiting go on the next one.
      const meeting = await db.jointMeeting.findUniqueOrThrow({ where: { id: meetingId } });
      if (meeting.title === DEMO_MEETING && meeting.status === 'SCHEDULED')
        await markMeetingHeld({
          db,
          user: citySupervisor,
          id: meetingId,
          minutes: '会议听取了市援助中心关于重大疑难个案的汇报，议定由民政部门牵头链接慈善资源，住建部门核查住房安全。',
        }).catch(unlessDone);
      if (!(await db.jointMeeting.findFirst({ where: { title: NEXT_MEETING } })))
        await scheduleMeeting({
          db,
          user: citySupervisor,
          body: {
            title: NEXT_MEETING,
            scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            location: '市民政局三楼会议室',
            departments: ['CIVIL_AFFAIRS', 'HOUSING', 'HEALTH'],
          },
        });
      // §四(七): the months that have ended are published on the public disclosure pages.
      const publishedMonths: string[] = [];
      for (const period of endedMonths(3)) {
        const done = await db.disclosureSnapshot.findFirst({ where: { period }, select: { id: true } });
        if (!done)
          await publishDisclosure({
            temporal,
            taskQueue: deps.taskQueue,
            threshold: deps.disclosureThreshold,
            user: manager,
            period,
            requestId: 'demo',
          }).catch(unlessDone);
        publishedMonths.push(period);
      }
      const states = await db.case.groupBy({ by: ['state'], where: { demo: true }, _count: true });
      return {
        total,
        states: Object.fromEntries(states.map((s) => [s.state, s._count])),
        publishedMonths,
      };
    },
  };
}
