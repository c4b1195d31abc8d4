import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TRespondToProject } from '../../routes/projects/projects.types.ts';
import { visibleProjects } from './visible-projects.ts';
import { isUniqueViolation } from '../../errors/unique-violation.ts';

/**
 * 认捐 §四(三) 动员社会力量: a partner pledges money, goods, places or hours to a published project, from
 * one of its own published resources (accepting the pledge proposes a match from it, and a match needs
 * a resource that can give what was pledged). One live pledge per organisation and project; after a
 * decline it may pledge again. Nothing is written unless every check passes.
 */
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
  if (!user.partnerId)
    throw new AppError('FORBIDDEN', { message: 'your account is not linked to a partner organisation' });
  const project = await db.project.findFirst({ where: { id: projectId, ...visibleProjects(user) } });
  if (!project) {
    // A project that has left the platform is a conflict, not a secret: its id was public while published.
    if (await db.project.findUnique({ where: { id: projectId }, select: { id: true } }))
      throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
    throw notFound('project');
  }
  if (project.status !== 'PUBLISHED')
    throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
  const resource = await db.resource.findFirst({
    where: { id: body.resourceId, providerId: user.partnerId },
    select: { id: true, name: true, status: true, capacity: true, budget: true, categories: true },
  });
  if (!resource)
    throw new AppError('VALIDATION', { message: 'is not one of your organisation’s resources', field: 'resourceId' });
  if (resource.status !== 'PUBLISHED')
    throw new AppError('VALIDATION', { message: `${resource.name} is not published`, field: 'resourceId' });
  if (!resource.categories.includes(project.category))
    throw new AppError('VALIDATION', {
      message: `${resource.name} does not answer this project’s need (${project.category})`,
      field: 'resourceId',
    });
  // What the match will hold: money from a budget, places from a capacity.
  if (resource.budget !== null && body.kind !== 'MONEY')
    throw new AppError('VALIDATION', { message: `${resource.name} gives money: pledge MONEY`, field: 'kind' });
  if (body.kind === 'MONEY' && resource.budget === null)
    throw new AppError('VALIDATION', {
      message: `${resource.name} has no budget to give money from`,
      field: 'resourceId',
    });
  if (body.kind === 'PLACES' && resource.capacity === null)
    throw new AppError('VALIDATION', { message: `${resource.name} has no places`, field: 'resourceId' });
  const created = await db.projectResponse
    .create({
      data: {
        projectId: project.id,
        partnerId: user.partnerId,
        kind: body.kind,
        message: body.message,
        amount: body.amount ?? null,
        places: body.places ?? null,
        quantity: body.quantity ?? null,
        resourceId: resource.id,
        createdById: user.id,
      },
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', {
          message: 'your organisation already has a pledge on this project',
          reason: 'ALREADY_RESPONDED',
        });
      throw error;
    });
  return { id: created.id };
}
