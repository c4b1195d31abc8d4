import type { Db } from '@guanai/db';
import type { MeetingNextStep } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TMeetingDetail } from '../../routes/meetings/meetings.types.ts';
import { findMeeting } from './find-meeting.ts';
import { meetingAgenda } from './meeting-agenda.ts';
import { toMeetingDto } from './meeting-dto.ts';

/** The meeting, its agenda (referred cases), and what it resolved. */
export async function meetingDetail({
  db,
  user,
  id,
}: {
  db: Db;
  user: SessionUser;
  id: string;
}): Promise<TMeetingDetail> {
  const row = await findMeeting({ db, user, id });
  const items = await db.meetingItem.findMany({
    where: { meetingId: row.id },
    include: { case: { select: { caseNo: true } } },
    orderBy: { resolvedAt: 'asc' },
  });
  return {
    ...toMeetingDto(row),
    agenda: await meetingAgenda({ db, meeting: row }),
    items: items.map((i) => ({
      id: i.id,
      caseId: i.caseId,
      caseNo: i.case.caseNo,
      resolution: i.resolution,
      next: i.next as MeetingNextStep,
      actions: i.actions as TMeetingDetail['items'][number]['actions'],
      resolvedAt: i.resolvedAt.toISOString(),
    })),
  };
}
