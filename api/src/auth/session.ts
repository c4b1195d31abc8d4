import { createHash, randomBytes } from 'node:crypto';
import type { Db, OrgLevel, Role } from '@guanai/db';
import { allowedRoutes } from './policy.ts';

export const SESSION_COOKIE = 'guanai_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: { id: string; code: string; name: string; level: OrgLevel; path: string };
  /** For partner users: the organisation they act for. */
  partnerId: string | null;
}

/** A session's id: the SHA-256 of its token. */
export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');
const digest = sessionId;

/** A new session; only the token's hash is stored, the token goes to the client's cookie. */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.session.create({ data: { id: digest(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The signed-in user, or null for an unknown, expired or revoked session or a deactivated user. */
export async function loadSession(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  // Every request comes through here: one statement rather than a query per relation.
  const rows = await db.$queryRaw<
    {
      id: string;
      username: string;
      displayName: string;
      role: Role;
      partnerId: string | null;
      unitId: string;
      code: string;
      name: string;
      level: OrgLevel;
      path: string;
    }[]
  >`
    SELECT u.id, u.username, u.display_name AS "displayName", u.role::text AS role, u.partner_id AS "partnerId",
           o.id AS "unitId", o.code, o.name, o.level::text AS level, o.path
    FROM session s JOIN app_user u ON u.id = s.user_id JOIN org_unit o ON o.id = u.org_unit_id
    WHERE s.id = ${digest(token)} AND s.revoked_at IS NULL AND s.expires_at > ${new Date()} AND u.active`;
  const row = rows[0];
  if (!row) return null;
  const { unitId, code, name, level, path, ...user } = row;
  return toSessionUser({ ...user, orgUnit: { id: unitId, code, name, level, path } });
}

export function toSessionUser(user: {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: SessionUser['orgUnit'];
  partnerId?: string | null;
}): SessionUser {
  const { id, code, name, level, path } = user.orgUnit;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnit: { id, code, name, level, path },
    partnerId: user.partnerId ?? null,
  };
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  await db.session.updateMany({ where: { id: digest(token), revokedAt: null }, data: { revokedAt: new Date() } });
}

/** What the client sees of the signed-in user, with the routes its role may call (`can`). */
export function publicUser(user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnit: { id: user.orgUnit.id, code: user.orgUnit.code, name: user.orgUnit.name, level: user.orgUnit.level },
    partnerId: user.partnerId,
    can: allowedRoutes(user.role),
  };
}
