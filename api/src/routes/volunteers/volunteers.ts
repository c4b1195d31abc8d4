import { decryptIdNumber, type Prisma } from '@guanai/db';
import { correctHours } from '../../domain/volunteers/correct-hours.ts';
import { decideVolunteer } from '../../domain/volunteers/decide-volunteer.ts';
import { readLedger } from '../../domain/volunteers/hours-ledger.ts';
import { issueCertificate } from '../../domain/volunteers/issue-certificate.ts';
import { registerVolunteer as register } from '../../domain/volunteers/register-volunteer.ts';
import { toVolunteerDtos, volunteerDto, volunteerInclude } from '../../domain/volunteers/volunteer-dto.ts';
import { findVisibleVolunteer, visibleVolunteers } from '../../domain/volunteers/visible-volunteers.ts';
import type { AppDeps } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  approveVolunteer,
  correctVolunteerHours,
  declineVolunteer,
  getMyVolunteer,
  getVolunteer,
  getVolunteerCertificate,
  getVolunteerHours,
  listVolunteers,
  registerVolunteer,
  type TVolunteerListFilter,
} from './volunteers.types.ts';

const filterWhere = (filter: TVolunteerListFilter): Prisma.VolunteerWhereInput => ({
  ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { user: { username: { contains: filter.q } } }] } : {}),
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.teamId ? { teamId: filter.teamId } : {}),
  ...(filter.communityId ? { communityIds: { has: filter.communityId } } : {}),
  ...(filter.id ? { id: { in: filter.id } } : {}),
});

/** Routes under /api/volunteers: the registry of volunteers (志愿者, §四(三) 志愿服务) and their hours. */
export function volunteerRoutes(deps: AppDeps) {
  const { db, keys } = deps;
  return (
    createRouter()
      /** Staff: volunteers serving a community of their subtree. Team partners: their team's. */
      .openapi(listVolunteers, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.VolunteerWhereInput = { AND: [await visibleVolunteers(db, user), filterWhere(filter)] };
        const direction = sort[1] === 'DESC' ? 'desc' : 'asc';
        const [rows, total] = await Promise.all([
          db.volunteer.findMany({
            where,
            include: volunteerInclude,
            orderBy: [{ [sort[0]]: direction }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.volunteer.count({ where }),
        ]);
        c.header('Content-Range', contentRange('volunteers', range, rows.length, total));
        return c.json(await toVolunteerDtos(db, rows), 200);
      })
      /** A volunteer: their own profile with the phone in full, their hours and the duty they are on. */
      .openapi(getMyVolunteer, async (c) => {
        const user = c.get('user');
        const row = await db.volunteer.findUnique({ where: { userId: user.id }, include: volunteerInclude });
        if (!row) throw notFound('volunteer');
        const [[dto], open] = await Promise.all([
          toVolunteerDtos(db, [row]),
          db.volunteerAttendance.findFirst({ where: { volunteerId: row.id, checkedOutAt: null } }),
        ]);
        return c.json(
          {
            ...dto!,
            phone: decryptIdNumber(row.phoneEnc, keys),
            openAttendance: open
              ? { id: open.id, assignmentId: open.assignmentId, checkedInAt: open.checkedInAt.toISOString() }
              : null,
          },
          200,
        );
      })
      /** Who may list them, and the volunteer themself: one volunteer (phone masked). */
      .openapi(getVolunteer, async (c) => {
        const volunteer = await findVisibleVolunteer(db, c.get('user'), c.req.valid('param').id);
        return c.json(await volunteerDto(db, volunteer.id), 200);
      })
      /** Stations, centers, volunteer teams: registers an ACTIVE volunteer whose login works at once. */
      .openapi(registerVolunteer, async (c) => {
        const id = await register({ db, keys, registrar: c.get('user'), input: c.req.valid('json') });
        return c.json(await volunteerDto(db, id), 201);
      })
      /** The volunteer's team (or a station served, without a team): approves a self-registration. */
      .openapi(approveVolunteer, async (c) =>
        c.json(
          await decideVolunteer({ db, user: c.get('user'), id: c.req.valid('param').id, decision: { approve: true } }),
          200,
        ),
      )
      /** The same: declines it, with the reason the volunteer reads. */
      .openapi(declineVolunteer, async (c) =>
        c.json(
          await decideVolunteer({
            db,
            user: c.get('user'),
            id: c.req.valid('param').id,
            decision: { approve: false, reason: c.req.valid('json').reason },
          }),
          200,
        ),
      )
      /** The volunteer, their team, the centers above a community served: the hours ledger and its total. */
      .openapi(getVolunteerHours, async (c) => {
        const volunteer = await findVisibleVolunteer(db, c.get('user'), c.req.valid('param').id);
        const { from, to } = c.req.valid('query');
        return c.json(await readLedger({ db, volunteerId: volunteer.id, from, to }), 200);
      })
      /** Workers of a community served, the volunteer's team: records a correction (a new entry, with why). */
      .openapi(correctVolunteerHours, async (c) =>
        c.json(
          await correctHours({
            db,
            user: c.get('user'),
            volunteerId: c.req.valid('param').id,
            input: c.req.valid('json'),
          }),
          201,
        ),
      )
      /** Who may read the ledger: the certificate of a period's hours, audited. */
      .openapi(getVolunteerCertificate, async (c) => {
        const { from, to } = c.req.valid('query');
        return c.json(
          await issueCertificate({ db, user: c.get('user'), volunteerId: c.req.valid('param').id, from, to }),
          200,
        );
      })
  );
}
