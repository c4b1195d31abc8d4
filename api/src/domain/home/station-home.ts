import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TStationHome } from '../../routes/home/home.types.ts';
import { applicationListWhere } from '../applications/application-list-where.ts';
import { caseListWhere } from '../cases/case-list-where.ts';

/**
 * A station worker's or discoverer's home: my community's open cases by state (each a link to the
 * case list), and its ten cases changed last. Registering or reporting is the page's button. A
 * station worker also sees the online applications waiting to be verified (§四(一) 个人申请).
 */
export async function stationHome({ db, user }: { db: Db; user: SessionUser }): Promise<TStationHome> {
  const where = await caseListWhere(db, user, { status: 'OPEN' });
  const toVerify = { status: 'SUBMITTED' } as const;
  const [byState, recent, applicationsToVerify] = await Promise.all([
    db.case.groupBy({ by: ['state'], where, _count: { _all: true }, orderBy: { state: 'asc' } }),
    db.case.findMany({
      where: await caseListWhere(db, user, {}),
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: 10,
      select: {
        id: true,
        caseNo: true,
        state: true,
        status: true,
        updatedAt: true,
        person: { select: { name: true } },
      },
    }),
    user.role === 'STATION_WORKER' ? db.application.count({ where: applicationListWhere(user, toVerify) }) : null,
  ]);
  return {
    kind: 'station',
    unit: { id: user.orgUnit.id, name: user.orgUnit.name, level: user.orgUnit.level },
    openCases: {
      value: byState.reduce((sum, row) => sum + row._count._all, 0),
      link: { to: 'cases', filter: { status: 'OPEN' } },
    },
    ...(applicationsToVerify === null
      ? {}
      : { applicationsToVerify: { value: applicationsToVerify, link: { to: 'applications', filter: toVerify } } }),
    byState: byState.map((row) => ({
      state: row.state,
      value: row._count._all,
      link: { to: 'cases', filter: { status: 'OPEN', state: row.state } },
    })),
    recent: recent.map((c) => ({
      id: c.id,
      caseNo: c.caseNo,
      personName: c.person.name,
      state: c.state,
      status: c.status,
      updatedAt: c.updatedAt.toISOString(),
    })),
  };
}
