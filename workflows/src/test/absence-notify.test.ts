import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import type { CaseProjection } from '../case/projection.ts';
import { createPerson, seededNetwork } from './fixtures.ts';

/**
 * Issue 15: a notification for a user whose absence runs at the event's time goes to their delegate
 * (resolved by the projection when it writes, against real PostgreSQL); a retried projection writes
 * it once, to the same person.
 */
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
}, 120_000);
afterAll(async () => database?.drop());

function projection(
  network: Awaited<ReturnType<typeof seededNetwork>>,
  personId: string,
  userId: string,
  at: string,
): CaseProjection {
  const caseId = randomUUID();
  const task = {
    id: `${caseId}:1`,
    kind: 'SCREEN' as const,
    status: 'OPEN' as const,
    unitId: network.units.township,
    assigneeId: userId,
    createdAt: at,
    dueAt: new Date(Date.parse(at) + 3_600_000).toISOString(),
    completedAt: null,
    completedById: null,
  };
  return {
    record: {
      caseId,
      caseNo: `A-${caseId.slice(0, 8)}`,
      personId,
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
    event: { type: 'REASSIGN', fromState: null, toState: 'screening', actorId: network.supervisor.id, at, payload: {} },
    notifications: [{ type: 'notify', kind: 'ASSIGNED', taskId: task.id, unitId: network.units.township, userId }],
  };
}

describe('notifications during an absence', () => {
  it('go to the delegate while the absence runs, to the user outside it, once however often the projection is retried', async () => {
    const network = await seededNetwork(db);
    const { projectCase } = createCaseActivities({ db });
    const start = new Date('2026-12-01T00:00:00Z');
    const end = new Date('2026-12-08T00:00:00Z');
    await db.absence.create({
      data: {
        userId: network.caseworker.id,
        delegateId: network.supervisor.id,
        startsAt: start,
        endsAt: end,
        createdById: network.caseworker.id,
      },
    });
    const during = projection(
      network,
      (await createPerson(db, network.units.community, '休假一')).id,
      network.caseworker.id,
      '2026-12-03T02:00:00.000Z',
    );
    await projectCase(during);
    await projectCase(during); // a retried attempt
    const sent = await db.notification.findMany({ where: { caseId: during.record.caseId } });
    expect(sent.map((n) => n.userId)).toEqual([network.supervisor.id]);

    const after = projection(
      network,
      (await createPerson(db, network.units.community, '休假二')).id,
      network.caseworker.id,
      '2026-12-09T02:00:00.000Z',
    );
    await projectCase(after);
    expect((await db.notification.findMany({ where: { caseId: after.record.caseId } })).map((n) => n.userId)).toEqual([
      network.caseworker.id,
    ]);
  });
});
