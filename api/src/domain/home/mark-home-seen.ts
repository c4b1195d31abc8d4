import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';

/** Records that the user looked at what changed, now (the next home page counts from here). */
export async function markHomeSeen({ db, user, now }: { db: Db; user: SessionUser; now: Date }) {
  const row = await db.homeSeen.upsert({
    where: { userId: user.id },
    create: { userId: user.id, seenAt: now },
    update: { seenAt: now },
  });
  return { seenAt: row.seenAt.toISOString() };
}
