import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { maskName, type Db, type Prisma } from '@guanai/db';
import type { Need } from '@guanai/workflows';
import { DELIVERY_KINDS, MATCH_STATUSES } from '@guanai/workflows/vocabulary';
import { visibleCases, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { storeAttachment } from '../../files/attachments.ts';
import { keyedId } from '../../request/idempotency.ts';
import { contentRange, listQuerySchema, validate } from '../../validation.ts';
import { resourceInclude } from '../resources/resources.ts';
import { ZYuan } from '../resources/resources.types.ts';
import { rankResources, type Eligibility, type NeedToMatch, type RankedResource, type Subject } from './rank.ts';
import { holdCaseRow } from '../cases/hold-case-row.ts';

const ZIdParam = z.object({ id: z.uuid('must be an id (uuid)') });
const ZPropose = z
  .object({
    needIndex: z.number().int().min(0),
    resourceId: z.uuid('must be a resource id'),
    /** Places to hold, for resources with a capacity (default 1). */
    places: z.number().int().min(1).max(100).optional(),
    /** Yuan to hold, for resources with a budget. */
    amount: ZYuan.positive('must be more than zero').optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
const ZDecline = z.object({ reason: z.string().trim().min(2, 'say why').max(500) }).strict();
const ZDelivery = z
  .object({
    kind: z.enum(DELIVERY_KINDS),
    description: z.string().trim().min(1, 'is required').max(500),
    amount: ZYuan.positive().optional(),
    quantity: z.number().positive().max(1e8).optional(),
    hours: z.number().positive().max(10_000).multipleOf(0.25, 'in quarter hours').optional(),
    deliveredOn: z.iso.date('must be a date YYYY-MM-DD'),
    evidence: z.array(z.uuid()).max(20).default([]),
  })
  .strict()
  .refine((d) => d.kind !== 'MONEY' || d.amount !== undefined, {
    path: ['amount'],
    message: 'money given needs its amount',
  })
  .refine((d) => d.kind !== 'SERVICE' || d.hours !== undefined, {
    path: ['hours'],
    message: 'a service needs its hours',
  })
  // Today in Beijing (a delivery at 07:00 on the 1st is not in the future).
  .refine((d) => d.deliveredOn <= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), {
    path: ['deliveredOn'],
    message: 'must not be in the future',
  });
const ZMatchList = listQuerySchema(
  z
    .object({ status: z.enum(MATCH_STATUSES).optional(), caseId: z.uuid().optional(), resourceId: z.uuid().optional() })
    .strict(),
  ['createdAt'] as const,
  ['createdAt', 'DESC'],
);

const NOBODY = '00000000-0000-0000-0000-000000000000';
const today = () => new Date().toISOString().slice(0, 10);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The current assessment's needs of a case (re-assessment replaces them). */
export const needsOf = (data: unknown): Need[] =>
  (data as { assessments?: { needs: Need[] }[] }).assessments?.at(-1)?.needs ?? [];

function toRanked(row: Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>): RankedResource {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    providerName: row.provider.name,
    status: row.status,
    categories: row.categories,
    eligibility: row.eligibility as Eligibility,
    capacity: row.capacity,
    reservedPlaces: row.reservedPlaces,
    budget: row.budget === null ? null : Number(row.budget),
    reservedAmount: Number(row.reservedAmount),
    validFrom: row.validFrom ? day(row.validFrom) : null,
    validTo: row.validTo ? day(row.validTo) : null,
    coverage: {
      id: row.coverageUnitId,
      name: row.coverageUnit.name,
      level: row.coverageUnit.level,
      path: row.coverageUnit.path,
    },
  };
}

const caseForMatching = {
  owningUnit: { select: { path: true, level: true } },
  originUnit: { select: { path: true, name: true, parent: { select: { id: true, name: true } } } },
  person: {
    include: { household: { include: { _count: { select: { members: { where: { mergedIntoId: null } } } } } } },
  },
} satisfies Prisma.CaseInclude;

type CaseForMatching = Prisma.CaseGetPayload<{ include: typeof caseForMatching }>;

/** What eligibility is judged on: hukou, age today, household income per head, tags. */
function subjectOf(row: CaseForMatching): Subject {
  const { person } = row;
  const now = new Date();
  let age: number | null = null;
  if (person.birthDate) {
    const b = person.birthDate;
    age =
      now.getUTCFullYear() -
      b.getUTCFullYear() -
      (now.getUTCMonth() < b.getUTCMonth() ||
      (now.getUTCMonth() === b.getUTCMonth() && now.getUTCDate() < b.getUTCDate())
        ? 1
        : 0);
  }
  const household = person.household;
  const incomePerHead =
    household?.monthlyIncome != null
      ? Math.round((Number(household.monthlyIncome) / Math.max(1, household._count.members)) * 100) / 100
      : null;
  return {
    hukou: person.hukou,
    age,
    incomePerHead,
    tags: person.tags,
    communityPath: row.originUnit.path,
    owningPath: row.owningUnit.path,
  };
}

/** The resources worth judging for these needs: those answering a category, and those serving the community. */
async function candidateResources(db: Db, needs: NeedToMatch[], communityPath: string) {
  const ancestorCodes = communityPath.split('/').filter(Boolean);
  const rows = await db.resource.findMany({
    where: {
      status: { in: ['PUBLISHED', 'PAUSED'] },
      OR: [
        { categories: { hasSome: needs.map((n) => n.category) } },
        { coverageUnit: { code: { in: ancestorCodes } } },
      ],
    },
    include: resourceInclude,
    take: 500,
  });
  return rows.map(toRanked);
}

const matchInclude = {
  resource: { select: { id: true, name: true, kind: true, providerId: true, provider: { select: { name: true } } } },
  deliveries: { orderBy: { deliveredOn: 'asc' } },
  case: {
    select: {
      id: true,
      caseNo: true,
      state: true,
      status: true,
      data: true,
      originUnit: { select: { name: true, parent: { select: { name: true } } } },
      person: { select: { name: true, phone: true, address: true } },
    },
  },
} satisfies Prisma.MatchInclude;

type MatchRow = Prisma.MatchGetPayload<{ include: typeof matchInclude }>;

/**
 * A match as the caller may see it. Staff see the case; a partner sees only what delivery needs:
 * the need, the township and community, and once it has accepted, the person's name, phone and
 * address. Never an identity number, the situation, notes or other needs.
 */
function toMatchDto(row: MatchRow, user: SessionUser) {
  const need = needsOf(row.case.data)[row.needIndex];
  const partner = user.role === 'PARTNER';
  const reveal = !partner || row.status === 'ACCEPTED';
  return {
    id: row.id,
    status: row.status,
    needIndex: row.needIndex,
    category: row.category,
    severity: need?.severity ?? null,
    needDescription: need?.description ?? null,
    resourceId: row.resource.id,
    resourceName: row.resource.name,
    resourceKind: row.resource.kind,
    providerName: row.resource.provider.name,
    places: row.places,
    amount: Number(row.amount),
    note: row.note,
    declineReason: row.declineReason,
    caseNo: row.case.caseNo,
    ...(partner ? {} : { caseId: row.case.id, caseState: row.case.state }),
    communityName: row.case.originUnit.name,
    townshipName: row.case.originUnit.parent?.name ?? null,
    person: reveal
      ? { name: row.case.person.name, phone: row.case.person.phone, address: row.case.person.address }
      : { name: maskName(row.case.person.name), phone: null, address: null },
    deliveries: row.deliveries.map((d) => ({
      id: d.id,
      kind: d.kind,
      description: d.description,
      amount: d.amount === null ? null : Number(d.amount),
      quantity: d.quantity === null ? null : Number(d.quantity),
      hours: d.hours === null ? null : Number(d.hours),
      deliveredOn: day(d.deliveredOn),
      evidence: d.evidence,
    })),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'P2002' || /unique constraint/i.test(String((error as Error)?.message));

/** Ends a live match and gives back what it held, once: the status change is conditional. */
async function endMatch(
  db: Db,
  id: string,
  from: ('PROPOSED' | 'ACCEPTED')[],
  data: Prisma.MatchUpdateManyMutationInput,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const match = await tx.match.findUniqueOrThrow({ where: { id } });
    const ended = await tx.match.updateMany({
      where: { id, status: { in: from } },
      data: { ...data, liveKey: null, decidedAt: new Date() },
    });
    if (ended.count === 0) return false;
    await tx.$executeRaw`UPDATE resource SET reserved_places = reserved_places - ${match.places}, reserved_amount = reserved_amount - ${match.amount}::numeric WHERE id = ${match.resourceId}::uuid`;
    return true;
  });
}

/** Routes under /api/cases/:id: the ranked candidates of each need, and proposing a match. */
export function caseMatchingRoutes(deps: AppDeps) {
  const { db } = deps;

  /** A case the caller's center owns (matching is the owning center's work). */
  async function ownedCase(user: SessionUser, id: string) {
    const row = await db.case.findFirst({ where: { id, ...visibleCases(user) }, include: caseForMatching });
    if (!row) throw notFound(`case ${id}`);
    if (!within(user, row.owningUnit.path))
      throw new AppError('FORBIDDEN', { message: 'matching is done by the center that owns the case' });
    return row;
  }

  return (
    new Hono<AppEnv>()
      /** Caseworkers and supervisors of the owning center: each need with its ranked candidates and the excluded, with reasons. */
      .get('/:id/matching', validate('param', ZIdParam), async (c) => {
        const row = await ownedCase(c.get('user'), c.req.valid('param').id);
        const needs = needsOf(row.data).map((n, index) => ({ index, ...n }));
        const subject = subjectOf(row);
        const resources = needs.length ? await candidateResources(db, needs, subject.communityPath) : [];
        const matches = await db.match.findMany({
          where: { caseId: row.id },
          include: matchInclude,
          orderBy: { createdAt: 'asc' },
        });
        return c.json({
          caseId: row.id,
          state: row.state,
          subject: { age: subject.age, hukou: subject.hukou, incomePerHead: subject.incomePerHead, tags: subject.tags },
          needs: rankResources(needs, resources, subject, today()).map((m) => ({
            ...m,
            // Escalation is offered where the machine takes it: in matching (in delivery a need is only matched).
            escalationOffered: m.escalationOffered && row.state === 'matching',
            candidates: m.candidates.map(({ resource, ...rest }) => ({
              ...rest,
              resource: {
                id: resource.id,
                name: resource.name,
                kind: resource.kind,
                providerName: resource.providerName,
                coverageName: resource.coverage.name,
              },
            })),
            excluded: m.excluded.map(({ resource, reasons }) => ({
              resource: {
                id: resource.id,
                name: resource.name,
                kind: resource.kind,
                providerName: resource.providerName,
                coverageName: resource.coverage.name,
              },
              reasons,
            })),
            matches: matches.filter((x) => x.needIndex === m.need.index).map((x) => toMatchDto(x, c.get('user'))),
          })),
        });
      })
      /**
       * Caseworkers and supervisors of the owning center, while the case is in matching or delivery (a
       * joint meeting may send it straight to delivery, whose task closes only from the ledger): proposes
       * a ranked candidate for a need, holding its places and amount at once. The hold is one
       * conditional update, so two caseworkers racing for the last place cannot both get it; the loser
       * gets 409. A retried request (same Idempotency-Key) holds nothing twice.
       */
      .post('/:id/matches', validate('param', ZIdParam), validate('json', ZPropose), async (c) => {
        const user = c.get('user');
        const row = await ownedCase(user, c.req.valid('param').id);
        const body = c.req.valid('json');
        const id = keyedId(c, 'match') ?? randomUUID();
        const retried = await db.match.findUnique({ where: { id }, include: matchInclude });
        if (retried) return c.json(toMatchDto(retried, user), 201);
        if (row.state !== 'matching' && row.state !== 'delivery') {
          throw new AppError('CONFLICT', {
            message: `matches are proposed while the case is in matching or delivery (it is in ${row.state})`,
            reason: 'NOT_ALLOWED_IN_STATE',
          });
        }
        const need = needsOf(row.data)[body.needIndex];
        if (!need) throw new AppError('VALIDATION', { message: 'the case has no such need', field: 'needIndex' });
        const resource = await db.resource.findUnique({ where: { id: body.resourceId }, include: resourceInclude });
        if (!resource) throw new AppError('VALIDATION', { message: 'no such resource', field: 'resourceId' });
        const [judged] = rankResources(
          [{ index: body.needIndex, ...need }],
          [toRanked(resource)],
          subjectOf(row),
          today(),
        );
        const refused = judged!.excluded[0]?.reasons;
        if (refused)
          throw new AppError('VALIDATION', {
            message: `not a candidate for this need: ${refused.map((r) => r.text).join('; ')}`,
            field: 'resourceId',
            reason: 'NOT_ELIGIBLE',
            extra: { reasons: refused },
          });
        const places = resource.capacity === null ? 0 : (body.places ?? 1);
        if (resource.budget !== null && body.amount === undefined)
          throw new AppError('VALIDATION', {
            message: 'this resource gives money: say how much to hold',
            field: 'amount',
          });
        const amount = resource.budget === null ? 0 : body.amount!;
        const match = await db
          .$transaction(async (tx) => {
            // The case row held first (as deliveries do): a closure projected meanwhile waits for this
            // commit, and its effect then gives the hold back; one projected before is seen here.
            const current = await holdCaseRow(tx, row.id);
            if (current?.status !== 'OPEN' || (current.state !== 'matching' && current.state !== 'delivery')) {
              throw new AppError('CONFLICT', {
                message: `matches are proposed while the case is in matching or delivery (it is ${current?.status === 'CLOSED' ? 'closed' : `in ${current?.state}`})`,
                reason: 'NOT_ALLOWED_IN_STATE',
              });
            }
            const held = await tx.$executeRaw`
            UPDATE resource SET reserved_places = reserved_places + ${places}, reserved_amount = reserved_amount + ${amount}::numeric
            WHERE id = ${resource.id}::uuid AND status = 'PUBLISHED'
              AND (capacity IS NULL OR reserved_places + ${places} <= capacity)
              AND (budget IS NULL OR reserved_amount + ${amount}::numeric <= budget)`;
            if (held === 0) {
              throw new AppError('CONFLICT', {
                message: `${resource.name} has no ${resource.budget === null ? 'places' : 'money'} left for this request; it was just taken`,
                reason: 'CAPACITY_EXHAUSTED',
              });
            }
            return tx.match.create({
              data: {
                id,
                caseId: row.id,
                needIndex: body.needIndex,
                category: need.category,
                resourceId: resource.id,
                places,
                amount,
                status: 'PROPOSED',
                liveKey: `${row.id}:${body.needIndex}:${resource.id}`,
                note: body.note ?? null,
                proposedById: user.id,
              },
              include: matchInclude,
            });
          })
          .catch((error: unknown) => {
            if (isUniqueViolation(error))
              throw new AppError('CONFLICT', {
                message: 'this resource is already matched to this need',
                field: 'resourceId',
                reason: 'ALREADY_MATCHED',
              });
            throw error;
          });
        return c.json(toMatchDto(match, user), 201);
      })
  );
}

/** Routes under /api/matches: the partner portal's inbox, decisions, and the delivery ledger. */
export function matchRoutes(deps: AppDeps) {
  const { db } = deps;

  /** Partners: matches of their own resources. Staff: matches of cases they can see. */
  const visibleMatches = (user: SessionUser): Prisma.MatchWhereInput =>
    user.role === 'PARTNER' ? { resource: { providerId: user.partnerId ?? NOBODY } } : { case: visibleCases(user) };

  async function findVisible(user: SessionUser, id: string) {
    const row = await db.match.findFirst({ where: { id, ...visibleMatches(user) }, include: matchInclude });
    if (!row) throw notFound('match');
    return row;
  }

  /** Staff who act on a match must be at the owning center, or above it. */
  async function assertOwningCenter(user: SessionUser, caseId: string) {
    const owning = await db.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { owningUnit: { select: { path: true } } },
    });
    if (!within(user, owning.owningUnit.path))
      throw new AppError('FORBIDDEN', { message: 'only the center that owns the case acts on its matches' });
  }

  return (
    new Hono<AppEnv>()
      .get('/', validate('query', ZMatchList), async (c) => {
        const user = c.get('user');
        const { filter = {}, range } = c.req.valid('query');
        const where: Prisma.MatchWhereInput = { AND: [visibleMatches(user), filter] };
        const [rows, total] = await Promise.all([
          db.match.findMany({
            where,
            include: matchInclude,
            orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.match.count({ where }),
        ]);
        c.header('Content-Range', contentRange('matches', range, rows.length, total));
        return c.json(rows.map((row) => toMatchDto(row, user)));
      })
      .get('/:id', validate('param', ZIdParam), async (c) =>
        c.json(toMatchDto(await findVisible(c.get('user'), c.req.valid('param').id), c.get('user'))),
      )
      /** The resource's partner: accepts a proposal; its hold becomes a commitment. Accepting twice is harmless. */
      .post('/:id/accept', validate('param', ZIdParam), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        const accepted = await db.match.updateMany({
          where: { id: row.id, status: 'PROPOSED' },
          data: { status: 'ACCEPTED', decidedById: user.id, decidedAt: new Date() },
        });
        if (accepted.count === 0 && row.status !== 'ACCEPTED')
          throw new AppError('CONFLICT', {
            message: `the match is ${row.status.toLowerCase()}`,
            reason: 'NOT_PROPOSED',
          });
        return c.json(toMatchDto(await findVisible(user, row.id), user));
      })
      /** The resource's partner: declines a proposal with a reason; its places and money go back. */
      .post('/:id/decline', validate('param', ZIdParam), validate('json', ZDecline), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        if (
          !(await endMatch(db, row.id, ['PROPOSED'], {
            status: 'DECLINED',
            decidedById: user.id,
            declineReason: c.req.valid('json').reason,
          }))
        ) {
          throw new AppError('CONFLICT', {
            message: `the match is ${row.status.toLowerCase()}`,
            reason: 'NOT_PROPOSED',
          });
        }
        return c.json(toMatchDto(await findVisible(user, row.id), user));
      })
      /** Caseworkers and supervisors of the owning center: withdraws a match nothing was delivered on. */
      .post('/:id/cancel', validate('param', ZIdParam), validate('json', ZDecline), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        await assertOwningCenter(user, row.caseId);
        if (row.deliveries.length > 0)
          throw new AppError('CONFLICT', {
            message: 'something was delivered on this match; it cannot be withdrawn',
            reason: 'DELIVERED',
          });
        if (
          !(await endMatch(db, row.id, ['PROPOSED', 'ACCEPTED'], {
            status: 'CANCELLED',
            decidedById: user.id,
            declineReason: c.req.valid('json').reason,
          }))
        ) {
          throw new AppError('CONFLICT', { message: `the match is ${row.status.toLowerCase()}`, reason: 'NOT_LIVE' });
        }
        return c.json(toMatchDto(await findVisible(user, row.id), user));
      })
      /** The partner or the case's workers: a photo or receipt as delivery evidence (an attachment of the case). */
      .post('/:id/evidence', validate('param', ZIdParam), async (c) => {
        const row = await findVisible(c.get('user'), c.req.valid('param').id);
        if (row.status !== 'ACCEPTED')
          throw new AppError('CONFLICT', { message: 'evidence is for accepted matches', reason: 'NOT_ACCEPTED' });
        return c.json(await storeAttachment(deps, c, row.caseId), 201);
      })
      /**
       * The partner or the case's workers: records what was given (the delivery ledger). Money given
       * never exceeds the amount matched; nothing more is given on a closed case. A retried request
       * (same Idempotency-Key) records it once.
       */
      .post('/:id/deliveries', validate('param', ZIdParam), validate('json', ZDelivery), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        const id = keyedId(c, 'delivery') ?? randomUUID();
        if (row.deliveries.some((d) => d.id === id)) return c.json(toMatchDto(row, user), 201);
        const caseClosed = () =>
          new AppError('CONFLICT', {
            message: `case ${row.case.caseNo} is closed: nothing more is delivered on its matches (reopen the case first)`,
            reason: 'CASE_CLOSED',
          });
        if (row.case.status === 'CLOSED') throw caseClosed();
        if (row.status !== 'ACCEPTED')
          throw new AppError('CONFLICT', {
            message: 'deliveries are recorded on accepted matches',
            reason: 'NOT_ACCEPTED',
          });
        const body = c.req.valid('json');
        const found = await db.attachment.count({ where: { caseId: row.caseId, id: { in: body.evidence } } });
        if (found !== new Set(body.evidence).size)
          throw new AppError('VALIDATION', {
            message: 'an evidence file does not belong to this case',
            field: 'evidence',
          });
        await db.$transaction(async (tx) => {
          // The case first (as its writers lock it), held so that it cannot close while the delivery is recorded.
          const current = await holdCaseRow(tx, row.caseId);
          if (current?.status === 'CLOSED') throw caseClosed();
          await tx.$executeRaw`SELECT id FROM match WHERE id = ${row.id}::uuid FOR UPDATE`;
          if (body.kind === 'MONEY' && Number(row.amount) > 0) {
            const given = await tx.delivery.aggregate({
              where: { matchId: row.id, kind: 'MONEY' },
              _sum: { amount: true },
            });
            const total = Number(given._sum.amount ?? 0) + body.amount!;
            if (total > Number(row.amount) + 1e-9)
              throw new AppError('CONFLICT', {
                message: `¥${total} would exceed the ¥${Number(row.amount)} matched`,
                field: 'amount',
                reason: 'OVER_DELIVERY',
              });
          }
          await tx.delivery.create({
            data: {
              id,
              matchId: row.id,
              kind: body.kind,
              description: body.description,
              amount: body.amount ?? null,
              quantity: body.quantity ?? null,
              hours: body.hours ?? null,
              deliveredOn: new Date(`${body.deliveredOn}T00:00:00Z`),
              deliveredById: user.id,
              evidence: body.evidence,
            },
          });
        });
        return c.json(toMatchDto(await findVisible(user, row.id), user), 201);
      })
  );
}
