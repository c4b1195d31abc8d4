import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { meetingInclude } from './meeting-dto.ts';

/** A meeting of a unit in the user's jurisdiction; else 404. */
export async function findMeeting({ db, user, id }: { db: Db; user: SessionUser; id: string }) {
  const row = await db.jointMeeting.findUnique({ where: { id }, include: meetingInclude });
  if (!row || !within(user, row.unit.path)) throw notFound('meeting');
  return row;
}
