import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { encryptIdNumber, maskPhone, Prisma, type Db, type IdentityKeys } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TRegisterVolunteer } from '../../routes/volunteers/volunteers.types.ts';

const usernameTaken = () =>
  new AppError('CONFLICT', { message: 'is taken', field: 'username', reason: 'USERNAME_TAKEN' });

/** The team a registration names: an active partner of kind VOLUNTEER_TEAM (志愿服务队), or 422. */
async function volunteerTeam(db: Db, teamId: string) {
  const team = await db.partner.findUnique({ where: { id: teamId }, select: { id: true, kind: true, active: true } });
  if (!team || !team.active || team.kind !== 'VOLUNTEER_TEAM')
    throw new AppError('VALIDATION', { message: 'is not an active volunteer team (志愿服务队)', field: 'teamId' });
  return team.id;
}

/**
 * Registers a volunteer and their login (role VOLUNTEER, placed at the first community served, acting
 * for their team). By a station, a center or a team (`registrar`): ACTIVE at once, every community
 * inside a staff registrar's jurisdiction, a team registering its own. By the volunteer themself
 * (`registrar` null, the public page): PENDING, the login inactive until the team (or, without one, a
 * station served) approves. The phone is encrypted (AES-256-GCM) with a masked form; the user and the
 * volunteer are written together or not at all.
 */
export async function registerVolunteer({
  db,
  keys,
  registrar,
  input,
}: {
  db: Db;
  keys: IdentityKeys;
  registrar: SessionUser | null;
  input: TRegisterVolunteer;
}): Promise<string> {
  const units = await db.orgUnit.findMany({
    where: { id: { in: input.communityIds }, level: 'COMMUNITY' },
    select: { id: true, path: true, name: true },
  });
  const unknown = input.communityIds.filter((id) => !units.some((unit) => unit.id === id));
  if (unknown.length)
    throw new AppError('VALIDATION', {
      message: `is not a community (村/社区) of the network: ${unknown.join(', ')}`,
      field: 'communityIds',
    });

  let teamId: string | null = null;
  if (registrar?.role === 'PARTNER') {
    // A team registers its own volunteers; other partners have none.
    const own = registrar.partnerId
      ? await db.partner.findUnique({ where: { id: registrar.partnerId }, select: { kind: true, active: true } })
      : null;
    if (!own || !own.active || own.kind !== 'VOLUNTEER_TEAM')
      throw new AppError('FORBIDDEN', { message: 'only a volunteer team (志愿服务队) registers volunteers' });
    if (input.teamId && input.teamId !== registrar.partnerId)
      throw new AppError('VALIDATION', { message: 'a team registers its own volunteers', field: 'teamId' });
    teamId = registrar.partnerId;
  } else {
    if (registrar) {
      const outside = units.filter((unit) => !within(registrar, unit.path));
      if (outside.length)
        throw new AppError('VALIDATION', {
          message: `is outside your jurisdiction: ${outside.map((unit) => unit.name).join(', ')}`,
          field: 'communityIds',
        });
    }
    if (input.teamId) teamId = await volunteerTeam(db, input.teamId);
  }
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw usernameTaken();

  const passwordHash = await hash(input.password);
  const now = new Date();
  const id = randomUUID();
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.name,
          role: 'VOLUNTEER',
          orgUnitId: input.communityIds[0]!,
          partnerId: teamId,
          passwordHash,
          active: registrar !== null,
        },
        select: { id: true },
      });
      await tx.volunteer.create({
        data: {
          id,
          userId: user.id,
          name: input.name,
          phoneEnc: encryptIdNumber(input.phone, keys),
          phoneMasked: maskPhone(input.phone),
          skills: input.skills,
          languages: input.languages,
          availability: input.availability || null,
          teamId,
          communityIds: input.communityIds,
          status: registrar ? 'ACTIVE' : 'PENDING',
          registeredById: registrar?.id ?? null,
          decidedById: registrar?.id ?? null,
          decidedAt: registrar ? now : null,
        },
      });
    });
  } catch (error) {
    // Two registrations of one username at once: the loser is told as the check above would.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw usernameTaken();
    throw error;
  }
  return id;
}
