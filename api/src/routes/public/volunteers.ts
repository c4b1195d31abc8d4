import { derivedKey } from '../../auth/derived-key.ts';
import { createRateLimiter } from '../../auth/rate-limiter.ts';
import { DEFAULT_APPLICATION_SETTINGS } from '../../domain/applications/application-settings.ts';
import { registerVolunteer } from '../../domain/volunteers/register-volunteer.ts';
import type { AppDeps } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { clientAddress } from '../../request/client-address.ts';
import { listVolunteerTeams, registerVolunteerPublic } from './volunteers.types.ts';

/**
 * /api/public/volunteers and /api/public/volunteer-teams: a volunteer's self-registration from the
 * phone (§四(三) 志愿服务), limited per client address as the online application is.
 */
export function publicVolunteerRoutes(deps: AppDeps) {
  const { db, keys } = deps;
  const settings = { ...DEFAULT_APPLICATION_SETTINGS, ...deps.applications };
  let addressKey: Buffer | undefined;
  const registrations = createRateLimiter(db, 'volunteer-register', settings.submissions, {
    secret: () => (addressKey ??= derivedKey(keys, 'rate-limit-address')),
  });

  return (
    createRouter()
      /** Anyone: the active volunteer teams (志愿服务队), by name. */
      .openapi(listVolunteerTeams, async (c) =>
        c.json(
          await db.partner.findMany({
            where: { kind: 'VOLUNTEER_TEAM', active: true },
            select: { id: true, name: true },
            orderBy: { name: 'asc' },
          }),
          200,
        ),
      )
      /** Anyone: registers as a volunteer (PENDING); rate-limited per client address. */
      .openapi(registerVolunteerPublic, async (c) => {
        const input = c.req.valid('json');
        const wait = await registrations.take(clientAddress(c, deps.trustedProxies));
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw new AppError('RATE_LIMITED', {
            message: `too many registrations from this address; try again in ${Math.ceil(wait / 60)} minutes`,
            reason: 'VOLUNTEER_REGISTRATION_RATE_LIMITED',
          });
        }
        const id = await registerVolunteer({ db, keys, registrar: null, input });
        const row = await db.volunteer.findUniqueOrThrow({
          where: { id },
          select: { status: true, user: { select: { username: true } }, team: { select: { id: true, name: true } } },
        });
        return c.json({ status: row.status, username: row.user.username, team: row.team }, 201);
      })
  );
}
