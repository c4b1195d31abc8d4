import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TScheduleMeeting } from '../../routes/meetings/meetings.types.ts';
import { meetingInclude } from './meeting-dto.ts';

/** §四(九) 联席会议: schedules a meeting at the city or a district in the user's jurisdiction, with its member departments. */
export async function scheduleMeeting({ db, user, body }: { db: Db; user: SessionUser; body: TScheduleMeeting }) {
  const unit = await db.orgUnit.findUnique({
    where: { id: body.unitId ?? user.orgUnit.id },
    select: { id: true, level: true, path: true },
  });
  if (!unit || !within(user, unit.path) || (unit.level !== 'CITY' && unit.level !== 'DISTRICT')) {
    throw new AppError('VALIDATION', {
      message: 'joint meetings sit at the city or a district in your jurisdiction',
      field: 'unitId',
    });
  }
  const known = new Set((await db.department.findMany({ select: { code: true } })).map((d) => d.code));
  const unknown = body.departments.filter((d) => !known.has(d));
  if (unknown.length)
    throw new AppError('VALIDATION', {
      message: `unknown member department ${unknown.join(', ')}`,
      field: 'departments',
    });
  return db.jointMeeting.create({
    data: {
      unitId: unit.id,
      title: body.title,
      scheduledAt: new Date(body.scheduledAt),
      location: body.location ?? null,
      departments: [...new Set(body.departments)],
      createdById: user.id,
    },
    include: meetingInclude,
  });
}
