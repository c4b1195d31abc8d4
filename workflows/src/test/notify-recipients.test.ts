import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import type { CaseProjection } from '../case/projection.ts';
import type { Origin } from '../case/types.ts';
import { createPerson, seededNetwork } from './fixtures.ts';

/**
 * Issue 18, who is told what beyond the case's own staff, as the projection writes it with the event
 * (against real PostgreSQL): a delivery falling due tells the partner whose accepted match delivers it,
 * a self-application closed at screening without aid tells the station that registered it.
 */
let database: TestDatabase;
let db: Db;
let network: Awaited<ReturnType<typeof seededNetwork>>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  network = await seededNetwork(db);
}, 120_000);
afterAll(async () => database?.drop());

const AT = '2026-11-30T02:00:00.000Z';

function projection(
  caseId: string,
  personId: string,
  origin: Origin,
  seq: number,
  change: Partial<CaseProjection>,
): CaseProjection {
  return {
    record: {
      caseId,
      caseNo: `R-${caseId.slice(0, 8)}`,
      personId,
      origin,
      situation: '通知对象',
      createdById: network.station.id,
      originUnitId: network.units.community,
    },
    seq,
    state: 'screening',
    status: 'OPEN',
    closureReason: null,
    emergency: false,
    owningUnitId: network.units.township,
    data: { flags: [] },
    tasks: [],
    event: {
      type: 'REGISTERED',
      fromState: 'intake',
      toState: 'screening',
      actorId: network.station.id,
      at: AT,
      payload: {},
    },
    notifications: [],
    ...change,
  };
}

const told = async (caseId: string) =>
  (
    await db.notification.findMany({
      where: { caseId },
      include: { user: true },
      orderBy: [{ kind: 'asc' }, { userId: 'asc' }],
    })
  ).map((n) => [n.kind, n.user.username]);

describe('recipients outside the case’s staff (issue 18)', () => {
  it('the DELIVER task’s warning tells the partner of the accepted match, besides the assignee and supervisors', async () => {
    const { projectCase } = createCaseActivities({ db });
    const caseId = randomUUID();
    const person = await createPerson(db, network.units.community, '落实甲');
    const deliver = {
      id: `${caseId}:7`,
      kind: 'DELIVER' as const,
      status: 'OPEN' as const,
      unitId: network.units.township,
      assigneeId: network.caseworker.id,
      createdAt: AT,
      dueAt: '2026-12-03T02:00:00.000Z',
      completedAt: null,
      completedById: null,
    };
    await projectCase(projection(caseId, person.id, 'OUTREACH', 1, { state: 'delivery', tasks: [deliver] }));
    const partnerUser = await db.user.findUniqueOrThrow({ where: { username: 'partner' } });
    const resource = await db.resource.findFirstOrThrow({ where: { providerId: partnerUser.partnerId! } });
    await db.match.create({
      data: {
        id: randomUUID(),
        caseId,
        needIndex: 0,
        category: 'MEDICAL',
        resourceId: resource.id,
        status: 'ACCEPTED',
        proposedById: network.caseworker.id,
      },
    });
    const warned = projection(caseId, person.id, 'OUTREACH', 2, {
      state: 'delivery',
      tasks: [{ ...deliver, warnedAt: AT }],
      event: { type: 'SLA_WARNING', fromState: 'delivery', toState: 'delivery', actorId: null, at: AT, payload: {} },
      notifications: [
        {
          type: 'notify',
          kind: 'SLA_WARNING',
          taskId: deliver.id,
          unitId: network.units.township,
          userId: network.caseworker.id,
        },
      ],
    });
    await projectCase(warned);
    await projectCase(warned); // a retried projection writes nothing twice
    const rows = await told(caseId);
    expect(rows).toContainEqual(['DELIVERY_DUE', 'partner']);
    expect(rows).toContainEqual(['SLA_WARNING', 'caseworker']);
    expect(rows.filter(([kind]) => kind === 'DELIVERY_DUE').map(([, who]) => who)).toEqual(
      (
        await db.user.findMany({ where: { partnerId: partnerUser.partnerId, active: true }, orderBy: { id: 'asc' } })
      ).map((u) => u.username),
    );
  });

  it('a SCREEN warning tells no partner, even of an accepted match', async () => {
    const { projectCase } = createCaseActivities({ db });
    const caseId = randomUUID();
    const person = await createPerson(db, network.units.community, '筛查乙');
    const screen = {
      id: `${caseId}:2`,
      kind: 'SCREEN' as const,
      status: 'OPEN' as const,
      unitId: network.units.township,
      assigneeId: network.caseworker.id,
      createdAt: AT,
      dueAt: '2026-12-03T02:00:00.000Z',
      completedAt: null,
      completedById: null,
    };
    await projectCase(projection(caseId, person.id, 'OUTREACH', 1, { tasks: [screen] }));
    await projectCase(
      projection(caseId, person.id, 'OUTREACH', 2, {
        tasks: [screen],
        event: {
          type: 'SLA_WARNING',
          fromState: 'screening',
          toState: 'screening',
          actorId: null,
          at: AT,
          payload: {},
        },
        notifications: [
          {
            type: 'notify',
            kind: 'SLA_WARNING',
            taskId: screen.id,
            unitId: network.units.township,
            userId: network.caseworker.id,
          },
        ],
      }),
    );
    expect((await told(caseId)).map(([kind]) => kind)).not.toContain('DELIVERY_DUE');
  });

  it('a self-application closed at screening without aid tells the community’s station; an outreach case does not', async () => {
    const { projectCase } = createCaseActivities({ db });
    const closing = (origin: Origin, caseId: string, personId: string) =>
      projection(caseId, personId, origin, 2, {
        state: 'closed',
        status: 'CLOSED',
        closureReason: 'no_need',
        event: {
          type: 'SCREENED',
          fromState: 'screening',
          toState: 'closed',
          actorId: network.caseworker.id,
          at: AT,
          payload: {},
        },
      });
    const applied = randomUUID();
    const found = randomUUID();
    for (const [origin, caseId, name] of [
      ['SELF_APPLICATION', applied, '申请丙'],
      ['OUTREACH', found, '发现丁'],
    ] as const) {
      const person = await createPerson(db, network.units.community, name);
      await projectCase(projection(caseId, person.id, origin, 1, {}));
      await projectCase(closing(origin, caseId, person.id));
    }
    expect(await told(applied)).toEqual([['APPLICATION_DECLINED', 'station']]);
    expect(await told(found)).toEqual([]);
  });
});
