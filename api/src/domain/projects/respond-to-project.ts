import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TRespondToProject } from '../../routes/projects/projects.types.ts';
import { findVisibleProject } from './visible-projects.ts';

/** A partner answers a published project, once per organisation, optionally naming one of its resources. */
export async function respondToProject({
  db,
  user,
  projectId,
  body,
}: {
  db: Db;
  user: SessionUser;
  projectId: string;
  body: TRespondToProject;
}): Promise<{ id: string }> {
  const row = await findVisibleProject({ db, user, id: projectId });
  if (!user.partnerId)
    throw new AppError('FORBIDDEN', { message: 'your account is not linked to a partner organisation' });
  if (
    body.resourceId &&
    !(await db.resource.findFirst({
      where: { id: body.resourceId, providerId: user.partnerId },
      select: { id: true },
    }))
  ) {
    throw new AppError('VALIDATION', {
      message: 'is not one of your organisation’s resources',
      field: 'resourceId',
    });
  }
  const created = await db.projectResponse
    .create({
      data: {
        projectId: row.id,
        partnerId: user.partnerId,
        message: body.message,
        amount: body.amount ?? null,
        resourceId: body.resourceId ?? null,
        createdById: user.id,
      },
    })
    .catch((error: unknown) => {
      if ((error as { code?: string })?.code === 'P2002' || /unique/i.test(String(error)))
        throw new AppError('CONFLICT', {
          message: 'your organisation has already responded',
          reason: 'ALREADY_RESPONDED',
        });
      throw error;
    });
  return { id: created.id };
}
