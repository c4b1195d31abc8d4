import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import { seed } from '@guanai/db/seed';
import { TASK_KINDS, type Actor, type Role, type SlaPolicy, type UnitChain } from '../case/types.ts';

/** The seeded network around 锦官驿街道 水井坊社区, and its demo users as machine actors. */
export async function seededNetwork(db: Db) {
  await seed(db);
  const unit = async (code: string) => (await db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
  const units: UnitChain = {
    community: await unit('510104017001'),
    township: await unit('510104017000'),
    district: await unit('510104000000'),
    city: await unit('510100000000'),
  };
  const actor = async (username: string): Promise<Actor> => {
    const user = await db.user.findUniqueOrThrow({ where: { username } });
    return { id: user.id, role: user.role as Role, unitId: user.orgUnitId };
  };
  return {
    units,
    station: await actor('station'),
    caseworker: await actor('caseworker'),
    supervisor: await actor('supervisor'),
    caseworker2: await actor('caseworker2'),
    districtSupervisor: await actor('district.supervisor'),
  };
}

export async function createPerson(db: Db, communityId: string, name = '张三明') {
  return db.person.create({ data: { id: randomUUID(), name, hukou: 'CHENGDU', communityId } });
}

/** An SLA policy in hours for tests; `overrides` set single task kinds (e.g. seconds-long SLAs). */
export function testSla(overrides: SlaPolicy = {}): SlaPolicy {
  const base = Object.fromEntries(
    TASK_KINDS.map((kind) => [
      kind,
      { normal: 72, emergency: 12, unit: 'HOURS' as const, warnAt: 0.75, onBreach: 'NOTIFY' as const },
    ]),
  );
  return { ...base, ...overrides };
}
