import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPledge } from '../../routes/projects/projects.types.ts';
import { findPledge } from './find-pledge.ts';
import { findOwnedProject } from './owned-project.ts';
import { toPledgeDtos } from './pledge-dto.ts';

/**
 * 谢绝认捐: the center that owns the case declines a pending pledge with a reason its partner sees. A
 * conditional update, so a decline racing an acceptance loses cleanly (409 NOT_PENDING) and declining
 * again answers the same.
 */
export async function declinePledge({
  db,
  user,
  projectId,
  pledgeId,
  reason,
}: {
  db: Db;
  user: SessionUser;
  projectId: string;
  pledgeId: string;
  reason: string;
}): Promise<TPledge> {
  const project = await findOwnedProject({ db, user, id: projectId });
  const pledge = await findPledge(db, project.id, pledgeId);
  await db.projectResponse.updateMany({
    where: { id: pledge.id, status: 'PENDING' },
    data: { status: 'DECLINED', declineReason: reason, decidedById: user.id, decidedAt: new Date() },
  });
  const now = await findPledge(db, project.id, pledge.id);
  if (now.status !== 'DECLINED')
    throw new AppError('CONFLICT', { message: 'the pledge was accepted', reason: 'NOT_PENDING' });
  const [dto] = await toPledgeDtos(db, [now]);
  return dto!;
}
