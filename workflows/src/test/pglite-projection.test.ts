import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@guanai/db';
import { migrate } from '@guanai/db/migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@guanai/devtools/net';
import { startPglite } from '@guanai/devtools/pglite-server';
import { createCaseActivities } from '../case/activities.ts';
import type { CaseProjection } from '../case/projection.ts';
import { createPerson, seededNetwork } from './fixtures.ts';

/** `npm start` runs on the embedded PGlite: the projection's one statement must work there as on PostgreSQL. */
let server: Awaited<ReturnType<typeof startPglite>>;
let db: Db;
const dataDir = mkdtempSync(join(tmpdir(), 'guanai-pglite-'));
beforeAll(async () => {
  server = await startPglite({ dataDir, port: await freePort() });
  await migrate({ url: server.url });
  db = createDb({ url: server.url, max: 1 });
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the projection on PGlite', () => {
  it('writes the case, its tasks, the event and the notifications once, however often it is retried', async () => {
    const network = await seededNetwork(db);
    const person = await createPerson(db, network.units.community);
    const caseId = randomUUID();
    const at = new Date().toISOString();
    const task = {
      id: `${caseId}:1`,
      kind: 'SCREEN' as const,
      status: 'OPEN' as const,
      unitId: network.units.township,
      assigneeId: null,
      createdAt: at,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      warnAt: at,
      completedAt: null,
      completedById: null,
    };
    const projection: CaseProjection = {
      record: {
        caseId,
        caseNo: `P-${caseId.slice(0, 8)}`,
        personId: person.id,
        origin: 'SELF_APPLICATION',
        situation: '测试',
        createdById: network.station.id,
        originUnitId: network.units.community,
      },
      seq: 1,
      state: 'screening',
      status: 'OPEN',
      closureReason: null,
      emergency: false,
      owningUnitId: network.units.township,
      data: { flags: [] },
      tasks: [task],
      event: {
        type: 'CASE_OPENED',
        fromState: null,
        toState: 'screening',
        actorId: network.station.id,
        at,
        payload: { origin: 'SELF_APPLICATION' },
      },
      notifications: [
        { type: 'notify', kind: 'SLA_WARNING', taskId: task.id, unitId: network.units.township, userId: null },
      ],
    };
    const { projectCase } = createCaseActivities({ db });
    await projectCase(projection);
    await projectCase(projection); // a retried attempt
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      state: 'screening',
      lastSeq: 1,
    });
    expect(await db.task.count({ where: { caseId } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
    const supervisors = await db.user.count({
      where: { role: 'SUPERVISOR', orgUnitId: network.units.township, active: true },
    });
    expect(supervisors).toBeGreaterThan(0);
    expect(await db.notification.count({ where: { caseId } })).toBe(supervisors);
    expect(await db.unitSlaCount.findUniqueOrThrow({ where: { unitId: network.units.township } })).toMatchObject({
      open: 1,
      openWarned: 0,
    });
  });
});
