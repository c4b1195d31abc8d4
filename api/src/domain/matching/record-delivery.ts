import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TDelivery, TMatch } from '../../routes/matches/matches.types.ts';
import { holdCaseRow } from '../cases/hold-case-row.ts';
import { findVisibleMatch } from './find-visible-match.ts';
import { toMatchDto } from './match-dto.ts';

/**
 * The partner or the case's workers record what was given on an accepted match (the delivery
 * ledger). Money given never exceeds the amount matched; nothing more is given on a closed case. A
 * retried request (the same `deliveryId`, from its Idempotency-Key) records it once.
 */
export async function recordDelivery({
  db,
  user,
  matchId,
  deliveryId: id,
  input: body,
}: {
  db: Db;
  user: SessionUser;
  matchId: string;
  deliveryId: string;
  input: TDelivery;
}): Promise<TMatch> {
  const row = await findVisibleMatch(db, user, matchId);
  if (row.deliveries.some((d) => d.id === id)) return toMatchDto(row, user);
  const caseClosed = () =>
    new AppError('CONFLICT', {
      message: `case ${row.case.caseNo} is closed: nothing more is delivered on its matches (reopen the case first)`,
      reason: 'CASE_CLOSED',
    });
  if (row.case.status === 'CLOSED') throw caseClosed();
  if (row.status !== 'ACCEPTED')
    throw new AppError('CONFLICT', {
      message: 'deliveries are recorded on accepted matches',
      reason: 'NOT_ACCEPTED',
    });
  const found = await db.attachment.count({ where: { caseId: row.caseId, id: { in: body.evidence } } });
  if (found !== new Set(body.evidence).size)
    throw new AppError('VALIDATION', {
      message: 'an evidence file does not belong to this case',
      field: 'evidence',
    });
  await db.$transaction(async (tx) => {
    // The case first (as its writers lock it), held so that it cannot close while the delivery is recorded.
    const current = await holdCaseRow(tx, row.caseId);
    if (current?.status === 'CLOSED') throw caseClosed();
    await tx.$executeRaw`SELECT id FROM match WHERE id = ${row.id}::uuid FOR UPDATE`;
    if (body.kind === 'MONEY' && Number(row.amount) > 0) {
      const given = await tx.delivery.aggregate({
        where: { matchId: row.id, kind: 'MONEY' },
        _sum: { amount: true },
      });
      const total = Number(given._sum.amount ?? 0) + body.amount!;
      if (total > Number(row.amount) + 1e-9)
        throw new AppError('CONFLICT', {
          message: `¥${total} would exceed the ¥${Number(row.amount)} matched`,
          field: 'amount',
          reason: 'OVER_DELIVERY',
        });
    }
    await tx.delivery.create({
      data: {
        id,
        matchId: row.id,
        kind: body.kind,
        description: body.description,
        amount: body.amount ?? null,
        quantity: body.quantity ?? null,
        hours: body.hours ?? null,
        deliveredOn: new Date(`${body.deliveredOn}T00:00:00Z`),
        deliveredById: user.id,
        evidence: body.evidence,
      },
    });
  });
  return toMatchDto(await findVisibleMatch(db, user, row.id), user);
}
