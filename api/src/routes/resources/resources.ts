import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Prisma } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { keyedId } from '../../request/idempotency.ts';
import { contentRange, validate } from '../../validation.ts';
import {
  ZCreateResource,
  ZDonation,
  ZIdParam,
  ZPartner,
  ZResourceList,
  ZResourceStatus,
  ZUpdateResource,
} from './resources.types.ts';

export const resourceInclude = {
  provider: { select: { name: true, kind: true } },
  coverageUnit: { select: { name: true, level: true, path: true } },
} satisfies Prisma.ResourceInclude;

type ResourceRow = Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>;

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const money = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

export function toResourceDto(row: ResourceRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    providerId: row.providerId,
    providerName: row.provider.name,
    coverageUnitId: row.coverageUnitId,
    coverageUnitName: row.coverageUnit.name,
    coverageLevel: row.coverageUnit.level,
    categories: row.categories,
    eligibility: row.eligibility,
    capacity: row.capacity,
    reservedPlaces: row.reservedPlaces,
    remainingPlaces: row.capacity === null ? null : row.capacity - row.reservedPlaces,
    budget: money(row.budget),
    reservedAmount: Number(row.reservedAmount),
    remainingAmount: row.budget === null ? null : Number(row.budget) - Number(row.reservedAmount),
    validFrom: day(row.validFrom),
    validTo: day(row.validTo),
    status: row.status,
    contractNo: row.contractNo,
    serviceStandard: row.serviceStandard,
    campaignType: row.campaignType,
    target: money(row.target),
    deadline: day(row.deadline),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const asDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

/** Partners see the published catalogue and their own resources; staff see all of it. */
const visibleResources = (user: SessionUser): Prisma.ResourceWhereInput =>
  user.role === 'PARTNER'
    ? { OR: [{ status: 'PUBLISHED' }, { providerId: user.partnerId ?? '00000000-0000-0000-0000-000000000000' }] }
    : {};

export function resourceRoutes(deps: AppDeps) {
  const { db } = deps;

  async function findVisible(user: SessionUser, id: string) {
    const row = await db.resource.findFirst({ where: { id, ...visibleResources(user) }, include: resourceInclude });
    if (!row) throw notFound('resource');
    return row;
  }

  /**
   * Admins and managers keep the catalogue of their own subtree (a district's manager: resources
   * covering the district or a township below it); others' resources they read but do not change.
   */
  function assertKeeps(user: SessionUser, row: ResourceRow) {
    if (!within(user, row.coverageUnit.path)) {
      throw new AppError('FORBIDDEN', {
        message: `${row.name} covers ${row.coverageUnit.name}, outside your jurisdiction (${user.orgUnit.name}): it is kept there`,
      });
    }
  }

  async function checkRefs(
    user: SessionUser,
    body: { providerId?: string | undefined; coverageUnitId?: string | undefined },
  ) {
    if (
      body.providerId &&
      !(await db.partner.findFirst({ where: { id: body.providerId, active: true }, select: { id: true } }))
    ) {
      throw new AppError('VALIDATION', { message: 'no active partner organisation with this id', field: 'providerId' });
    }
    if (body.coverageUnitId) {
      const unit = await db.orgUnit.findUnique({ where: { id: body.coverageUnitId }, select: { path: true } });
      if (!unit) throw new AppError('VALIDATION', { message: 'no such org unit', field: 'coverageUnitId' });
      if (!within(user, unit.path))
        throw new AppError('VALIDATION', {
          message: `is outside your jurisdiction: a resource you keep covers ${user.orgUnit.name} or a unit below it`,
          field: 'coverageUnitId',
        });
    }
  }

  return (
    new Hono<AppEnv>()
      /** Anyone signed in: the catalogue (援助项目库), by kind, status and need category. */
      .get('/', validate('query', ZResourceList), async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.ResourceWhereInput = {
          AND: [
            visibleResources(c.get('user')),
            filter.q ? { OR: [{ name: { contains: filter.q } }, { provider: { name: { contains: filter.q } } }] } : {},
          ],
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.category ? { categories: { has: filter.category } } : {}),
          ...(filter.providerId ? { providerId: filter.providerId } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.resource.findMany({
            where,
            include: resourceInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.resource.count({ where }),
        ]);
        c.header('Content-Range', contentRange('resources', range, rows.length, total));
        return c.json(rows.map(toResourceDto));
      })
      .get('/:id', validate('param', ZIdParam), async (c) =>
        c.json(toResourceDto(await findVisible(c.get('user'), c.req.valid('param').id))),
      )
      /** Admins and managers: a new resource covering their unit or one below it, as a draft until published. */
      .post('/', validate('json', ZCreateResource), async (c) => {
        const body = c.req.valid('json');
        await checkRefs(c.get('user'), body);
        const row = await db.resource.create({
          data: {
            ...body,
            eligibility: body.eligibility as Prisma.InputJsonValue,
            validFrom: asDate(body.validFrom) ?? null,
            validTo: asDate(body.validTo) ?? null,
            deadline: asDate(body.deadline) ?? null,
            status: 'DRAFT',
            createdById: c.get('user').id,
          },
          include: resourceInclude,
        });
        return c.json(toResourceDto(row), 201);
      })
      /** Admins and managers of its coverage: corrects a resource; capacity and budget may not drop below what is reserved. */
      .put('/:id', validate('param', ZIdParam), validate('json', ZUpdateResource), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        assertKeeps(user, row);
        const body = c.req.valid('json');
        await checkRefs(user, body);
        if (body.capacity !== undefined && body.capacity !== null && body.capacity < row.reservedPlaces) {
          throw new AppError('CONFLICT', {
            message: `${row.reservedPlaces} places are already reserved`,
            field: 'capacity',
            reason: 'BELOW_RESERVED',
          });
        }
        if (body.budget !== undefined && body.budget !== null && body.budget < Number(row.reservedAmount)) {
          throw new AppError('CONFLICT', {
            message: `¥${Number(row.reservedAmount)} is already reserved`,
            field: 'budget',
            reason: 'BELOW_RESERVED',
          });
        }
        const { validFrom, validTo, deadline, eligibility, ...rest } = body;
        const updated = await db.resource.update({
          where: { id: row.id },
          data: {
            ...rest,
            ...(eligibility ? { eligibility: eligibility as Prisma.InputJsonValue } : {}),
            ...(validFrom !== undefined ? { validFrom: asDate(validFrom) } : {}),
            ...(validTo !== undefined ? { validTo: asDate(validTo) } : {}),
            ...(deadline !== undefined ? { deadline: asDate(deadline) } : {}),
          },
          include: resourceInclude,
        });
        return c.json(toResourceDto(updated));
      })
      /** Admins and managers of its coverage: publishes, pauses or closes a resource. Live matches keep their places. */
      .post('/:id/status', validate('param', ZIdParam), validate('json', ZResourceStatus), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        assertKeeps(user, row);
        const { status } = c.req.valid('json');
        if (row.status === 'CLOSED')
          throw new AppError('CONFLICT', { message: 'a closed resource stays closed', reason: 'CLOSED' });
        return c.json(
          toResourceDto(
            await db.resource.update({ where: { id: row.id }, data: { status }, include: resourceInclude }),
          ),
        );
      })
      /** Whoever sees the resource: a campaign's donations ledger. */
      .get('/:id/donations', validate('param', ZIdParam), async (c) => {
        const row = await findVisible(c.get('user'), c.req.valid('param').id);
        const donations = await db.donation.findMany({
          where: { resourceId: row.id },
          orderBy: [{ receivedOn: 'desc' }, { createdAt: 'desc' }],
        });
        return c.json(
          donations.map((d) => ({
            id: d.id,
            donorName: d.donorName,
            amount: Number(d.amount),
            receivedOn: day(d.receivedOn),
            channel: d.channel,
            createdAt: d.createdAt.toISOString(),
          })),
        );
      })
      /**
       * The campaign's own partner, admins and managers of its coverage: records a donation to a
       * published campaign (not a draft, a paused or a closed one); the campaign's budget grows by it in
       * the same transaction. A retried request (same Idempotency-Key) records it once.
       */
      .post('/:id/donations', validate('param', ZIdParam), validate('json', ZDonation), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        if (row.kind !== 'FUNDRAISING')
          throw new AppError('CONFLICT', {
            message: 'only fundraising campaigns take donations',
            reason: 'NOT_A_CAMPAIGN',
          });
        if (user.role === 'PARTNER' && row.providerId !== user.partnerId) throw notFound('resource');
        if (user.role !== 'PARTNER') assertKeeps(user, row);
        const id = keyedId(c, 'donation') ?? randomUUID();
        if (await db.donation.findUnique({ where: { id }, select: { id: true } })) return c.json({ id }, 201);
        const notActive = (status: string) =>
          new AppError('CONFLICT', {
            message: `the campaign is ${status}: donations are taken only while it is published`,
            reason: 'CAMPAIGN_NOT_ACTIVE',
          });
        if (row.status !== 'PUBLISHED') throw notActive(row.status);
        const body = c.req.valid('json');
        await db.$transaction(async (tx) => {
          await tx.donation.create({
            data: {
              id,
              resourceId: row.id,
              donorName: body.donorName,
              amount: body.amount,
              receivedOn: new Date(`${body.receivedOn}T00:00:00Z`),
              channel: body.channel ?? null,
              createdById: user.id,
            },
          });
          // A campaign created without a budget starts from zero. Conditional, so a campaign closed meanwhile takes nothing.
          const grown =
            await tx.$executeRaw`UPDATE resource SET budget = COALESCE(budget, 0) + ${body.amount}::numeric WHERE id = ${row.id}::uuid AND status = 'PUBLISHED'`;
          if (grown === 0) throw notActive('no longer published');
        });
        return c.json({ id }, 201);
      })
  );
}

/** Partner organisations: anyone signed in reads them; admins keep them. */
export function partnerRoutes(deps: AppDeps) {
  const { db } = deps;
  const toDto = (p: Prisma.PartnerGetPayload<object>) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    creditCode: p.creditCode,
    contact: p.contact,
    phone: p.phone,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  });
  const unique = async (body: { name?: string; creditCode?: string | undefined }, except?: string) => {
    const clash = await db.partner.findFirst({
      where: {
        OR: [{ name: body.name ?? '' }, ...(body.creditCode ? [{ creditCode: body.creditCode }] : [])],
        ...(except ? { NOT: { id: except } } : {}),
      },
    });
    if (clash)
      throw new AppError('CONFLICT', {
        message: 'another partner has this name or credit code',
        field: clash.name === body.name ? 'name' : 'creditCode',
        reason: 'DUPLICATE_PARTNER',
      });
  };
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const rows = await db.partner.findMany({ orderBy: { name: 'asc' } });
      c.header('Content-Range', contentRange('partners', [0, rows.length], rows.length, rows.length));
      return c.json(rows.map(toDto));
    })
    .get('/:id', validate('param', ZIdParam), async (c) => {
      const row = await db.partner.findUnique({ where: { id: c.req.valid('param').id } });
      if (!row) throw notFound('partner');
      return c.json(toDto(row));
    })
    .post('/', validate('json', ZPartner), async (c) => {
      const body = c.req.valid('json');
      await unique(body);
      return c.json(toDto(await db.partner.create({ data: body })), 201);
    })
    .put('/:id', validate('param', ZIdParam), validate('json', ZPartner.partial()), async (c) => {
      const id = c.req.valid('param').id;
      if (!(await db.partner.findUnique({ where: { id }, select: { id: true } }))) throw notFound('partner');
      const body = c.req.valid('json');
      await unique(body, id);
      return c.json(toDto(await db.partner.update({ where: { id }, data: body })));
    });
}
