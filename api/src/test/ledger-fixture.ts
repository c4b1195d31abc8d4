import { randomUUID } from 'node:crypto';
import { protectIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import { residentId } from './harness.ts';

/**
 * A history written straight into the read model (no workflow): people, their cases, events, tasks,
 * matches and deliveries with chosen dates, so that disclosure and KPI figures can be worked out by
 * hand in the test.
 */
export function ledgerFixture(db: Db, keys: IdentityKeys) {
  let n = 0;
  const unit = async (code: string) => db.orgUnit.findUniqueOrThrow({ where: { code } });
  const creator = async () => (await db.user.findUniqueOrThrow({ where: { username: 'station' } })).id;

  return {
    unit,
    /** A person (with a real-looking identity number and phone) and a case opened at `openedAt` in a community. */
    async caseFor(
      name: string,
      communityCode: string,
      openedAt: string,
      extra: { status?: 'OPEN' | 'CLOSED'; closureReason?: string; state?: string; owningCode?: string } = {},
    ) {
      n += 1;
      const community = await unit(communityCode);
      const idNumber = residentId(`5101041960${String(n).padStart(4, '0')}00${n % 10}`.slice(0, 17));
      const phone = `1390000${String(9000 + n)}`;
      const person = await db.person.create({
        data: {
          name,
          hukou: 'CHENGDU',
          communityId: community.id,
          phone,
          address: `测试路${n}号`,
          ...protectIdNumber(idNumber, keys),
        },
      });
      const owning = extra.owningCode
        ? await unit(extra.owningCode)
        : await db.orgUnit.findUniqueOrThrow({ where: { id: community.parentId! } });
      const row = await db.case.create({
        data: {
          id: randomUUID(),
          caseNo: `FX-${String(n).padStart(4, '0')}-${randomUUID().slice(0, 4)}`,
          personId: person.id,
          origin: 'SELF_APPLICATION',
          situation: `${name}的困难情况`,
          state: extra.state ?? (extra.status === 'CLOSED' ? 'closed' : 'matching'),
          status: extra.status ?? 'OPEN',
          closureReason: extra.closureReason ?? null,
          owningUnitId: owning.id,
          originUnitId: community.id,
          createdById: await creator(),
          createdAt: new Date(openedAt),
        },
      });
      await this.event(row.id, 'CASE_OPENED', openedAt, 'intake');
      return { caseId: row.id, personId: person.id, name, idNumber, phone, owningUnitId: owning.id };
    },
    async event(caseId: string, type: string, at: string, toState: string) {
      const seq = (await db.caseEvent.count({ where: { caseId } })) + 1;
      await db.caseEvent.create({ data: { caseId, seq, type, toState, at: new Date(at) } });
    },
    /** A task of a unit, done at `completedAt` (open when null); a screening unless the kind is given. */
    async task(caseId: string, unitId: string, dueAt: string, completedAt: string | null, kind = 'SCREEN') {
      n += 1;
      const id = `${caseId}:fx${n}`;
      await db.task.create({
        data: {
          id,
          caseId,
          kind,
          status: completedAt ? 'DONE' : 'OPEN',
          unitId,
          dueAt: new Date(dueAt),
          createdAt: new Date(dueAt),
          completedAt: completedAt ? new Date(completedAt) : null,
        },
      });
      return id;
    },
    /** An accepted match on a resource, and the deliveries given on it. */
    async delivered(
      caseId: string,
      resourceId: string,
      category: string,
      deliveries: { kind: 'MONEY' | 'SERVICE' | 'GOODS'; amount?: number; hours?: number; on: string }[],
    ) {
      const match = await db.match.create({
        data: {
          id: randomUUID(),
          caseId,
          needIndex: 0,
          category,
          resourceId,
          status: 'ACCEPTED',
          proposedById: await creator(),
        },
      });
      for (const d of deliveries) {
        await db.delivery.create({
          data: {
            id: randomUUID(),
            matchId: match.id,
            kind: d.kind,
            description: '援助',
            amount: d.amount ?? null,
            hours: d.hours ?? null,
            deliveredOn: new Date(`${d.on}T00:00:00Z`),
            deliveredById: await creator(),
          },
        });
      }
      return match.id;
    },
  };
}
