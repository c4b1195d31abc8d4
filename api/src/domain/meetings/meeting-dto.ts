import type { Prisma } from '@guanai/db';
import type { TMeeting } from '../../routes/meetings/meetings.types.ts';

/** What a meeting is read with: its unit, and how many cases it resolved. */
export const meetingInclude = {
  unit: { select: { name: true, level: true, path: true } },
  _count: { select: { items: true } },
} satisfies Prisma.JointMeetingInclude;

export type MeetingRow = Prisma.JointMeetingGetPayload<{ include: typeof meetingInclude }>;

export const toMeetingDto = (row: MeetingRow): TMeeting => ({
  id: row.id,
  unitId: row.unitId,
  unitName: row.unit.name,
  title: row.title,
  scheduledAt: row.scheduledAt.toISOString(),
  location: row.location,
  departments: row.departments,
  status: row.status,
  minutes: row.minutes,
  heldAt: row.heldAt?.toISOString() ?? null,
  resolved: row._count.items,
});
