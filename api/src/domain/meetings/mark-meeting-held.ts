import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { findMeeting } from './find-meeting.ts';

/** Marks a scheduled meeting held, with its minutes; one not scheduled (held or cancelled) is 409. */
export async function markMeetingHeld({
  db,
  user,
  id,
  minutes,
}: {
  db: Db;
  user: SessionUser;
  id: string;
  minutes: string;
}) {
  const meeting = await findMeeting({ db, user, id });
  const held = await db.jointMeeting.updateMany({
    where: { id: meeting.id, status: 'SCHEDULED' },
    data: { status: 'HELD', heldAt: new Date(), minutes },
  });
  if (held.count === 0)
    throw new AppError('CONFLICT', { message: 'the meeting is not scheduled', reason: 'NOT_SCHEDULED' });
  return findMeeting({ db, user, id: meeting.id });
}
