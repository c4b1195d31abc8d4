import { appendAudit, type Db } from '@guanai/db';
import { visiblePeople } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPersonRecord } from '../../routes/people/people.types.ts';
import { withPersonCaseLock } from '../cases/with-person-case-lock.ts';
import { findVisiblePerson } from './find-visible-person.ts';
import { personInclude, toPersonDto } from './person-dto.ts';

/**
 * Merges a duplicate record into the one to keep. The kept record takes the cases, fills its empty
 * fields from the duplicate and gains its tags; the duplicate stays, marked as merged, so that
 * history and the audit log keep pointing somewhere. The route runs in autocommit mode
 * (`callsWorkflow`): the merge commits its own transaction while it holds the people's case lease,
 * so that whoever takes the lease next sees it.
 */
export async function mergePeople({
  db,
  user,
  sourceId,
  intoId,
  reason,
}: {
  db: Db;
  user: SessionUser;
  sourceId: string;
  intoId: string;
  reason: string;
}): Promise<TPersonRecord> {
  const source = await findVisiblePerson(db, user, sourceId);
  if (intoId === source.id)
    throw new AppError('VALIDATION', { message: 'a record cannot be merged into itself', field: 'intoId' });
  const target = await db.person.findFirst({ where: { id: intoId, ...visiblePeople(user) } });
  if (!target) throw new AppError('VALIDATION', { message: 'is not a person in your jurisdiction', field: 'intoId' });
  if (source.mergedIntoId || target.mergedIntoId)
    throw new AppError('CONFLICT', { message: 'one of the records was already merged', reason: 'MERGED' });
  if (source.idNumberHash && target.idNumberHash && source.idNumberHash !== target.idNumberHash) {
    throw new AppError('CONFLICT', {
      message: 'the two records carry different identity documents; they are different people',
      reason: 'DIFFERENT_DOCUMENTS',
    });
  }
  const kept = await withPersonCaseLock(db, [source.id, target.id], (locked) =>
    locked.$transaction(async (tx) => {
      if (
        (await tx.person.count({
          where: { id: { in: [source.id, target.id] }, NOT: { mergedIntoId: null } },
        })) > 0
      ) {
        throw new AppError('CONFLICT', { message: 'one of the records was already merged', reason: 'MERGED' });
      }
      // One case that is not closed per person. When both records have one, the merge is refused
      // and the supervisor first closes one as a duplicate (CLOSE, reason duplicate), rather than
      // the merge closing one itself: which case goes on is their judgment (the two may stand at
      // different steps, with their own tasks, matches and reservations, owned by different
      // centers), and a close is a workflow Update that cannot roll back with this transaction.
      const open = await tx.case.findMany({
        where: { personId: { in: [source.id, target.id] }, status: { not: 'CLOSED' } },
        select: { caseNo: true },
        orderBy: { caseNo: 'asc' },
      });
      if (open.length > 1) {
        const numbers = open.map((k) => k.caseNo);
        throw new AppError('CONFLICT', {
          message: `both records have an open case (${numbers.join(', ')}); close one of them as a duplicate first, then merge`,
          reason: 'DUPLICATE_CASE',
          extra: { openCases: numbers },
        });
      }
      const moved = await tx.case.updateMany({ where: { personId: source.id }, data: { personId: target.id } });
      await tx.person.update({ where: { id: source.id }, data: { mergedIntoId: target.id } });
      const fill = <K extends 'sex' | 'birthDate' | 'phone'>(k: K) =>
        target[k] === null && source[k] !== null ? { [k]: source[k] } : {};
      const merged = await tx.person.update({
        where: { id: target.id },
        data: {
          ...fill('sex'),
          ...fill('birthDate'),
          ...fill('phone'),
          ...(target.address === null ? { address: source.address, addressKey: source.addressKey } : {}),
          ...(target.idNumberHash === null && source.idNumberHash
            ? {
                idType: source.idType,
                idNumberEnc: source.idNumberEnc,
                idNumberHash: source.idNumberHash,
                idNumberMasked: source.idNumberMasked,
              }
            : {}),
          ...(target.householdId === null ? { householdId: source.householdId, relation: source.relation } : {}),
          tags: [...new Set([...target.tags, ...source.tags])],
        },
        include: personInclude,
      });
      await appendAudit(tx, {
        actorId: user.id,
        action: 'person.merge',
        target: `person:${target.id}`,
        reason,
        detail: { merged: source.id, casesMoved: moved.count },
      });
      return merged;
    }),
  );
  return toPersonDto(kept);
}
