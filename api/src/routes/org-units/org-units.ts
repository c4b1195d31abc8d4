import { Hono } from 'hono';
import { z } from 'zod';
import { childPath, type Prisma } from '@guanai/db';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { contentRange, listQuerySchema, validate } from '../../validation.ts';
import { checkRoster, importRoster, parseRoster } from './roster-import.ts';

const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const ZUnitList = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      level: z.enum(ORG_LEVELS).optional(),
      parentId: z.uuid().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['code', 'name', 'level'] as const,
  ['code', 'ASC'],
);
const ZUnitParams = z.object({ id: z.uuid('must be an org unit id (uuid)') });
const ZCreateUnit = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{12}$/, 'must be a 12-digit division code'),
    name: z.string().trim().min(1, 'is required').max(100),
    level: z.enum(ORG_LEVELS).exclude(['CITY']),
    parentId: z.uuid('must be an org unit id'),
  })
  .strict();
// Code, level and parent are fixed: cases, people and paths refer to them.
const ZUpdateUnit = z.object({ name: z.string().trim().min(1, 'is required').max(100) }).strict();

const unitInclude = {
  parent: { select: { name: true } },
  _count: { select: { children: true, users: true } },
} satisfies Prisma.OrgUnitInclude;

function toUnitDto(row: Prisma.OrgUnitGetPayload<{ include: typeof unitInclude }>) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parentId,
    parentName: row.parent?.name ?? null,
    path: row.path,
    children: row._count.children,
    users: row._count.users,
    createdAt: row.createdAt.toISOString(),
  };
}

export function orgUnitRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    new Hono<AppEnv>()
      /** Anyone signed in: the network's units (administrative divisions are public), to pick from. */
      .get('/', validate('query', ZUnitList), async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.OrgUnitWhereInput = {
          ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { code: { startsWith: filter.q } }] } : {}),
          ...(filter.level ? { level: filter.level } : {}),
          ...(filter.parentId ? { parentId: filter.parentId } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.orgUnit.findMany({
            where,
            include: unitInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.orgUnit.count({ where }),
        ]);
        c.header('Content-Range', contentRange('org-units', range, rows.length, total));
        return c.json(rows.map(toUnitDto));
      })
      .get('/:id', validate('param', ZUnitParams), async (c) => {
        const row = await db.orgUnit.findUnique({ where: { id: c.req.valid('param').id }, include: unitInclude });
        if (!row) throw notFound('org unit');
        return c.json(toUnitDto(row));
      })
      /** Admins: a new unit one level below its parent. */
      .post('/', validate('json', ZCreateUnit), async (c) => {
        const body = c.req.valid('json');
        const parent = await db.orgUnit.findUnique({ where: { id: body.parentId } });
        if (!parent) throw new AppError('VALIDATION', { message: 'no such org unit', field: 'parentId' });
        const below = ORG_LEVELS[ORG_LEVELS.indexOf(parent.level) + 1];
        if (body.level !== below)
          throw new AppError('VALIDATION', {
            message: `a unit under ${parent.name} (${parent.level}) must be a ${below ?? 'nothing: communities have no units below them'}`,
            field: 'level',
          });
        if (await db.orgUnit.findUnique({ where: { code: body.code }, select: { id: true } }))
          throw new AppError('CONFLICT', {
            message: `code ${body.code} is taken`,
            field: 'code',
            reason: 'DUPLICATE_CODE',
          });
        const row = await db.orgUnit.create({
          data: { ...body, path: childPath(parent.path, body.code) },
          include: unitInclude,
        });
        return c.json(toUnitDto(row), 201);
      })
      /** Admins: renames a unit. */
      .put('/:id', validate('param', ZUnitParams), validate('json', ZUpdateUnit), async (c) => {
        const id = c.req.valid('param').id;
        if (!(await db.orgUnit.findUnique({ where: { id }, select: { id: true } }))) throw notFound('org unit');
        return c.json(
          toUnitDto(await db.orgUnit.update({ where: { id }, data: c.req.valid('json'), include: unitInclude })),
        );
      })
      /**
       * Admin: imports villages/communities (or townships) from a CSV roster (code,name,level,parent_code).
       * With dryRun=true (the default) it only reports; it imports nothing until every row is clean.
       */
      .post(
        '/import',
        validate('query', z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict()),
        async (c) => {
          const text = await c.req.text();
          if (!text.trim() || text.length > MAX_ROSTER_BYTES)
            throw new AppError('VALIDATION', {
              message: `a CSV roster of at most ${MAX_ROSTER_BYTES / 1024 / 1024} MB is required`,
              field: '(body)',
            });
          const { rows, problems: parseProblems } = parseRoster(text);
          const problems = [...parseProblems, ...(await checkRoster(deps.db, rows))].sort((a, b) => a.line - b.line);
          if (problems.length > 0) {
            throw new AppError('VALIDATION', {
              message: `${problems.length} problem(s) in the roster; nothing was imported`,
              errors: problems.map((p) => ({ field: `line ${p.line}: ${p.field}`, reason: p.reason })),
            });
          }
          const dryRun = c.req.valid('query').dryRun === 'true';
          const imported = dryRun ? 0 : await importRoster(deps.db, rows);
          return c.json({ dryRun, rows: rows.length, imported });
        },
      )
  );
}
