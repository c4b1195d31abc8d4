import type { Db, Prisma } from '@guanai/db';

/** Ends a live match and gives back what it held, once: the status change is conditional. */
export async function endMatch(
  db: Db,
  id: string,
  from: ('PROPOSED' | 'ACCEPTED')[],
  data: Prisma.MatchUpdateManyMutationInput,
  /** Written in the same transaction when the match ended (its outbox rows). */
  then?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const match = await tx.match.findUniqueOrThrow({ where: { id } });
    const ended = await tx.match.updateMany({
      where: { id, status: { in: from } },
      data: { ...data, liveKey: null, decidedAt: new Date() },
    });
    if (ended.count === 0) return false;
    await tx.$executeRaw`UPDATE resource SET reserved_places = reserved_places - ${match.places}, reserved_amount = reserved_amount - ${match.amount}::numeric WHERE id = ${match.resourceId}::uuid`;
    await then?.(tx);
    return true;
  });
}
