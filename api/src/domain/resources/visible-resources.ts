import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { resourceInclude } from './resource-dto.ts';

/** Partners see the published catalogue and their own resources; volunteers the published one; staff all of it. */
export const visibleResources = (user: SessionUser): Prisma.ResourceWhereInput =>
  user.role === 'PARTNER'
    ? { OR: [{ status: 'PUBLISHED' }, { providerId: user.partnerId ?? '00000000-0000-0000-0000-000000000000' }] }
    : user.role === 'VOLUNTEER'
      ? { status: 'PUBLISHED' }
      : {};

/** The resource, if the user sees it; else 404. */
export async function findVisibleResource({ db, user, id }: { db: Db; user: SessionUser; id: string }) {
  const row = await db.resource.findFirst({ where: { id, ...visibleResources(user) }, include: resourceInclude });
  if (!row) throw notFound('resource');
  return row;
}
