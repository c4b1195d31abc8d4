import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';
import { pledgeInclude } from './pledge-dto.ts';

/** A pledge of the project (found by the caller, so seen by the user), else 404. */
export async function findPledge(db: Db, projectId: string, pledgeId: string) {
  const row = await db.projectResponse.findFirst({ where: { id: pledgeId, projectId }, include: pledgeInclude });
  if (!row) throw notFound('pledge');
  return row;
}
