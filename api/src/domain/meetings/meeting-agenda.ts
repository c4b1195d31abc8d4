import type { Db } from '@guanai/db';
import type { TAgendaCase } from '../../routes/meetings/meetings.types.ts';

/**
 * The agenda: cases referred to the joint meeting at this meeting's unit and not yet resolved. They
 * go on the next scheduled meeting of the unit (the earliest), so a later one shows none yet.
 */
export async function meetingAgenda({
  db,
  meeting,
}: {
  db: Db;
  meeting: { id: string; unitId: string; status: string; scheduledAt: Date };
}): Promise<TAgendaCase[]> {
  if (meeting.status !== 'SCHEDULED') return [];
  const next = await db.jointMeeting.findFirst({
    where: { unitId: meeting.unitId, status: 'SCHEDULED' },
    orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  if (next?.id !== meeting.id) return [];
  const referred = await db.case.findMany({
    where: { owningUnitId: meeting.unitId, state: 'jointMeeting' },
    select: {
      id: true,
      caseNo: true,
      situation: true,
      emergency: true,
      updatedAt: true,
      person: { select: { name: true } },
      originUnit: { select: { name: true, parent: { select: { name: true } } } },
      data: true,
    },
    orderBy: { updatedAt: 'asc' },
  });
  return referred.map((r) => ({
    caseId: r.id,
    caseNo: r.caseNo,
    personName: r.person.name,
    community: r.originUnit.name,
    township: r.originUnit.parent?.name ?? null,
    situation: r.situation,
    emergency: r.emergency,
    needs: (r.data as { assessments?: { needs: TAgendaCase['needs'] }[] }).assessments?.at(-1)?.needs ?? [],
    referredAt: r.updatedAt.toISOString(),
  }));
}
