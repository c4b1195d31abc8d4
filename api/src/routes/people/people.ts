import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import {
  appendAudit,
  decryptIdNumber,
  hashIdNumber,
  isValidIdNumber,
  maskPhone,
  protectIdNumber,
  type Prisma,
} from '@guanai/db';
import { visiblePeople } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { contentRange, validate } from '../../validation.ts';
import { importRoutes } from './person-import.ts';
import {
  ZCreatePersonSchema,
  ZDuplicateCheckSchema,
  ZMergeSchema,
  ZPersonListQuerySchema,
  ZPersonParams,
  ZReasonQuery,
  ZUpdatePersonSchema,
} from './people.types.ts';
import { withPersonCaseLock } from '../cases/with-person-case-lock.ts';
import { callsWorkflow } from '../../request/scope.ts';
import {
  addressKey,
  assertNoDuplicates,
  findDuplicates,
  findVisiblePerson,
  personInclude,
  registerPerson,
  toPersonDto,
} from './registry.ts';

type ListFilter = NonNullable<ReturnType<typeof ZPersonListQuerySchema.parse>['filter']>;

const EXPORT_LIMIT = 50_000;

export function peopleRoutes(deps: AppDeps) {
  const { db, keys } = deps;

  /** The registry in the caller's jurisdiction, narrowed by the list filter. */
  function listWhere(user: SessionUser, filter: ListFilter): Prisma.PersonWhereInput {
    const q = filter.q?.toUpperCase();
    const byDocument = q && isValidIdNumber(q) ? { idNumberHash: hashIdNumber(q, keys) } : null;
    return {
      AND: [
        visiblePeople(user),
        byDocument ?? (filter.q ? { OR: [{ name: { contains: filter.q } }, { phone: { contains: filter.q } }] } : {}),
        filter.merged ? { NOT: { mergedIntoId: null } } : { mergedIntoId: null },
      ],
      ...(filter.communityId ? { communityId: filter.communityId } : {}),
      ...(filter.householdId ? { householdId: filter.householdId } : {}),
      ...(filter.tag ? { tags: { has: filter.tag } } : {}),
      ...(filter.hukou ? { hukou: filter.hukou } : {}),
      ...(filter.id ? { id: { in: filter.id } } : {}),
    };
  }

  return (
    new Hono<AppEnv>()
      .route('/imports', importRoutes(deps))
      /** Workers and managers: the registry of their jurisdiction. */
      .get('/', validate('query', ZPersonListQuerySchema), async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where = listWhere(c.get('user'), filter);
        const [rows, total] = await Promise.all([
          db.person.findMany({
            where,
            include: personInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.person.count({ where }),
        ]);
        c.header('Content-Range', contentRange('people', range, rows.length, total));
        return c.json(rows.map(toPersonDto));
      })
      /**
       * Workers and managers: the list as CSV (UTF-8 with BOM, for Excel), identity numbers and phones
       * masked. An export is a sensitive read: it goes into the audit log with its filter and size.
       */
      .get('/export', validate('query', ZPersonListQuerySchema.pick({ filter: true })), async (c) => {
        const user = c.get('user');
        const filter = c.req.valid('query').filter ?? {};
        const rows = await db.person.findMany({
          where: listWhere(user, filter),
          include: { ...personInclude, household: { select: { id: true } } },
          orderBy: [{ communityId: 'asc' }, { householdId: 'asc' }, { name: 'asc' }],
          take: EXPORT_LIMIT,
        });
        await appendAudit(db, {
          actorId: user.id,
          action: 'person.export',
          target: `org-unit:${user.orgUnit.id}`,
          detail: { filter, rows: rows.length },
        });
        const csv = stringify(
          rows.map((row) => [
            row.name,
            row.sex ?? '',
            row.birthDate?.toISOString().slice(0, 10) ?? '',
            row.idType ?? '',
            row.idNumberMasked ?? '',
            row.phone ? maskPhone(row.phone) : '',
            row.address ?? '',
            row.hukou,
            row.community.name,
            row.householdId?.slice(0, 8) ?? '',
            row.relation ?? '',
            row.tags.join(';'),
          ]),
          {
            header: true,
            columns: [
              '姓名',
              '性别',
              '出生日期',
              '证件类型',
              '证件号码',
              '电话',
              '住址',
              '户籍',
              '社区',
              '户编号',
              '与户主关系',
              '标签',
            ],
          },
        );
        return c.body(`\uFEFF${csv}`, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="people-${user.orgUnit.code}.csv"`,
        });
      })
      /** Anyone who registers people: the records a new entry may duplicate, to warn while typing. */
      .post('/duplicates', validate('json', ZDuplicateCheckSchema), async (c) => {
        const body = c.req.valid('json');
        return c.json({ duplicates: await findDuplicates(db, keys, c.get('user'), body) });
      })
      /** Workers and managers: a person, their household and their cases. */
      .get('/:id', validate('param', ZPersonParams), async (c) => {
        const user = c.get('user');
        const row = await findVisiblePerson(db, user, c.req.valid('param').id);
        const [household, cases] = await Promise.all([
          row.householdId
            ? db.household.findUnique({
                where: { id: row.householdId },
                include: {
                  members: {
                    where: { mergedIntoId: null },
                    orderBy: { createdAt: 'asc' },
                    select: {
                      id: true,
                      name: true,
                      relation: true,
                      sex: true,
                      birthDate: true,
                      idNumberMasked: true,
                      tags: true,
                    },
                  },
                },
              })
            : null,
          db.case.findMany({
            where: { personId: row.id },
            orderBy: { createdAt: 'desc' },
            select: { id: true, caseNo: true, state: true, status: true, createdAt: true },
          }),
        ]);
        return c.json({
          ...toPersonDto(row),
          household: household && {
            id: household.id,
            address: household.address,
            monthlyIncome: household.monthlyIncome === null ? null : Number(household.monthlyIncome),
            members: household.members.map((m) => ({
              ...m,
              birthDate: m.birthDate?.toISOString().slice(0, 10) ?? null,
            })),
          },
          cases: cases.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })),
        });
      })
      /** Station workers, caseworkers, supervisors: registers a person (409 on a duplicate, see registry.ts). */
      .post('/', validate('json', ZCreatePersonSchema), async (c) => {
        const { confirmNotDuplicate, ...input } = c.req.valid('json');
        const row = await registerPerson(db, keys, c.get('user'), input, { confirmNotDuplicate });
        return c.json(toPersonDto(row), 201);
      })
      /** Station workers, caseworkers, supervisors: corrects a person's own fields. */
      .put('/:id', validate('param', ZPersonParams), validate('json', ZUpdatePersonSchema), async (c) => {
        const user = c.get('user');
        const row = await findVisiblePerson(db, user, c.req.valid('param').id);
        if (row.mergedIntoId)
          throw new AppError('CONFLICT', { message: 'this record was merged; edit the kept one', reason: 'MERGED' });
        const { idNumber, idType, phone, address, birthDate, ...rest } = c.req.valid('json');
        let document = {};
        if (idNumber) {
          const type = idType ?? row.idType ?? 'RESIDENT_ID';
          assertNoDuplicates(
            await findDuplicates(db, keys, user, { name: rest.name ?? row.name, idType: type, idNumber }, row.id),
            true,
          );
          document = protectIdNumber(idNumber, keys, type);
        } else if (idType && idType !== row.idType) {
          throw new AppError('VALIDATION', {
            message: 'give the document number with a new document type',
            field: 'idNumber',
          });
        }
        const updated = await db.person.update({
          where: { id: row.id },
          data: {
            ...rest,
            ...document,
            ...(phone !== undefined ? { phone: phone || null } : {}),
            ...(address !== undefined ? { address: address || null, addressKey: addressKey(address) } : {}),
            ...(birthDate ? { birthDate: new Date(`${birthDate}T00:00:00Z`) } : {}),
          },
          include: personInclude,
        });
        return c.json(toPersonDto(updated));
      })
      /**
       * Station workers, caseworkers, supervisors: the full document number, for a stated reason;
       * every such view is written to the audit log with who and why.
       */
      .get('/:id/id-number', validate('param', ZPersonParams), validate('query', ZReasonQuery), async (c) => {
        const user = c.get('user');
        const row = await findVisiblePerson(db, user, c.req.valid('param').id);
        if (!row.idNumberEnc) throw notFound('identity number');
        await appendAudit(db, {
          actorId: user.id,
          action: 'person.id-number.view',
          target: `person:${row.id}`,
          reason: c.req.valid('query').reason,
        });
        return c.json({ idType: row.idType, idNumber: decryptIdNumber(row.idNumberEnc, keys) });
      })
      /**
       * Supervisors: merges a duplicate record into the one to keep. The kept record takes the cases,
       * fills its empty fields from the duplicate and gains its tags; the duplicate stays, marked as
       * merged, so that history and the audit log keep pointing somewhere. In autocommit mode
       * (`callsWorkflow`): the merge commits its own transaction while it holds the people's case
       * lease, so that whoever takes the lease next sees it.
       */
      .post(
        '/:id/merge',
        callsWorkflow,
        validate('param', ZPersonParams),
        validate('json', ZMergeSchema),
        async (c) => {
          const user = c.get('user');
          const { intoId, reason } = c.req.valid('json');
          const source = await findVisiblePerson(db, user, c.req.valid('param').id);
          if (intoId === source.id)
            throw new AppError('VALIDATION', { message: 'a record cannot be merged into itself', field: 'intoId' });
          const target = await db.person.findFirst({ where: { id: intoId, ...visiblePeople(user) } });
          if (!target)
            throw new AppError('VALIDATION', { message: 'is not a person in your jurisdiction', field: 'intoId' });
          if (source.mergedIntoId || target.mergedIntoId)
            throw new AppError('CONFLICT', { message: 'one of the records was already merged', reason: 'MERGED' });
          if (source.idNumberHash && target.idNumberHash && source.idNumberHash !== target.idNumberHash) {
            throw new AppError('CONFLICT', {
              message: 'the two records carry different identity documents; they are different people',
              reason: 'DIFFERENT_DOCUMENTS',
            });
          }
          const kept = await withPersonCaseLock(db, [source.id, target.id], (locked) =>
            locked.$transaction(async (tx) => {
              if (
                (await tx.person.count({
                  where: { id: { in: [source.id, target.id] }, NOT: { mergedIntoId: null } },
                })) > 0
              ) {
                throw new AppError('CONFLICT', { message: 'one of the records was already merged', reason: 'MERGED' });
              }
              // One case that is not closed per person. When both records have one, the merge is refused
              // and the supervisor first closes one as a duplicate (CLOSE, reason duplicate), rather than
              // the merge closing one itself: which case goes on is their judgment (the two may stand at
              // different steps, with their own tasks, matches and reservations, owned by different
              // centers), and a close is a workflow Update that cannot roll back with this transaction.
              const open = await tx.case.findMany({
                where: { personId: { in: [source.id, target.id] }, status: { not: 'CLOSED' } },
                select: { caseNo: true },
                orderBy: { caseNo: 'asc' },
              });
              if (open.length > 1) {
                const numbers = open.map((k) => k.caseNo);
                throw new AppError('CONFLICT', {
                  message: `both records have an open case (${numbers.join(', ')}); close one of them as a duplicate first, then merge`,
                  reason: 'DUPLICATE_CASE',
                  extra: { openCases: numbers },
                });
              }
              const moved = await tx.case.updateMany({ where: { personId: source.id }, data: { personId: target.id } });
              await tx.person.update({ where: { id: source.id }, data: { mergedIntoId: target.id } });
              const fill = <K extends 'sex' | 'birthDate' | 'phone'>(k: K) =>
                target[k] === null && source[k] !== null ? { [k]: source[k] } : {};
              const merged = await tx.person.update({
                where: { id: target.id },
                data: {
                  ...fill('sex'),
                  ...fill('birthDate'),
                  ...fill('phone'),
                  ...(target.address === null ? { address: source.address, addressKey: source.addressKey } : {}),
                  ...(target.idNumberHash === null && source.idNumberHash
                    ? {
                        idType: source.idType,
                        idNumberEnc: source.idNumberEnc,
                        idNumberHash: source.idNumberHash,
                        idNumberMasked: source.idNumberMasked,
                      }
                    : {}),
                  ...(target.householdId === null
                    ? { householdId: source.householdId, relation: source.relation }
                    : {}),
                  tags: [...new Set([...target.tags, ...source.tags])],
                },
                include: personInclude,
              });
              await appendAudit(tx, {
                actorId: user.id,
                action: 'person.merge',
                target: `person:${target.id}`,
                reason,
                detail: { merged: source.id, casesMoved: moved.count },
              });
              return merged;
            }),
          );
          return c.json(toPersonDto(kept));
        },
      )
  );
}
