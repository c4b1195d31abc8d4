import type { Prisma } from '@guanai/db';
import { markMeetingHeld } from '../../domain/meetings/mark-meeting-held.ts';
import { meetingDetail } from '../../domain/meetings/meeting-detail.ts';
import { meetingInclude, toMeetingDto } from '../../domain/meetings/meeting-dto.ts';
import { resolveMeetingCase } from '../../domain/meetings/resolve-meeting-case.ts';
import { scheduleMeeting } from '../../domain/meetings/schedule-meeting.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange } from '../../validation.ts';
import {
  getMeeting,
  listMeetings,
  markMeetingHeld as markMeetingHeldRoute,
  resolveMeetingCase as resolveMeetingCaseRoute,
  scheduleMeeting as scheduleMeetingRoute,
} from './meetings.types.ts';

/** Routes under /api/meetings: §四(九) 联席会议, meetings at the city and the districts, their agendas and resolutions. */
export function meetingRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;
  return (
    createRouter()
      /** Supervisors and managers: the meetings of units in their jurisdiction, in the order asked for. */
      .openapi(listMeetings, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.JointMeetingWhereInput = { unit: { path: { startsWith: user.orgUnit.path } }, ...filter };
        const [rows, total] = await Promise.all([
          db.jointMeeting.findMany({
            where,
            include: meetingInclude,
            orderBy: [{ [sort[0]]: sort[1] === 'ASC' ? ('asc' as const) : ('desc' as const) }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.jointMeeting.count({ where }),
        ]);
        c.header('Content-Range', contentRange('meetings', range, rows.length, total));
        return c.json(rows.map(toMeetingDto), 200);
      })
      /** The meeting, its agenda (referred cases), and what it resolved. */
      .openapi(getMeeting, async (c) =>
        c.json(await meetingDetail({ db, user: c.get('user'), id: c.req.valid('param').id }), 200),
      )
      /** Supervisors and managers of the city or a district: schedules a meeting with its member departments. */
      .openapi(scheduleMeetingRoute, async (c) =>
        c.json(toMeetingDto(await scheduleMeeting({ db, user: c.get('user'), body: c.req.valid('json') })), 201),
      )
      /**
       * Supervisors of the meeting's unit: the resolution on one case of the agenda. It is sent to the
       * case workflow (MEETING_RESOLVED), whose actions become tasks with their deadlines. A retried
       * request resolves once.
       */
      .openapi(resolveMeetingCaseRoute, async (c) => {
        const resolved = await resolveMeetingCase({
          db,
          cases,
          user: c.get('user'),
          meetingId: c.req.valid('param').id,
          body: c.req.valid('json'),
        });
        return c.json(resolved, 201);
      })
      /** Supervisors of the meeting's unit: marks it held, with its minutes. */
      .openapi(markMeetingHeldRoute, async (c) => {
        const { minutes } = c.req.valid('json');
        const meeting = await markMeetingHeld({ db, user: c.get('user'), id: c.req.valid('param').id, minutes });
        return c.json(toMeetingDto(meeting), 200);
      })
  );
}
