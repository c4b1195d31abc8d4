import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import type { HandoverOutput, Role } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TUpdateUser } from '../../routes/users/users.types.ts';
import type { HandoverClient } from '../../temporal/handover-client.ts';
import { runningAbsence } from '../absences/running-absence.ts';
import { actorOf } from '../tasks/actor-of.ts';

/**
 * Deactivating a user or moving them to another unit (issue 15): their change and the handover of
 * their claimed open tasks — back to each task's unit queue, or to `handoverTo`, a colleague of their
 * unit — are one action, run by one handover workflow: the user row, the revoked sessions and the
 * audit entry first (one idempotent activity), then each task's Update. If the API dies on the way
 * the workflow carries on; a retry with the same Idempotency-Key joins it. Checks (placement, partner,
 * self-lockout) are made by the caller before this.
 */
export async function changeUserWithHandover({
  db,
  handovers,
  me,
  row,
  changes,
  key,
}: {
  db: Db;
  handovers: HandoverClient;
  me: SessionUser;
  row: { id: string; orgUnitId: string; displayName: string };
  changes: TUpdateUser;
  key: string | undefined;
}): Promise<HandoverOutput> {
  const { handoverTo: handoverToId, ...userChanges } = changes;
  let handoverTo = null;
  if (handoverToId) {
    const colleague = await db.user.findUnique({ where: { id: handoverToId } });
    if (!colleague || !colleague.active)
      throw new AppError('VALIDATION', { message: 'no active user with this id', field: 'handoverTo' });
    if (colleague.id === row.id)
      throw new AppError('VALIDATION', { message: 'name a colleague, not the user themselves', field: 'handoverTo' });
    if (colleague.orgUnitId !== row.orgUnitId)
      throw new AppError('VALIDATION', {
        message: `${colleague.displayName} is not of ${row.displayName}'s unit`,
        field: 'handoverTo',
      });
    // A colleague who is away: their delegate takes the work.
    const absence = await runningAbsence(db, colleague.id);
    const taker = absence?.delegate ?? colleague;
    handoverTo = { id: taker.id, role: taker.role as Role, unitId: taker.orgUnitId };
  }
  const why = userChanges.active === false ? '账号停用' : '调离本单位';
  const note = handoverTo ? `${why}，任务移交同事` : `${why}，任务退回队列`;
  return handovers.run(key ?? randomUUID(), {
    actor: actorOf(me),
    userChange: { userId: row.id, changes: userChanges, handoverTo, note },
  });
}
