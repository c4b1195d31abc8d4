import { Hono } from 'hono';
import { z } from 'zod';
import { decryptIdNumber, type Prisma } from '@guanai/db';
import { NEED_CATEGORIES, PROJECT_STATUSES } from '@guanai/workflows/vocabulary';
import { visibleCases, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { contentRange, listQuerySchema, validate } from '../../validation.ts';
import { needsOf } from '../matching/matching.ts';
import { resourceInclude } from '../resources/resources.ts';
import { ZYuan } from '../resources/resources.types.ts';
import { holdCaseRow } from '../cases/hold-case-row.ts';

const ZIdParam = z.object({ id: z.uuid('must be an id (uuid)') });
const ZPublish = z
  .object({
    caseId: z.uuid('must be a case id'),
    needIndex: z.number().int().min(0),
    title: z.string().trim().min(4, 'at least 4 characters').max(60),
    description: z.string().trim().min(10, 'at least 10 characters').max(1000),
    amount: ZYuan.positive().optional(),
    service: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((p) => p.amount !== undefined || p.service, {
    path: ['amount'],
    message: 'say the amount or the service needed',
  });
const ZRespond = z
  .object({
    message: z.string().trim().min(4, 'at least 4 characters').max(1000),
    amount: ZYuan.positive().optional(),
    resourceId: z.uuid('must be a resource id').optional(),
  })
  .strict();
const ZProjectList = listQuerySchema(
  z
    .object({
      category: z.enum(NEED_CATEGORIES).optional(),
      status: z.enum(PROJECT_STATUSES).optional(),
      townshipId: z.uuid().optional(),
      caseId: z.uuid().optional(),
    })
    .strict(),
  ['publishedAt', 'amount'] as const,
  ['publishedAt', 'DESC'],
);

const projectInclude = {
  township: { select: { name: true, parent: { select: { name: true } } } },
  _count: { select: { responses: true } },
} satisfies Prisma.ProjectInclude;
type ProjectRow = Prisma.ProjectGetPayload<{ include: typeof projectInclude }>;

/** A published project carries no person: category, township, amount or service, and the words the center chose. */
function toProjectDto(row: ProjectRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    townshipId: row.townshipId,
    townshipName: row.township.name,
    districtName: row.township.parent?.name ?? null,
    amount: row.amount === null ? null : Number(row.amount),
    service: row.service,
    status: row.status,
    responses: row._count.responses,
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** Words that would name the person: their name, phone, identity number or address. */
function identifying(
  text: string,
  person: { name: string; phone: string | null; address: string | null; idNumber: string | null },
): string | null {
  const compact = text.replace(/\s/g, '');
  if (person.name.length >= 2 && compact.includes(person.name)) return 'the name';
  if (person.phone && compact.includes(person.phone)) return 'the phone number';
  if (person.idNumber && compact.toUpperCase().includes(person.idNumber)) return 'the identity number';
  if (person.address && person.address.length >= 6 && compact.includes(person.address.replace(/\s/g, '')))
    return 'the address';
  if (/\d{17}[\dX]|1\d{10}/i.test(compact)) return 'an identity or phone number';
  return null;
}

/** Routes under /api/projects: the project publishing platform (援助项目发布平台, §四(六)). */
export function projectRoutes(deps: AppDeps) {
  const { db } = deps;

  /** Staff see the projects of cases they can see; partners see every published project. */
  const visibleProjects = (user: SessionUser): Prisma.ProjectWhereInput =>
    user.role === 'PARTNER' ? { status: 'PUBLISHED' } : { case: visibleCases(user) };

  async function findVisible(user: SessionUser, id: string) {
    const row = await db.project.findFirst({ where: { id, ...visibleProjects(user) }, include: projectInclude });
    if (!row) throw notFound('project');
    return row;
  }

  return (
    new Hono<AppEnv>()
      .get('/', validate('query', ZProjectList), async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.ProjectWhereInput = { AND: [visibleProjects(c.get('user')), filter] };
        const [rows, total] = await Promise.all([
          db.project.findMany({
            where,
            include: projectInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.project.count({ where }),
        ]);
        c.header('Content-Range', contentRange('projects', range, rows.length, total));
        const staff = c.get('user').role !== 'PARTNER';
        return c.json(
          rows.map((row) => ({
            ...toProjectDto(row),
            ...(staff ? { caseId: row.caseId, needIndex: row.needIndex } : {}),
          })),
        );
      })
      /** The project, with the partners' responses: all of them for staff, its own for a partner. */
      .get('/:id', validate('param', ZIdParam), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        const responses = await db.projectResponse.findMany({
          where: { projectId: row.id, ...(user.role === 'PARTNER' ? { partnerId: user.partnerId ?? '' } : {}) },
          include: { partner: { select: { name: true } } },
          orderBy: { createdAt: 'asc' },
        });
        return c.json({
          ...toProjectDto(row),
          ...(user.role === 'PARTNER' ? {} : { caseId: row.caseId, needIndex: row.needIndex }),
          responseList: responses.map((r) => ({
            id: r.id,
            partnerName: r.partner.name,
            message: r.message,
            amount: r.amount === null ? null : Number(r.amount),
            resourceId: r.resourceId,
            createdAt: r.createdAt.toISOString(),
          })),
        });
      })
      /**
       * Caseworkers and supervisors of the owning center: publishes one need of a case, anonymised.
       * Text that names the person (name, phone, identity number, address) is refused.
       */
      .post('/', validate('json', ZPublish), async (c) => {
        const user = c.get('user');
        const body = c.req.valid('json');
        const row = await db.case.findFirst({
          where: { id: body.caseId, ...visibleCases(user) },
          include: {
            owningUnit: { select: { path: true } },
            originUnit: { select: { parentId: true } },
            person: { select: { name: true, phone: true, address: true, idNumberEnc: true } },
          },
        });
        if (!row) throw new AppError('VALIDATION', { message: 'no such case in your jurisdiction', field: 'caseId' });
        if (!within(user, row.owningUnit.path))
          throw new AppError('FORBIDDEN', { message: 'the center that owns the case publishes its needs' });
        if (row.status === 'CLOSED')
          throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'NOT_ALLOWED_IN_STATE' });
        const need = needsOf(row.data)[body.needIndex];
        if (!need) throw new AppError('VALIDATION', { message: 'the case has no such need', field: 'needIndex' });
        const person = {
          ...row.person,
          idNumber: row.person.idNumberEnc ? decryptIdNumber(row.person.idNumberEnc, deps.keys) : null,
        };
        for (const field of ['title', 'description', 'service'] as const) {
          const what = body[field] ? identifying(body[field], person) : null;
          if (what)
            throw new AppError('VALIDATION', { message: `must not identify the person (it contains ${what})`, field });
        }
        if (
          await db.project.findUnique({
            where: { caseId_needIndex: { caseId: row.id, needIndex: body.needIndex } },
            select: { id: true },
          })
        ) {
          throw new AppError('CONFLICT', {
            message: 'this need is already published',
            field: 'needIndex',
            reason: 'ALREADY_PUBLISHED',
          });
        }
        // The case row held while the project is written: a closure projected meanwhile waits for this
        // commit, and its effect (the workflow's) then withdraws the project; one projected before is seen here.
        const project = await db.$transaction(async (tx) => {
          const current = await holdCaseRow(tx, row.id);
          if (current?.status === 'CLOSED')
            throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'NOT_ALLOWED_IN_STATE' });
          return tx.project.create({
            data: {
              caseId: row.id,
              needIndex: body.needIndex,
              category: need.category,
              townshipId: row.originUnit.parentId!,
              title: body.title,
              description: body.description,
              amount: body.amount ?? null,
              service: body.service ?? null,
              publishedById: user.id,
            },
            include: projectInclude,
          });
        });
        return c.json(toProjectDto(project), 201);
      })
      /** Caseworkers and supervisors of the owning center: takes a project off the platform (funded or withdrawn). */
      .post(
        '/:id/close',
        validate('param', ZIdParam),
        validate('json', z.object({ status: z.enum(PROJECT_STATUSES).exclude(['PUBLISHED']) }).strict()),
        async (c) => {
          const user = c.get('user');
          const row = await findVisible(user, c.req.valid('param').id);
          const owning = await db.case.findUniqueOrThrow({
            where: { id: (await db.project.findUniqueOrThrow({ where: { id: row.id } })).caseId },
            select: { owningUnit: { select: { path: true } } },
          });
          if (!within(user, owning.owningUnit.path))
            throw new AppError('FORBIDDEN', { message: 'the center that owns the case closes its projects' });
          const closed = await db.project.updateMany({
            where: { id: row.id, status: 'PUBLISHED' },
            data: { status: c.req.valid('json').status },
          });
          if (closed.count === 0)
            throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
          return c.json(toProjectDto(await findVisible(user, row.id)));
        },
      )
      /** Partners: answers a published project, once, optionally naming one of their resources. */
      .post('/:id/responses', validate('param', ZIdParam), validate('json', ZRespond), async (c) => {
        const user = c.get('user');
        const row = await findVisible(user, c.req.valid('param').id);
        if (!user.partnerId)
          throw new AppError('FORBIDDEN', { message: 'your account is not linked to a partner organisation' });
        const body = c.req.valid('json');
        if (
          body.resourceId &&
          !(await db.resource.findFirst({
            where: { id: body.resourceId, providerId: user.partnerId },
            select: { id: true },
          }))
        ) {
          throw new AppError('VALIDATION', {
            message: 'is not one of your organisation’s resources',
            field: 'resourceId',
          });
        }
        const created = await db.projectResponse
          .create({
            data: {
              projectId: row.id,
              partnerId: user.partnerId,
              message: body.message,
              amount: body.amount ?? null,
              resourceId: body.resourceId ?? null,
              createdById: user.id,
            },
          })
          .catch((error: unknown) => {
            if ((error as { code?: string })?.code === 'P2002' || /unique/i.test(String(error)))
              throw new AppError('CONFLICT', {
                message: 'your organisation has already responded',
                reason: 'ALREADY_RESPONDED',
              });
            throw error;
          });
        return c.json({ id: created.id }, 201);
      })
  );
}

/** Public, without a session: the published projects for donors, and the published offers. */
export function publicRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get('/projects', validate('query', ZProjectList), async (c) => {
      const { filter = {}, sort, range } = c.req.valid('query');
      const where: Prisma.ProjectWhereInput = {
        status: 'PUBLISHED',
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.townshipId ? { townshipId: filter.townshipId } : {}),
      };
      const [rows, total] = await Promise.all([
        db.project.findMany({
          where,
          include: projectInclude,
          orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
          skip: range[0],
          take: range[1] - range[0] + 1,
        }),
        db.project.count({ where }),
      ]);
      c.header('Content-Range', contentRange('projects', range, rows.length, total));
      return c.json(rows.map(toProjectDto));
    })
    .get('/offers', async (c) => {
      const rows = await db.resource.findMany({
        where: { status: 'PUBLISHED' },
        include: resourceInclude,
        orderBy: { createdAt: 'desc' },
        take: 200,
      });
      // §四(七): a campaign's money raised is its donations, the figure the disclosure publishes (not the editable budget).
      const campaigns = rows.filter((r) => r.kind === 'FUNDRAISING').map((r) => r.id);
      const donated = campaigns.length
        ? await db.donation.groupBy({
            by: ['resourceId'],
            where: { resourceId: { in: campaigns } },
            _sum: { amount: true },
          })
        : [];
      const raised = new Map(donated.map((d) => [d.resourceId, Number(d._sum.amount ?? 0)]));
      return c.json(
        rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          name: r.name,
          description: r.description,
          providerName: r.provider.name,
          coverageName: r.coverageUnit.name,
          categories: r.categories,
          remainingPlaces: r.capacity === null ? null : r.capacity - r.reservedPlaces,
          campaign:
            r.kind === 'FUNDRAISING'
              ? {
                  type: r.campaignType,
                  target: Number(r.target ?? 0),
                  raised: raised.get(r.id) ?? 0,
                  deadline: r.deadline?.toISOString().slice(0, 10) ?? null,
                }
              : null,
        })),
      );
    });
}
