import type { Db } from '@guanai/db';
import type { CaseEvent } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import { OFFERED_ACTIONS, type TOfferedAction } from '../../routes/cases/case-actions.types.ts';
import type { TCaseDetail } from '../../routes/cases/cases.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { actorOf } from '../tasks/actor-of.ts';
import { taskInclude, toTaskDto } from '../tasks/task-dto.ts';
import { toCaseDto } from './case-dto.ts';
import { casePlanningOf } from './case-planning.ts';
import { findVisibleCase } from './find-visible-case.ts';

/** A case the user can see, with its timeline, its tasks and the case-level actions the machine lets them take now. */
export async function getCaseDetail({
  db,
  cases,
  user,
  caseId,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  caseId: string;
}): Promise<TCaseDetail> {
  const row = await findVisibleCase(db, user, caseId);
  const [events, tasks] = await Promise.all([
    db.caseEvent.findMany({ where: { caseId: row.id }, orderBy: { seq: 'asc' } }),
    db.task.findMany({
      where: { caseId: row.id },
      orderBy: { createdAt: 'asc' },
      include: taskInclude,
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const attachmentIds = events.flatMap((e) => (e.payload as { attachments?: string[] }).attachments ?? []);
  const attachments = new Map(
    (
      await db.attachment.findMany({
        where: { caseId: row.id, id: { in: attachmentIds } },
        select: { id: true, filename: true, contentType: true, size: true },
      })
    ).map((a) => [a.id, a]),
  );
  const candidates = OFFERED_ACTIONS.map(
    (type) =>
      ({
        type,
        reason: type === 'CLOSE' || type === 'PROPOSE_CLOSURE' ? 'resolved' : 'x',
        flag: 'OTHER',
      }) as unknown as Omit<CaseEvent, 'actor' | 'at'>,
  );
  const actions =
    row.status === 'CLOSED' && row.state === 'archived'
      ? []
      : ((await cases.allowed(row.id, actorOf(user), candidates)) as TOfferedAction[]);
  return {
    ...toCaseDto(row),
    actions,
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorId ? (actors.get(e.actorId) ?? null) : null,
      at: e.at.toISOString(),
      payload: e.payload as Record<string, unknown>,
      attachments: ((e.payload as { attachments?: string[] }).attachments ?? []).flatMap(
        (id) => attachments.get(id) ?? [],
      ),
    })),
    tasks: tasks.map(toTaskDto),
    ...casePlanningOf(row.data),
  };
}
