import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Prisma, Role } from '@guanai/db';
import { ROLE_LEVELS, ROLES } from '@guanai/workflows/vocabulary';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { contentRange, listQuerySchema, validate } from '../../validation.ts';

export const ZPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'must contain a letter and a digit');

const ZCreateUser = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'must be 3–40 letters, digits, dots, dashes or underscores'),
    displayName: z.string().trim().min(1, 'is required').max(50),
    role: z.enum(ROLES),
    orgUnitId: z.uuid('must be an org unit id'),
    /** The organisation a PARTNER user acts for. */
    partnerId: z.uuid('must be a partner id').optional(),
    password: ZPassword.optional(),
  })
  .strict();

const ZUpdateUser = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(50).optional(),
    role: z.enum(ROLES).optional(),
    orgUnitId: z.uuid('must be an org unit id').optional(),
    partnerId: z.uuid('must be a partner id').nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

const ZUserList = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      role: z.enum(ROLES).optional(),
      orgUnitId: z.uuid().optional(),
      active: z.boolean().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['username', 'displayName', 'role', 'createdAt'] as const,
  ['username', 'ASC'],
);

const ZUserParams = z.object({ id: z.uuid('must be a user id (uuid)') });

const userInclude = {
  orgUnit: { select: { name: true, level: true } },
  partner: { select: { name: true } },
} satisfies Prisma.UserInclude;

function toUserDto(row: Prisma.UserGetPayload<{ include: typeof userInclude }>) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnit.name,
    orgUnitLevel: row.orgUnit.level,
    partnerId: row.partnerId,
    partnerName: row.partner?.name ?? null,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A one-time password an admin hands over; it satisfies the password rule. */
const temporaryPassword = () => `Ga${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}7`;

export function userRoutes(deps: AppDeps) {
  const { db } = deps;

  /** A partner user acts for a partner organisation; no one else does. */
  async function checkPartner(role: Role, partnerId: string | null | undefined) {
    if (role !== 'PARTNER') {
      if (partnerId)
        throw new AppError('VALIDATION', {
          message: 'only PARTNER users act for a partner organisation',
          field: 'partnerId',
        });
      return;
    }
    if (!partnerId || !(await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) {
      throw new AppError('VALIDATION', {
        message: 'a PARTNER user needs the partner organisation they act for',
        field: 'partnerId',
      });
    }
  }

  /** The unit must exist and be of a level the role works at. */
  async function checkPlacement(role: Role, orgUnitId: string) {
    const unit = await db.orgUnit.findUnique({ where: { id: orgUnitId }, select: { level: true, name: true } });
    if (!unit) throw new AppError('VALIDATION', { message: 'no such org unit', field: 'orgUnitId' });
    if (!ROLE_LEVELS[role].includes(unit.level)) {
      throw new AppError('VALIDATION', {
        message: `a ${role} works at a ${ROLE_LEVELS[role].join(' or ')} unit; ${unit.name} is a ${unit.level}`,
        field: 'orgUnitId',
      });
    }
  }

  const revokeSessions = (userId: string) =>
    db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });

  return (
    new Hono<AppEnv>()
      /** Admins: the staff, by unit, role and state. */
      .get('/', validate('query', ZUserList), async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.UserWhereInput = {
          ...(filter.q
            ? { OR: [{ username: { contains: filter.q.toLowerCase() } }, { displayName: { contains: filter.q } }] }
            : {}),
          ...(filter.role ? { role: filter.role } : {}),
          ...(filter.orgUnitId ? { orgUnitId: filter.orgUnitId } : {}),
          ...(filter.active !== undefined ? { active: filter.active } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.user.findMany({
            where,
            include: userInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.user.count({ where }),
        ]);
        c.header('Content-Range', contentRange('users', range, rows.length, total));
        return c.json(rows.map(toUserDto));
      })
      .get('/:id', validate('param', ZUserParams), async (c) => {
        const row = await db.user.findUnique({ where: { id: c.req.valid('param').id }, include: userInclude });
        if (!row) throw notFound('user');
        return c.json(toUserDto(row));
      })
      /** Admins: a new account; without a password, a one-time one is made and shown once. */
      .post('/', validate('json', ZCreateUser), async (c) => {
        const body = c.req.valid('json');
        await checkPlacement(body.role, body.orgUnitId);
        await checkPartner(body.role, body.partnerId);
        if (await db.user.findUnique({ where: { username: body.username }, select: { id: true } })) {
          throw new AppError('CONFLICT', { message: 'is taken', field: 'username', reason: 'USERNAME_TAKEN' });
        }
        const password = body.password ?? temporaryPassword();
        const row = await db.user.create({
          data: {
            username: body.username,
            displayName: body.displayName,
            role: body.role,
            orgUnitId: body.orgUnitId,
            partnerId: body.partnerId ?? null,
            passwordHash: await hash(password),
          },
          include: userInclude,
        });
        return c.json({ ...toUserDto(row), ...(body.password ? {} : { temporaryPassword: password }) }, 201);
      })
      /** Admins: name, role, unit, active. Deactivating signs the user out everywhere. */
      .put('/:id', validate('param', ZUserParams), validate('json', ZUpdateUser), async (c) => {
        const me = c.get('user');
        const body = c.req.valid('json');
        const row = await db.user.findUnique({ where: { id: c.req.valid('param').id } });
        if (!row) throw notFound('user');
        if (row.id === me.id && (body.active === false || (body.role && body.role !== 'ADMIN'))) {
          throw new AppError('CONFLICT', {
            message: 'you cannot deactivate yourself or give up the admin role (ask another admin)',
            reason: 'SELF_LOCKOUT',
          });
        }
        const role = body.role ?? row.role;
        if (body.role || body.orgUnitId) await checkPlacement(role, body.orgUnitId ?? row.orgUnitId);
        if (body.role || body.partnerId !== undefined)
          await checkPartner(role, body.partnerId === undefined ? row.partnerId : body.partnerId);
        const updated = await db.$transaction(async (tx) => {
          const user = await tx.user.update({ where: { id: row.id }, data: body, include: userInclude });
          // A changed role or unit takes effect at the next sign-in; deactivation at once.
          if (body.active === false || body.role || body.orgUnitId || body.partnerId !== undefined)
            await tx.session.updateMany({
              where: { userId: row.id, revokedAt: null },
              data: { revokedAt: new Date() },
            });
          return user;
        });
        return c.json(toUserDto(updated));
      })
      /** Admins: a new one-time password for a user who forgot theirs; their sessions end. */
      .post('/:id/reset-password', validate('param', ZUserParams), async (c) => {
        const row = await db.user.findUnique({ where: { id: c.req.valid('param').id } });
        if (!row) throw notFound('user');
        const password = temporaryPassword();
        await db.user.update({ where: { id: row.id }, data: { passwordHash: await hash(password) } });
        await revokeSessions(row.id);
        return c.json({ temporaryPassword: password });
      })
  );
}
